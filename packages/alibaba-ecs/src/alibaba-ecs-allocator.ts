import { randomUUID } from "node:crypto";
import {
  CLOCK,
  HTTP_DISPATCHER,
  IpAllocatorError,
  LOGGER,
  RANDOM,
  RETRY_BUDGET,
  RateLimiter,
  createOperationSignal,
  inject,
  injectable,
  resolveRetryOptions,
  toIpAllocatorError,
  validateResourceId,
  type AllocateRequestInput,
  type AllocationResult,
  type Clock,
  type DescribeResult,
  type IpAllocator,
  type IpAllocatorCapabilities,
  type Logger,
  type OperationOptions,
  type ReleaseResult,
  type RetryBudget,
  type RetryOptions,
  type WaitOptions,
} from "@polycloud/core";
import type { Dispatcher } from "undici";
import { allocatePublicIp } from "./allocate-public-ip.js";
import { AlibabaEcsClient, type AlibabaEcsEnvironment, type AlibabaEcsSigningSource } from "./alibaba-ecs-client.js";
import type { AlibabaEcsOperation } from "./alibaba-ecs-operation.js";
import { ALIBABA_ECS_PROVIDER, type AlibabaEcsResolvedSettings } from "./alibaba-ecs-settings.js";
import { ALIBABA_ECS_ENVIRONMENT, ALIBABA_ECS_LIFECYCLE, ALIBABA_ECS_SETTINGS, ALIBABA_ECS_SIGNING_SOURCE, type AlibabaEcsLifecycle } from "./alibaba-ecs-tokens.js";
import { describeInstanceAttribute } from "./describe-instance-attribute.js";
import { describeFreshIp, describePendingIp, mapInstanceToAllocatedIp } from "./map-instance-to-allocated-ip.js";
import { readPublicIpAddress } from "./parse-alibaba-ecs-response.js";
import { RELEASE_DEPRECATION_WARNING, releasePublicIp } from "./release-public-ip.js";
import { INSTANCE_ID_PATTERN, validateAlibabaEcsRequest } from "./validate-alibaba-ecs-request.js";
import { waitForPublicIpReady } from "./wait-for-public-ip-ready.js";

/** What ECS system public IPs can do (one per instance, synchronous, release deprecated). @public */
export const ALIBABA_ECS_CAPABILITIES: IpAllocatorCapabilities = Object.freeze({
  provisioning: "synchronous",
  requiresInstance: true,
  supportsInstance: true,
  locationKind: "region",
  maxCountPerCall: 1,
  release: "deprecated",
  idempotency: "reconciled",
  // The address itself is free; traffic or bandwidth is billed on the instance's own terms.
  billsOnAllocate: false,
});

/** Default deadline of `waitUntilReady` when the caller sets none: a Stopped instance may never start. @public */
export const DEFAULT_WAIT_TIMEOUT_MS = 300_000;

const INSTANCE_ID_HINT = "must be the instance id returned by allocate (ips[].id)";

/**
 * `IpAllocator` for Alibaba Cloud ECS system public IPs. The id of an allocated IP is its instance id.
 * Build it with `createAlibabaEcsAllocator`, `alibabaEcsModule` (DI) or `createIpAllocator({ provider: "alibaba-ecs" })`.
 * @public
 */
@injectable()
export class AlibabaEcsAllocator implements IpAllocator {
  readonly provider = ALIBABA_ECS_PROVIDER;
  readonly capabilities = ALIBABA_ECS_CAPABILITIES;
  private readonly client: AlibabaEcsClient;
  private readonly rateLimiter: RateLimiter | undefined;
  /** The allocator's retry policy, resolved once; a per-call `retry` override is merged over it. */
  private readonly retry: RetryOptions;
  private closing: Promise<void> | undefined;

  constructor(
    @inject(ALIBABA_ECS_SETTINGS) private readonly settings: AlibabaEcsResolvedSettings,
    @inject(HTTP_DISPATCHER) private readonly dispatcher: Dispatcher,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(RETRY_BUDGET) private readonly budget: RetryBudget,
    @inject(RANDOM) private readonly random: () => number,
    @inject(ALIBABA_ECS_ENVIRONMENT) environment: AlibabaEcsEnvironment,
    @inject(ALIBABA_ECS_SIGNING_SOURCE) signing: AlibabaEcsSigningSource,
    @inject(ALIBABA_ECS_LIFECYCLE) private readonly lifecycle: AlibabaEcsLifecycle,
  ) {
    this.rateLimiter = settings.rateLimit === undefined ? undefined : new RateLimiter(settings.rateLimit, clock);
    this.client = new AlibabaEcsClient(settings, dispatcher, signing, environment, this.rateLimiter);
    this.retry = resolveRetryOptions({ ...settings.retry, budget });
  }

