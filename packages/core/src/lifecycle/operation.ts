import type { Clock } from "../clock.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import type { Logger } from "../logger.js";
import { createOperationSignal } from "../retry/create-operation-signal.js";
import { resolveRetryOptions } from "../retry/resolve-retry-options.js";
import type { RetryOptions } from "../retry/retry-options.js";
import { callHook, runWithRetry } from "../retry/run-with-retry.js";
import type { ResponseMetadata } from "../spec/allocation-result.js";
import type { OperationHooks, OperationOptions } from "../spec/operation-options.js";
import { trackRequestDelivery, wasNeverSent } from "./track-request-delivery.js";

/** What every operation of one allocator shares. @public */
export interface OperationEnvironment {
  /** Provider name, e.g. `zenlayer-eip`. */
  readonly provider: string;
  readonly clock: Clock;
  /** Source of jitter, [0, 1). */
  readonly random: () => number;
  readonly logger: Logger;
  /** The allocator's retry policy, budget included; a per-call `retry` is merged over it. */
  readonly retry: RetryOptions;
}

/** One attempt of one wire call: what a client needs to send it and report it. @public */
export interface AttemptContext {
  /** Neutral operation (`allocate`, `describe`, …). */
  readonly operation: string;
  /** 1-based attempt number of this call. */
  readonly attempt: number;
  /** The operation's signal: caller abort and deadline, with typed reasons. */
  readonly signal: AbortSignal;
  readonly hooks: OperationHooks | undefined;
}

/** Per-call retry rule; the default retries whatever is `retryable`. @public */
export interface CallOptions {
  shouldRetry?: (error: IpAllocatorError, attempt: number) => boolean;
}

/**
 * One running allocator method: its combined abort signal (caller signal + deadline), its retry policy,
 * hooks, and the retry facts of every wire call it made, summed into the result's `metadata`.
 * Built by {@link LifecycleEngine.run}; adapters receive it in every wire call.
 * @public
 */
export class Operation {
  readonly signal: AbortSignal;
  readonly retry: RetryOptions;
  readonly hooks: OperationHooks | undefined;
  private readonly disposeSignal: () => void;
  private retries = 0;
  private retryDelayMs = 0;
  private lastRequestId: string | undefined;

  constructor(
    readonly environment: OperationEnvironment,
    /** Neutral operation name. */
    readonly name: string,
    options: OperationOptions,
    /** Deadline applied when the call sets no `timeoutMs`. */
    timeoutMs: number,
  ) {
    const operationSignal = createOperationSignal(
      { signal: options.signal, timeoutMs: options.timeoutMs },
      { provider: environment.provider, operation: name },
      timeoutMs,
    );
    this.signal = operationSignal.signal;
    this.disposeSignal = operationSignal.dispose;
    this.hooks = options.hooks;
    this.retry =
      options.retry === undefined ? environment.retry : resolveRetryOptions(environment.retry, options.retry);
  }

  /** Provider name, for errors. */
  get provider(): string {
    return this.environment.provider;
  }

  /**
   * Runs one wire call under the retry policy; records attempts, delays and the request id (the value's
   * `requestId`, or the error's). Rejects only with `IpAllocatorError`.
   */
  async call<T>(attempt: (context: AttemptContext) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const { clock, random, provider } = this.environment;
    try {
      const outcome = await runWithRetry(
        (attemptNumber) =>
          this.deliver(() =>
            attempt({ operation: this.name, attempt: attemptNumber, signal: this.signal, hooks: this.hooks }),
          ),
        {
          provider,
          operation: this.name,
          retry: this.retry,
          clock,
          random,
          signal: this.signal,
          hooks: this.hooks,
          shouldRetry: options.shouldRetry,
        },
      );
      this.record(outcome.attempts, outcome.totalRetryDelayMs, readRequestId(outcome.value));
      return outcome.value;
    } catch (thrown) {
      const error = thrown as IpAllocatorError;
      this.record(error.attempts, error.totalRetryDelayMs, error.requestId);
      throw error;
    }
  }

  /**
   * Runs one attempt, noting whether it may have reached the provider. An ambiguous failure of an attempt whose
   * requests were never written to a socket (the deadline or Ctrl-C came while connecting) did nothing: it is
   * rethrown as not ambiguous, so a mutation is neither read back nor reported as OUTCOME_UNKNOWN.
   */
  private async deliver<T>(attempt: () => Promise<T>): Promise<T> {
    const { result, delivery } = trackRequestDelivery(attempt);
    try {
      return await result;
    } catch (thrown) {
      if (wasNeverSent(delivery) && IpAllocatorError.isInstance(thrown) && thrown.ambiguous) {
        throw new IpAllocatorError({
          ...thrown.toOptions(),
          ambiguous: false,
          details: { ...thrown.details, neverSent: true },
        });
      }
      throw thrown;
    }
  }

  /** Sleeps on the operation's clock; rejects with the typed abort reason (TIMEOUT / CANCELLED). */
  sleep(delayMs: number): Promise<void> {
    return this.environment.clock.sleep(delayMs, this.signal);
  }

  /**
   * Counts a retry decided above the wire (e.g. allocating again after a read-back found nothing), spending the
   * retry budget like any retry. False when the budget is exhausted: the caller must then give up.
   */
  spendRetry(error: IpAllocatorError, attempt: number, delayMs = 0): boolean {
    const budget = this.retry.budget;
    if (budget !== false && budget.acquire(error) === undefined) return false;
    this.retries += 1;
    this.retryDelayMs += delayMs;
    callHook(() => this.hooks?.onRetry?.({ provider: this.provider, operation: this.name, attempt, delayMs, error }));
    return true;
  }

  /** `attempts` is 1 plus every retry of every call, so it stays 1 when nothing was retried. */
  metadata(): ResponseMetadata {
    const metadata: ResponseMetadata = { attempts: 1 + this.retries, totalRetryDelayMs: this.retryDelayMs };
    if (this.lastRequestId !== undefined) metadata.requestId = this.lastRequestId;
    return metadata;
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

function readRequestId(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const requestId =
    (value as { requestId?: unknown; RequestId?: unknown }).requestId ?? (value as { RequestId?: unknown }).RequestId;
  return typeof requestId === "string" ? requestId : undefined;
}
