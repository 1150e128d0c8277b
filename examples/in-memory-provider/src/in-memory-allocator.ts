import {
  CLOCK,
  HTTP_DISPATCHER,
  INSPECT_CUSTOM,
  IpAllocatorError,
  LOGGER,
  LifecycleEngine,
  RANDOM,
  RETRY_BUDGET,
  formatSafeSummary,
  inject,
  injectable,
  resolveRetryOptions,
  type AllocateRequestInput,
  type AllocationResult,
  type Clock,
  type DescribeResult,
  type Dispatcher,
  type IpAllocator,
  type IpAllocatorCapabilities,
  type Logger,
  type OperationOptions,
  type ReleaseResult,
  type RetryBudget,
  type WaitOptions,
} from "@polycloud/core";
import { allocateInMemoryIps } from "./allocate-in-memory-ips.js";
import { describeInMemoryIp } from "./describe-in-memory-ip.js";
import type { InMemoryClient } from "./in-memory-client.js";
import { IN_MEMORY_PROVIDER, type ResolvedInMemorySettings } from "./in-memory-settings.js";
import {
  IN_MEMORY_CLIENT,
  IN_MEMORY_LIFECYCLE,
  IN_MEMORY_SETTINGS,
  type InMemoryLifecycle,
} from "./in-memory-tokens.js";
import { toAllocatedIp } from "./parse-in-memory-response.js";
import { releaseInMemoryIp } from "./release-in-memory-ip.js";
import { validateInMemoryId, validateInMemoryRequest } from "./validate-in-memory-request.js";
import { waitForInMemoryIp } from "./wait-for-in-memory-ip.js";

/** What the in-memory cloud can do: facts callers (and the conformance kit) branch on. */
export const IN_MEMORY_CAPABILITIES: IpAllocatorCapabilities = Object.freeze({
  provisioning: "asynchronous",
  requiresInstance: false,
  supportsInstance: true,
  locationKind: "zone",
  maxCountPerCall: 10,
  release: "supported",
  idempotency: "reconciled",
  billsOnAllocate: false,
});

/** Default deadline of `waitUntilReady` when neither the call nor the settings set one. */
const DEFAULT_WAIT_TIMEOUT_MS = 300_000;

/**
 * The in-memory provider's IpAllocator. Each method validates its input, then runs its wire calls inside
 * `engine.run(...)`, which owns the lifecycle: closed check, options, deadline, signal, retries, typed errors.
 */
@injectable()
export class InMemoryAllocator implements IpAllocator {
  readonly provider = IN_MEMORY_PROVIDER;
  readonly capabilities = IN_MEMORY_CAPABILITIES;
  private readonly engine: LifecycleEngine;

  constructor(
    @inject(IN_MEMORY_SETTINGS) private readonly settings: ResolvedInMemorySettings,
    @inject(IN_MEMORY_CLIENT) private readonly client: InMemoryClient,
    @inject(IN_MEMORY_LIFECYCLE) lifecycle: InMemoryLifecycle,
    @inject(HTTP_DISPATCHER) dispatcher: Dispatcher,
    @inject(CLOCK) clock: Clock,
    @inject(RANDOM) random: () => number,
    @inject(RETRY_BUDGET) budget: RetryBudget,
    @inject(LOGGER) logger: Logger,
  ) {
    this.engine = new LifecycleEngine({
      provider: IN_MEMORY_PROVIDER,
      clock,
      random,
      logger,
      retry: resolveRetryOptions({ ...settings.retry, budget }),
      defaultTimeoutMs: settings.operationTimeoutMs,
      onClose: async () => {
        client.rejectQueued(
          new IpAllocatorError({
            code: "FAILED_PRECONDITION",
            message:
              "The in-memory allocator was closed while the call waited for a rate-limit slot; nothing was sent.",
            provider: IN_MEMORY_PROVIDER,
          }),
        );
        if (lifecycle.ownsDispatcher) await dispatcher.close();
      },
    });
  }

  /** Allocates `count` IPs in `location.zone`, exactly once per idempotency key. */
  async allocate(input: AllocateRequestInput, options?: OperationOptions): Promise<AllocationResult> {
    const request = validateInMemoryRequest(input, this.capabilities);
    return this.engine.serialize(request.idempotencyKey, () =>
      this.engine.run("allocate", options, (operation) =>
        allocateInMemoryIps(operation, this.client, request, this.settings.reconcile),
      ),
    );
  }

  /** Reads one IP; NOT_FOUND once released. */
  async describe(id: string, options?: OperationOptions): Promise<DescribeResult> {
    const ipId = validateInMemoryId(id, "describe");
    return this.engine.run("describe", options, async (operation) => {
      const ip = await describeInMemoryIp(operation, this.client, ipId);
      return {
        provider: this.provider,
        ip: toAllocatedIp(ip),
        requestId: operation.requestId,
        metadata: operation.metadata(),
      };
    });
  }

  /** Gives one IP back to the pool. */
  async release(id: string, options?: OperationOptions): Promise<ReleaseResult> {
    const ipId = validateInMemoryId(id, "release");
    return this.engine.run("release", options, async (operation) => {
      await releaseInMemoryIp(operation, this.client, ipId);
      return {
        provider: this.provider,
        id: ipId,
        state: "released",
        requestId: operation.requestId,
        metadata: operation.metadata(),
        warnings: [],
      };
    });
  }

  /** Polls until the IP is ACTIVE (it is PROVISIONING, without an address, for a while after allocate). */
  async waitUntilReady(id: string, options?: WaitOptions): Promise<DescribeResult> {
    const ipId = validateInMemoryId(id, "waitUntilReady");
    const pacing = { intervalMs: options?.pollIntervalMs, maxIntervalMs: options?.maxPollIntervalMs };
    const waitTimeoutMs = this.settings.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    return this.engine.run(
      "waitUntilReady",
      options,
      async (operation) => {
        const ip = await waitForInMemoryIp(operation, this.client, ipId, pacing);
        return {
          provider: this.provider,
          ip: toAllocatedIp(ip),
          requestId: operation.requestId,
          metadata: operation.metadata(),
        };
      },
      waitTimeoutMs,
    );
  }

  /** Refuses later calls; closes the dispatcher when this allocator created it. Safe to call twice. */
  close(): Promise<void> {
    return this.engine.close();
  }

  /** What `JSON.stringify` shows: the provider, its capabilities and the endpoint, never the access token. */
  toJSON(): Record<string, unknown> {
    return { provider: this.provider, capabilities: this.capabilities, endpoint: this.settings.endpoint };
  }

  /** What `console.log` and `util.inspect` show: the same safe summary. */
  [INSPECT_CUSTOM](): string {
    return formatSafeSummary("InMemoryAllocator", this.toJSON());
  }
}