  /** Allocates the instance's public IP (`AllocatePublicIpAddress`, or `ModifyInstanceNetworkSpec` on request). */
  async allocate(input: AllocateRequestInput, options?: OperationOptions): Promise<AllocationResult> {
    const { request, providerOptions } = validateAlibabaEcsRequest(input, { capabilities: this.capabilities, region: this.settings.region });
    const { instanceId } = request;
    const modify = providerOptions.method === "modify-instance-network-spec";
    return this.run("allocate", options, async (operation) => {
      // One request on the happy path: a missing instance already answers InvalidInstanceId.NotFound, and the
      // instance is only read when the answer is ambiguous (reconciliation) or carries no address (Modify).
      // Only ModifyInstanceNetworkSpec takes a ClientToken; AllocatePublicIpAddress is reconciled by read-back.
      const clientToken = modify ? (request.idempotencyKey ?? randomUUID()) : "";
      const outcome = await allocatePublicIp(operation, { instanceId, options: providerOptions, clientToken });
      const { value: allocated, reconciled } = outcome.value;
      const ip = allocated.instance
        ? { ...mapInstanceToAllocatedIp(allocated.instance, this.settings.region, allocated.ipAddress), raw: allocated.instance }
        : describeFreshIp(instanceId, this.settings.region, allocated);
      const warnings = allocated.instance && ip.state === "pending" ? [describePendingIp(instanceId, allocated.instance.Status)] : [];
      if (Object.keys(request.tags).length > 0) warnings.push("Tags were not applied: ECS system public IPs cannot carry tags.");
      const result: AllocationResult = {
        provider: this.provider,
        ips: [ip],
        requestId: allocated.requestId,
        reconciled,
        metadata: { requestId: allocated.requestId, attempts: outcome.attempts, totalRetryDelayMs: outcome.totalRetryDelayMs },
        warnings,
      };
      if (modify) result.idempotencyKey = clientToken;
      return result;
    });
  }

  /** Reads the instance's public IP: NOT_FOUND without the instance, state `released` when it has no public IP. */
  async describe(id: string, options?: OperationOptions): Promise<DescribeResult> {
    const instanceId = this.validateId(id, "describe");
    return this.run("describe", options, async (operation) => {
      const { value: instance, attempts, totalRetryDelayMs } = await describeInstanceAttribute(operation, instanceId);
      const metadata = { requestId: instance.RequestId, attempts, totalRetryDelayMs };
      return { provider: this.provider, ip: mapInstanceToAllocatedIp(instance, this.settings.region), requestId: instance.RequestId, metadata };
    });
  }

  /** Releases the instance's public IP with the deprecated `ReleasePublicIpAddress` (a warning says so). */
  async release(id: string, options?: OperationOptions): Promise<ReleaseResult> {
    const instanceId = this.validateId(id, "release");
    return this.run("release", options, async (operation) => {
      const before = await describeInstanceAttribute(operation, instanceId);
      const address = readPublicIpAddress(before.value);
      if (address === undefined) {
        // Releasing twice (or an instance that never had one) is a no-op, so a retried release stays safe.
        const metadata = { requestId: before.value.RequestId, attempts: before.attempts, totalRetryDelayMs: before.totalRetryDelayMs };
        const warnings = [RELEASE_DEPRECATION_WARNING, `${instanceId} has no public IP: nothing was released.`];
        return { provider: this.provider, id: instanceId, state: "released", requestId: before.value.RequestId, metadata, warnings };
      }
      const outcome = await releasePublicIp(operation, { instanceId, address });
      const { requestId } = outcome.value.value;
      const metadata = { requestId, attempts: outcome.attempts, totalRetryDelayMs: before.totalRetryDelayMs + outcome.totalRetryDelayMs };
      return { provider: this.provider, id: instanceId, state: "released", requestId, metadata, warnings: [RELEASE_DEPRECATION_WARNING] };
    });
  }

  /**
   * Polls until the instance is Running with a public IP. FAILED_PRECONDITION when it has none; TIMEOUT /
   * CANCELLED carry the last state in `details`. Default deadline {@link DEFAULT_WAIT_TIMEOUT_MS}.
   */
  async waitUntilReady(id: string, options: WaitOptions = {}): Promise<DescribeResult> {
    const instanceId = this.validateId(id, "waitUntilReady");
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    return this.run("waitUntilReady", { ...options, timeoutMs }, (operation) => waitForPublicIpReady(operation, { instanceId, region: this.settings.region }, options));
  }

  /** Closes the HTTP dispatcher when this allocator created it. Safe to call twice, also concurrently. */
  close(): Promise<void> {
    if (this.closing === undefined) {
      // Calls still queued for a rate-limit slot have sent nothing: fail them now rather than on a closed dispatcher.
      this.rateLimiter?.rejectQueued(
        new IpAllocatorError({ code: "FAILED_PRECONDITION", message: `The ${this.provider} allocator was closed while the call waited for a rate-limit slot; nothing was sent.`, provider: this.provider }),
      );
      this.closing = this.lifecycle.ownsDispatcher ? this.dispatcher.close() : Promise.resolve();
    }
    return this.closing;
  }

  private closedError(operation: string): IpAllocatorError {
    return new IpAllocatorError({ code: "FAILED_PRECONDITION", message: `The ${this.provider} allocator is closed.`, provider: this.provider, operation });
  }

  private validateId(id: unknown, operation: string): string {
    return validateResourceId(id, { provider: this.provider, operation, pattern: INSTANCE_ID_PATTERN, hint: INSTANCE_ID_HINT });
  }

  /** Common frame of every method: closed check, operation signal, retry options, typed errors, cleanup. */
  private async run<T>(name: string, options: OperationOptions | undefined, body: (operation: AlibabaEcsOperation) => Promise<T>): Promise<T> {
    if (this.closing !== undefined) throw this.closedError(name);
    const operationSignal = createOperationSignal(options ?? {}, { provider: this.provider, operation: name });
    try {
      const retry = options?.retry === undefined ? this.retry : resolveRetryOptions(this.retry, options.retry);
      return await body({ client: this.client, name, retry, clock: this.clock, random: this.random, signal: operationSignal.signal, hooks: options?.hooks, logger: this.logger });
    } catch (thrown) {
      throw toIpAllocatorError(thrown, { provider: this.provider, operation: name });
    } finally {
      operationSignal.dispose();
    }
  }
}
