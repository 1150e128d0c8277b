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
  validateResourceId,
  type AllocateRequestInput,
  type AllocationResult,
  type Clock,
  type DescribeResult,
  type Dispatcher,
  type IpAllocator,
  type IpAllocatorCapabilities,
  type Logger,
  type Operation,
  type OperationOptions,
  type ReleaseResult,
  type RetryBudget,
  type WaitOptions,
} from "@polycloud/core";
import { allocateAddress } from "./allocate-address.js";
import type { AwsEc2Client } from "./aws-ec2-client.js";
import { AWS_EC2_PROVIDER, type ResolvedAwsEc2Settings } from "./aws-ec2-settings.js";
import { AWS_EC2_CLIENT, AWS_EC2_LIFECYCLE, AWS_EC2_SETTINGS, type AwsEc2Lifecycle } from "./aws-ec2-tokens.js";
import { createNotFoundError, describeAddress } from "./describe-addresses.js";
import { mapAddressToAllocatedIp } from "./parse-aws-ec2-response.js";
import { releaseAddress } from "./release-address.js";
import { ALLOCATION_ID_PATTERN, validateAwsEc2Request } from "./validate-aws-ec2-request.js";

/** What EC2 Elastic IPs can do. @public */
export const AWS_EC2_CAPABILITIES: IpAllocatorCapabilities = Object.freeze({
  provisioning: "synchronous",
  requiresInstance: false,
  supportsInstance: true,
  locationKind: "region",
  // One AllocateAddress per call: one tag read-back per key keeps "exactly once" simple and exact.
  maxCountPerCall: 1,
  release: "supported",
  idempotency: "reconciled",
  billsOnAllocate: true,
});

/**
 * `IpAllocator` for AWS EC2 Elastic IPs (EC2 Query API `2016-11-15`, SigV4): each method runs in core's lifecycle
 * engine and calls the wire functions. Ids are allocation ids (`eipalloc-…`). Build it with
 * `createAwsEc2Allocator(settings)`, `awsEc2Module` or `createIpAllocator({ provider: "aws-ec2", region })`.
 * @public
 */
@injectable()
export class AwsEc2Allocator implements IpAllocator {
  readonly provider = AWS_EC2_PROVIDER;
  readonly capabilities = AWS_EC2_CAPABILITIES;
  private readonly engine: LifecycleEngine;

  constructor(
    @inject(AWS_EC2_SETTINGS) private readonly settings: ResolvedAwsEc2Settings,
    @inject(AWS_EC2_CLIENT) private readonly client: AwsEc2Client,
    @inject(AWS_EC2_LIFECYCLE) lifecycle: AwsEc2Lifecycle,
    @inject(HTTP_DISPATCHER) dispatcher: Dispatcher,
    @inject(CLOCK) clock: Clock,
    @inject(RANDOM) random: () => number,
    @inject(RETRY_BUDGET) budget: RetryBudget,
    @inject(LOGGER) logger: Logger,
  ) {
    this.engine = new LifecycleEngine({
      provider: this.provider,
      clock,
      random,
      logger,
      retry: resolveRetryOptions({ ...settings.retry, budget }),
      defaultTimeoutMs: settings.operationTimeoutMs,
      onClose: async () => {
        // Calls still queued for a rate-limit slot have sent nothing: fail them now rather than on a closed dispatcher.
        client.rejectQueued(
          new IpAllocatorError({
            code: "FAILED_PRECONDITION",
            message: `The ${this.provider} allocator was closed while the call waited for a rate-limit slot; nothing was sent.`,
            provider: this.provider,
          }),
        );
        if (lifecycle.ownsDispatcher) await dispatcher.close();
      },
    });
  }

  /** Allocates one Elastic IP in the allocator's region (and associates it with `instanceId`), exactly once per idempotency key. */
  async allocate(request: AllocateRequestInput, options?: OperationOptions): Promise<AllocationResult> {
    const validated = validateAwsEc2Request(request, { capabilities: this.capabilities, region: this.settings.region });
    const { instanceId } = validated.request;
    return this.engine.serialize(
      validated.request.idempotencyKey,
      () =>
        this.engine.run("allocate", options, (operation) =>
          allocateAddress(operation, this.client, validated, this.settings),
        ),
      (earlier) => (earlier.ips[0]?.instanceId === instanceId ? { ...earlier, reconciled: true } : undefined),
    );
  }

  /** Reads one Elastic IP (`ready`; `instanceId` when associated); NOT_FOUND when EC2 does not list it. */
  async describe(id: string, options?: OperationOptions): Promise<DescribeResult> {
    const allocationId = this.validateId(id, "describe");
    return this.engine.run("describe", options, (operation) => this.read(operation, allocationId));
  }

  /** EC2 assigns the address synchronously: an address that exists is ready, so this is one read. */
  async waitUntilReady(id: string, options?: WaitOptions): Promise<DescribeResult> {
    const allocationId = this.validateId(id, "waitUntilReady");
    return this.engine.run(
      "waitUntilReady",
      options,
      (operation) => this.read(operation, allocationId),
      this.settings.waitTimeoutMs,
    );
  }

  /** Disassociates the address when it is associated, then releases it; a retried release converges. */
  async release(id: string, options?: OperationOptions): Promise<ReleaseResult> {
    const allocationId = this.validateId(id, "release");
    return this.engine.run("release", options, async (operation) => {
      const { requestId } = await releaseAddress(operation, this.client, allocationId);
      return {
        provider: this.provider,
        id: allocationId,
        state: "released",
        requestId: requestId ?? operation.requestId,
        metadata: operation.metadata(),
        warnings: [],
      };
    });
  }

  /** Closes the dispatcher when this allocator created it. Safe to call twice, also concurrently. */
  close(): Promise<void> {
    return this.engine.close();
  }

  /** What `JSON.stringify`, `console.log` and `util.inspect` show: provider, capabilities, region and endpoint, never credentials. */
  toJSON(): Record<string, unknown> {
    return {
      provider: this.provider,
      capabilities: this.capabilities,
      region: this.settings.region,
      endpoint: this.settings.endpointUrl.origin,
    };
  }

  [INSPECT_CUSTOM](): string {
    return formatSafeSummary("AwsEc2Allocator", this.toJSON());
  }

  private async read(operation: Operation, allocationId: string): Promise<DescribeResult> {
    const address = await describeAddress(operation, this.client, allocationId);
    if (address === undefined) throw createNotFoundError(allocationId, operation.name, operation.requestId);
    return {
      provider: this.provider,
      ip: mapAddressToAllocatedIp(address, this.settings.region),
      requestId: operation.requestId,
      metadata: operation.metadata(),
    };
  }

  private validateId(id: unknown, operation: string): string {
    return validateResourceId(id, {
      provider: this.provider,
      operation,
      pattern: ALLOCATION_ID_PATTERN,
      hint: "must be an allocation id returned by allocate (eipalloc- and 8 or 17 hex digits)",
    });
  }
}
