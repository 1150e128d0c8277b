import { randomUUID } from "node:crypto";
import {
  CLOCK,
  IpAllocatorError,
  RANDOM,
  RETRY_BUDGET,
  createOperationSignal,
  createRedactor,
  inject,
  injectable,
  pollUntil,
  resolveRetryOptions,
  runWithRetry,
  toIpAllocatorError,
  validateAllocateRequest,
  validateResourceId,
  type AllocatedIp,
  type AllocateRequestInput,
  type AllocationResult,
  type Clock,
  type DescribeResult,
  type IpAllocator,
  type IpAllocatorCapabilities,
  type OperationOptions,
  type Redactor,
  type ReleaseResult,
  type ResponseMetadata,
  type RetryBudget,
  type RetryOutcome,
  type WaitOptions,
} from "@polycloud/core";
import type { InMemoryCall, InMemoryCloud, InMemoryIpRecord, InMemoryReply } from "./in-memory-cloud.js";
import { InMemoryProviderOptionsSchema, IN_MEMORY_PROVIDER, type ResolvedInMemorySettings } from "./in-memory-settings.js";
import { IN_MEMORY_CLOUD, IN_MEMORY_SETTINGS } from "./in-memory-tokens.js";
import { mapInMemoryError } from "./map-in-memory-error.js";

/** Retrying after an ambiguous failure could allocate twice: such failures are reconciled instead. */
const retryUnlessAmbiguous = (error: IpAllocatorError) => error.retryable && !error.ambiguous;

/** The in-memory provider's IpAllocator: validate, combine signal and deadline, retry, map errors, report hooks. */
@injectable()
export class InMemoryAllocator implements IpAllocator {
  readonly provider = IN_MEMORY_PROVIDER;
  readonly capabilities: IpAllocatorCapabilities;
  private readonly redactor: Redactor;
  private closed = false;

  constructor(
    @inject(IN_MEMORY_SETTINGS) private readonly settings: ResolvedInMemorySettings,
    @inject(IN_MEMORY_CLOUD) private readonly cloud: InMemoryCloud,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(RETRY_BUDGET) private readonly retryBudget: RetryBudget,
    @inject(RANDOM) private readonly random: () => number,
  ) {
    this.redactor = createRedactor([settings.accessToken]);
    this.capabilities = {
      provisioning: cloud.provisioningDelayMs > 0 ? "asynchronous" : "synchronous",
      requiresInstance: false,
      supportsInstance: true,
      locationKind: "zone",
      maxCountPerCall: 10,
      release: "supported",
      idempotency: "native",
      billsOnAllocate: false,
    };
  }

  async allocate(input: AllocateRequestInput, options: OperationOptions = {}): Promise<AllocationResult> {
    const { request, providerOptions } = validateAllocateRequest(input, { provider: this.provider, capabilities: this.capabilities, providerOptionsSchema: InMemoryProviderOptionsSchema });
    // Every call carries a key, so the cloud dedupes retries and a lost answer can be looked up.
    const idempotencyKey = request.idempotencyKey ?? `polycloud-${randomUUID()}`;
    const zone = request.location.zone as string; // validated: locationKind is "zone"
    const order = { zone, count: request.count, instanceId: request.instanceId, tags: request.tags, description: providerOptions.description, idempotencyKey };
    return this.operate("allocate", options, async (signal) => {
      try {
        const outcome = await this.call("allocate", signal, options, (call) => this.cloud.allocate(call, order), retryUnlessAmbiguous);
        return this.toAllocationResult(outcome, idempotencyKey, false);
      } catch (thrown) {
        const error = toIpAllocatorError(thrown, { provider: this.provider, operation: "allocate" });
        if (!error.ambiguous || signal.aborted) throw error;
        return this.reconcile(idempotencyKey, error, signal, options);
      }
    });
  }

  // `async` so that validation failures reject rather than throw synchronously from a promise-returning method.
  async describe(id: string, options: OperationOptions = {}): Promise<DescribeResult> {
    validateResourceId(id, { provider: this.provider, operation: "describe" });
    return this.operate("describe", options, (signal) => this.read(id, signal, options));
  }

  async release(id: string, options: OperationOptions = {}): Promise<ReleaseResult> {
    validateResourceId(id, { provider: this.provider, operation: "release" });
    return this.operate("release", options, async (signal) => {
      const outcome = await this.call("release", signal, options, (call) => this.cloud.release(call, id), retryUnlessAmbiguous);
      return { provider: this.provider, id, state: "released", requestId: outcome.value.requestId, metadata: toMetadata(outcome), warnings: [] };
    });
  }

  async waitUntilReady(id: string, options: WaitOptions = {}): Promise<DescribeResult> {
    validateResourceId(id, { provider: this.provider, operation: "waitUntilReady" });
    return this.operate("waitUntilReady", options, async (signal) => {
      const { value } = await pollUntil({
        read: () => this.read(id, signal, options),
        check: (result) => (result.ip.state === "ready" ? "done" : "continue"),
        signal,
        clock: this.clock,
        random: this.random,
        intervalMs: options.pollIntervalMs ?? 100,
        maxIntervalMs: options.maxPollIntervalMs ?? 2_000,
      });
      return value;
    });
  }

