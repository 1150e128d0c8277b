import {
  createOperationSignal,
  resolveRetryOptions,
  runWithRetry,
  type Clock,
  type IpAllocatorError,
  type Logger,
  type OperationHooks,
  type OperationOptions,
  type ResponseMetadata,
  type RetryBudget,
  type RetryOptions,
} from "@polycloud/core";
import type { z } from "zod";
import type { ZenlayerEipAction, ZenlayerEipClient } from "./zenlayer-eip-client.js";
import type { ResolvedZenlayerEipSettings } from "./zenlayer-eip-tokens.js";
import { ZENLAYER_DEFAULT_RETRY } from "./zenlayer-eip-settings.js";

/** What every operation shares: the wire client, time, randomness and the retry budget. @internal */
export interface ZenlayerEipDependencies {
  client: ZenlayerEipClient;
  settings: ResolvedZenlayerEipSettings;
  clock: Clock;
  random: () => number;
  budget: RetryBudget;
  /** Receives redacted diagnostics (reconciliation outcomes). */
  logger: Logger;
}

/** Per-call retry rule; the default retries whatever is `retryable`. @internal */
export interface CallOptions {
  shouldRetry?: (error: IpAllocatorError, attempt: number) => boolean;
}

/**
 * One running allocator method: its combined abort signal (caller signal + deadline), its retry
 * options, and the retry facts of every call it made, summed into the result's metadata.
 * @internal
 */
export class ZenlayerEipOperation {
  readonly signal: AbortSignal;
  readonly retry: RetryOptions;
  readonly hooks: OperationHooks | undefined;
  private readonly disposeSignal: () => void;
  private retries = 0;
  private retryDelayMs = 0;
  private lastRequestId: string | undefined;

  constructor(
    readonly name: string,
    readonly dependencies: ZenlayerEipDependencies,
    options: OperationOptions,
    defaultTimeoutMs?: number,
  ) {
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const operationSignal = createOperationSignal({ signal: options.signal, timeoutMs }, { provider: "zenlayer-eip", operation: name });
    this.signal = operationSignal.signal;
    this.disposeSignal = () => operationSignal.dispose();
    this.hooks = options.hooks;
    const configured = { ...ZENLAYER_DEFAULT_RETRY, ...dependencies.settings.retry, budget: dependencies.budget };
    this.retry = resolveRetryOptions(configured, options.retry);
  }

  /** Calls one action with retries; records attempts, delays and the request id. */
  async call<Schema extends z.ZodType>(action: ZenlayerEipAction, parameters: Record<string, unknown>, schema: Schema, options: CallOptions = {}): Promise<{ response: z.output<Schema>; requestId: string | undefined }> {
    const { client, clock, random } = this.dependencies;
    try {
      const outcome = await runWithRetry((attempt) => client.call(action, parameters, schema, { operation: this.name, attempt, signal: this.signal, hooks: this.hooks }), {
        provider: "zenlayer-eip",
        operation: this.name,
        retry: this.retry,
        clock,
        random,
        signal: this.signal,
        hooks: this.hooks,
        shouldRetry: options.shouldRetry,
      });
      this.record(outcome.attempts, outcome.totalRetryDelayMs, outcome.value.requestId);
      return outcome.value;
    } catch (thrown) {
      const error = thrown as IpAllocatorError;
      this.record(error.attempts, error.totalRetryDelayMs, error.requestId);
      throw error;
    }
  }

  /** Sleeps on the operation's clock; rejects with the typed abort reason. */
  sleep(delayMs: number): Promise<void> {
    return this.dependencies.clock.sleep(delayMs, this.signal);
  }

  /** Counts an extra round decided by the adapter (e.g. re-allocating after reconciliation found nothing). */
  recordRetry(delayMs: number): void {
    this.retries += 1;
    this.retryDelayMs += delayMs;
  }

  /** `attempts` is 1 plus every retry of every call, so it stays 1 when nothing was retried. */
  metadata(): ResponseMetadata {
    return { ...(this.lastRequestId ? { requestId: this.lastRequestId } : {}), attempts: 1 + this.retries, totalRetryDelayMs: this.retryDelayMs };
  }

  /** Request id of the last answered call. */
  get requestId(): string | undefined {
    return this.lastRequestId;
  }

  /** Clears the deadline timer and detaches from the caller's signal. */
  dispose(): void {
    this.disposeSignal();
  }

  private record(attempts: number, delayMs: number, requestId: string | undefined): void {
    this.retries += Math.max(0, attempts - 1);
    this.retryDelayMs += delayMs;
    if (requestId !== undefined) this.lastRequestId = requestId;
  }
}
