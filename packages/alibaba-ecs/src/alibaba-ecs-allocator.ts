import { randomUUID } from "node:crypto";
import {
  CLOCK,
  HTTP_DISPATCHER,
  INSPECT_CUSTOM,
  LOGGER,
  RANDOM,
  RETRY_BUDGET,
  RateLimiter,
  inject,
  formatSafeSummary,
  injectable,
  validateResourceId,
  type AllocateRequestInput,
  type AllocationResult,
  type Clock,
  type DescribeResult,
  type Dispatcher,
  type IpAllocator,
  type LifecycleEngine,
  type Logger,
  type OperationOptions,
  type ReleaseResult,
  type RetryBudget,
  type WaitOptions,
} from "@polycloud/core";
import { allocatePublicIp } from "./allocate-public-ip.js";
import { AlibabaEcsClient, type AlibabaEcsEnvironment, type AlibabaEcsSigningSource } from "./alibaba-ecs-client.js";
import { ALIBABA_ECS_PROVIDER, type AlibabaEcsResolvedSettings } from "./alibaba-ecs-settings.js";
import {
  ALIBABA_ECS_ENVIRONMENT,
  ALIBABA_ECS_LIFECYCLE,
  ALIBABA_ECS_SETTINGS,
  ALIBABA_ECS_SIGNING_SOURCE,
  type AlibabaEcsLifecycle,
} from "./alibaba-ecs-tokens.js";
import { createEcsLifecycleEngine } from "./create-ecs-lifecycle-engine.js";
import { describeInstanceAttribute } from "./describe-instance-attribute.js";
import { ALIBABA_ECS_CAPABILITIES } from "./ecs-capabilities.js";
import { mapConvergedAllocation } from "./map-converged-allocation.js";
import { mapInstanceToAllocatedIp } from "./map-instance-to-allocated-ip.js";
import { RELEASE_DEPRECATION_WARNING, releasePublicIp } from "./release-public-ip.js";
import { INSTANCE_ID_PATTERN, validateAlibabaEcsRequest } from "./validate-alibaba-ecs-request.js";
import { waitForPublicIpReady } from "./wait-for-public-ip-ready.js";

const INSTANCE_ID_HINT = "must be the instance id returned by allocate (ips[].id)";

/**
 * `IpAllocator` for Alibaba Cloud ECS system public IPs: each method runs in core's lifecycle engine and calls
 * the wire functions. The id of an allocated IP is its instance id. Build it with `createAlibabaEcsAllocator`,
 * `alibabaEcsModule` (DI) or `createIpAllocator({ provider: "alibaba-ecs" })`.
 * @public
 */
@injectable()
export class AlibabaEcsAllocator implements IpAllocator {
  readonly provider = ALIBABA_ECS_PROVIDER;
  readonly capabilities = ALIBABA_ECS_CAPABILITIES;
  private readonly client: AlibabaEcsClient;
  private readonly engine: LifecycleEngine;

  constructor(
    @inject(ALIBABA_ECS_SETTINGS) private readonly settings: AlibabaEcsResolvedSettings,
    @inject(HTTP_DISPATCHER) dispatcher: Dispatcher,
    @inject(CLOCK) clock: Clock,
    @inject(LOGGER) logger: Logger,
    @inject(RETRY_BUDGET) budget: RetryBudget,
    @inject(RANDOM) random: () => number,
    @inject(ALIBABA_ECS_ENVIRONMENT) environment: AlibabaEcsEnvironment,
    @inject(ALIBABA_ECS_SIGNING_SOURCE) signing: AlibabaEcsSigningSource,
    @inject(ALIBABA_ECS_LIFECYCLE) lifecycle: AlibabaEcsLifecycle,
  ) {
    const rateLimiter = settings.rateLimit === undefined ? undefined : new RateLimiter(settings.rateLimit, clock);
    this.client = new AlibabaEcsClient(settings, dispatcher, signing, environment, rateLimiter);
    this.engine = createEcsLifecycleEngine(settings, {
      dispatcher,
      clock,
      logger,
      budget,
      random,
      lifecycle,
      rateLimiter,
    });
  }