  async close(): Promise<void> {
    // Nothing to free: the cloud holds no sockets or timers. Later calls are refused.
    this.closed = true;
  }

  /** Runs one operation under the caller's signal and deadline; always rejects with an IpAllocatorError. */
  private async operate<T>(operation: string, options: OperationOptions, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.closed) throw new IpAllocatorError({ code: "FAILED_PRECONDITION", message: `${operation}: the allocator is closed.`, provider: this.provider, operation });
    const operationSignal = createOperationSignal(options, { provider: this.provider, operation });
    try {
      return await run(operationSignal.signal);
    } catch (thrown) {
      throw toIpAllocatorError(thrown, { provider: this.provider, operation });
    } finally {
      operationSignal.dispose();
    }
  }

  /** One cloud call under runWithRetry, reported to the hooks the way an HTTP adapter reports a request. */
  private call<T>(operation: string, signal: AbortSignal, options: OperationOptions, send: (call: InMemoryCall) => Promise<InMemoryReply<T>>, shouldRetry?: (error: IpAllocatorError) => boolean): Promise<RetryOutcome<InMemoryReply<T>>> {
    const { hooks } = options;
    const attemptCall = async (attempt: number): Promise<InMemoryReply<T>> => {
      const headers = this.redactor.headers({ authorization: `Bearer ${this.settings.accessToken}` });
      notify(() => hooks?.onRequest?.({ provider: this.provider, operation, attempt, method: "POST", url: `memory://${this.provider}/${operation}`, headers }));
      const started = this.clock.now();
      try {
        const reply = await send({ accessToken: this.settings.accessToken, signal });
        notify(() => hooks?.onResponse?.({ provider: this.provider, operation, attempt, status: 200, requestId: reply.requestId, durationMs: this.clock.now() - started }));
        return reply;
      } catch (thrown) {
        throw mapInMemoryError(thrown, { operation, redactor: this.redactor });
      }
    };
    const retry = resolveRetryOptions({ budget: this.retryBudget }, options.retry);
    return runWithRetry(attemptCall, { provider: this.provider, operation, retry, clock: this.clock, random: this.random, signal, hooks, shouldRetry });
  }

  private async read(id: string, signal: AbortSignal, options: OperationOptions): Promise<DescribeResult> {
    const outcome = await this.call("describe", signal, options, (call) => this.cloud.describe(call, id));
    return { provider: this.provider, ip: this.toAllocatedIp(outcome.value.value), requestId: outcome.value.requestId, metadata: toMetadata(outcome) };
  }

  /** After a lost answer: return what the key allocated, or admit that nobody knows. */
  private async reconcile(idempotencyKey: string, failure: IpAllocatorError, signal: AbortSignal, options: OperationOptions): Promise<AllocationResult> {
    const lookup = await this.call("lookup", signal, options, (call) => this.cloud.lookup(call, idempotencyKey)).catch(() => undefined);
    const found = lookup?.value.value;
    if (lookup === undefined || found === undefined || found.length === 0) {
      throw new IpAllocatorError({ ...failure.toOptions(), code: "OUTCOME_UNKNOWN", category: "server", retryable: false, message: `allocate may or may not have happened: ${failure.message}`, cause: failure });
    }
    const warning = "The allocate answer was lost; the allocation was found by its idempotency key.";
    const reply = { requestId: lookup.value.requestId, value: found };
    const metadata = { attempts: failure.attempts + lookup.attempts, totalRetryDelayMs: failure.totalRetryDelayMs + lookup.totalRetryDelayMs };
    return { ...this.toAllocationResult({ ...metadata, value: reply }, idempotencyKey, true), warnings: [warning] };
  }

  private toAllocationResult(outcome: RetryOutcome<InMemoryReply<InMemoryIpRecord[]>>, idempotencyKey: string, reconciled: boolean): AllocationResult {
    const ips = outcome.value.value.map((record) => this.toAllocatedIp(record));
    return { provider: this.provider, ips, requestId: outcome.value.requestId, idempotencyKey, reconciled, metadata: toMetadata(outcome), warnings: [] };
  }

  private toAllocatedIp(record: InMemoryIpRecord): AllocatedIp {
    const pending = this.cloud.now() < record.readyAt;
    const { id, zone, instanceId, tags } = record;
    return { id, address: pending ? undefined : record.address, state: pending ? "pending" : "ready", location: { zone }, instanceId, tags, providerState: pending ? "PROVISIONING" : "ACTIVE", raw: record };
  }
}

function toMetadata(outcome: RetryOutcome<InMemoryReply<unknown>>): ResponseMetadata {
  return { requestId: outcome.value.requestId, attempts: outcome.attempts, totalRetryDelayMs: outcome.totalRetryDelayMs };
}

/** Hooks are observers: one that throws must never change an operation's outcome. */
function notify(report: () => void): void {
  try {
    report();
  } catch {
    // Best-effort by contract.
  }
}