  /** Allocates the instance's public IP (`AllocatePublicIpAddress`, or `ModifyInstanceNetworkSpec` on request). */
  async allocate(input: AllocateRequestInput, options?: OperationOptions): Promise<AllocationResult> {
    const { request, providerOptions } = validateAlibabaEcsRequest(input, {
      capabilities: this.capabilities,
      region: this.settings.region,
    });
    const { instanceId } = request;
    const modify = providerOptions.method === "modify-instance-network-spec";
    // Only ModifyInstanceNetworkSpec takes a ClientToken; AllocatePublicIpAddress is reconciled by reading the instance.
    const clientToken = modify ? (request.idempotencyKey ?? randomUUID()) : "";
    const { checks = 1, intervalMs = 200, retryWhenAbsent, releaseOnFailure } = this.settings.reconcile ?? {};
    return this.engine.run("allocate", options, async (operation) => {
      const converged = await allocatePublicIp(operation, this.client, {
        instanceId,
        options: providerOptions,
        clientToken,
        settle: { reads: checks, intervalMs },
        retryWhenAbsent,
        releaseOnFailure,
      });
      return mapConvergedAllocation(operation, converged, {
        instanceId,
        region: this.settings.region,
        tags: request.tags,
        idempotencyKey: modify ? clientToken : undefined,
      });
    });
  }

  /** Reads the instance's public IP: NOT_FOUND without the instance, state `released` when it has no public IP. */
  async describe(id: string, options?: OperationOptions): Promise<DescribeResult> {
    const instanceId = this.validateId(id, "describe");
    return this.engine.run("describe", options, async (operation) => {
      const instance = await describeInstanceAttribute(operation, this.client, instanceId);
      return {
        provider: this.provider,
        ip: mapInstanceToAllocatedIp(instance, this.settings.region),
        requestId: instance.RequestId,
        metadata: operation.metadata(),
      };
    });
  }

  /**
   * Releases the instance's public IP with the deprecated `ReleasePublicIpAddress` (a warning says so). NOT_FOUND
   * when the instance has none (released already, or never allocated), as on every provider; FAILED_PRECONDITION
   * for a VPC instance (ECS answers `OperationDenied`).
   */
  async release(id: string, options?: OperationOptions): Promise<ReleaseResult> {
    const instanceId = this.validateId(id, "release");
    return this.engine.run("release", options, async (operation) => {
      const { requestId } = await releasePublicIp(operation, this.client, instanceId);
      return {
        provider: this.provider,
        id: instanceId,
        state: "released",
        requestId,
        metadata: operation.metadata(),
        warnings: [RELEASE_DEPRECATION_WARNING],
      };
    });
  }

  /**
   * Polls until the instance is Running with a public IP. FAILED_PRECONDITION at once when it has none, or when it
   * is Stopped (only a StartInstance, which polycloud does not send, would make its IP effective); TIMEOUT /
   * CANCELLED carry the last state in `details`. Default deadline `waitTimeoutMs` (`DEFAULT_WAIT_TIMEOUT_MS`).
   */
  async waitUntilReady(id: string, options: WaitOptions = {}): Promise<DescribeResult> {
    const instanceId = this.validateId(id, "waitUntilReady");
    return this.engine.run(
      "waitUntilReady",
      options,
      (operation) =>
        waitForPublicIpReady(operation, this.client, { instanceId, region: this.settings.region }, options),
      this.settings.waitTimeoutMs,
    );
  }

  /** Closes the HTTP dispatcher when this allocator created it. Safe to call twice, also concurrently. */
  close(): Promise<void> {
    return this.engine.close();
  }

  /** What `JSON.stringify` shows: the provider, its capabilities and the API origin, never credentials. */
  toJSON(): Record<string, unknown> {
    return { provider: this.provider, capabilities: this.capabilities, endpoint: this.settings.endpointUrl.origin };
  }

  /** What `console.log` and `util.inspect` show: the same safe summary. */
  [INSPECT_CUSTOM](): string {
    return formatSafeSummary("AlibabaEcsAllocator", this.toJSON());
  }

  private validateId(id: unknown, operation: string): string {
    return validateResourceId(id, {
      provider: this.provider,
      operation,
      pattern: INSTANCE_ID_PATTERN,
      hint: INSTANCE_ID_HINT,
    });
  }
}
