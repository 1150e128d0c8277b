import { randomUUID } from "node:crypto";
import {
  AllocateRequestSchema,
  IpAllocatorError,
  LifecycleEngine,
  RetryBudget,
  convergeAllocation,
  createRedactor,
  resolveRetryOptions,
  silentLogger,
  systemClock,
  validateAllocateRequest,
  validateResourceId,
  type AllocateRequest,
  type AllocateRequestInput,
  type AllocationResult,
  type AttemptContext,
  type DescribeResult,
  type Dispatcher,
  type IpAllocator,
  type IpAllocatorCapabilities,
  type Operation,
  type OperationOptions,
  type ReleaseResult,
  type WaitOptions,
} from "@polycloud/core";
import { mapTaggingCloudIp } from "./map-tagging-cloud-ip.js";
import { readIp, readIps } from "./read-tagging-cloud-ips.js";
import {
  TAGGING_CLOUD_PROVIDER,
  sendTaggingCloudRequest,
  type TaggingCloudConnection,
} from "./send-tagging-cloud-request.js";
import type { TaggingCloudIp } from "./start-tagging-cloud.js";

/** The ways real adapters break, one switch each, so the kit's tests can prove a check catches it. */
export interface TaggingCloudBreakage {
  /** After any allocate failure, allocates again under a fresh key: a lost answer bills twice. */
  retryBlindly?: boolean;
  /** Drops the server's Retry-After and backs off on its own, shorter, schedule. */
  ignoreRetryAfter?: boolean;
  /** One attempt per call: a 429 or a reset fails the call. */
  noRetries?: boolean;
  /** `release` (and the release of surplus) answers `released` without telling the cloud. */
  releaseIsNoop?: boolean;
  /** Never looks the key up: every call allocates anew. */
  ignoreKey?: boolean;
}

/** Settings of {@link TaggingCloudAllocator}. */
export interface TaggingCloudSettings {
  endpoint: string;
  token: string;
  /** Injected, so the caller closes it. */
  dispatcher: Dispatcher;
  breakage?: TaggingCloudBreakage;
}

/** The tag carrying the idempotency key, so an allocation can be found again after a lost answer. */
export const IDEMPOTENCY_TAG = "polycloud-idempotency-key";
// A strict empty object schema taken from core's own zod, so the fixture needs no zod dependency.
const NO_PROVIDER_OPTIONS = AllocateRequestSchema.pick({});

/** A correct adapter for the tagging cloud, written on core's lifecycle engine the way real adapters are. */
export class TaggingCloudAllocator implements IpAllocator {
  readonly provider = TAGGING_CLOUD_PROVIDER;
  readonly capabilities: IpAllocatorCapabilities = {
    provisioning: "synchronous",
    requiresInstance: false,
    supportsInstance: false,
    locationKind: "zone",
    maxCountPerCall: 10,
    release: "supported",
    idempotency: "reconciled",
    billsOnAllocate: true,
  };
  private readonly engine: LifecycleEngine;
  private readonly connection: TaggingCloudConnection;
  private readonly breakage: TaggingCloudBreakage;

  constructor(settings: TaggingCloudSettings) {
    this.breakage = settings.breakage ?? {};
    const { endpoint, token, dispatcher } = settings;
    const ignoreRetryAfter = this.breakage.ignoreRetryAfter ?? false;
    this.connection = { endpoint, token, dispatcher, redactor: createRedactor([token]), ignoreRetryAfter };
    // Short backoffs keep the kit's tests fast; a budget per allocator keeps peers independent, like processes.
    const retry = resolveRetryOptions({
      budget: new RetryBudget(),
      baseDelayMs: 5,
      throttlingBaseDelayMs: 20,
      maxDelayMs: 100,
      ...(this.breakage.noRetries ? { maxAttempts: 1 } : {}),
    });
    this.engine = new LifecycleEngine({
      provider: this.provider,
      clock: systemClock,
      random: Math.random,
      logger: silentLogger,
      retry,
    });
  }

  async allocate(input: AllocateRequestInput, options?: OperationOptions): Promise<AllocationResult> {
    const { request } = validateAllocateRequest(input, {
      provider: this.provider,
      capabilities: this.capabilities,
      providerOptionsSchema: NO_PROVIDER_OPTIONS,
    });
    return this.engine.serialize(request.idempotencyKey, () =>
      this.engine.run("allocate", options, (operation) => this.allocateOnce(operation, request)),
    );
  }

  async describe(id: string, options?: OperationOptions): Promise<DescribeResult> {
    validateResourceId(id, { provider: this.provider, operation: "describe" });
    return this.engine.run("describe", options, async (operation) => {
      const ip = await operation.call((context) =>
        sendTaggingCloudRequest(
          this.connection,
          context,
          "DescribeIp",
          "GET",
          `/ips/${encodeURIComponent(id)}`,
          undefined,
          readIp,
        ),
      );
      return {
        provider: this.provider,
        ip: mapTaggingCloudIp(ip),
        requestId: operation.requestId,
        metadata: operation.metadata(),
      };
    });
  }

  /** IPs are ready when allocate answers: one describe tells whether this one still exists. */
  async waitUntilReady(id: string, options: WaitOptions = {}): Promise<DescribeResult> {
    validateResourceId(id, { provider: this.provider, operation: "waitUntilReady" });
    const described = await this.describe(id, options);
    if (described.ip.state === "ready") return described;
    throw new IpAllocatorError({
      code: "FAILED_PRECONDITION",
      message: `IP ${id} is ${described.ip.state}; it will never be ready.`,
      provider: this.provider,
      operation: "waitUntilReady",
    });
  }

  async release(id: string, options?: OperationOptions): Promise<ReleaseResult> {
    validateResourceId(id, { provider: this.provider, operation: "release" });
    return this.engine.run("release", options, async (operation) => {
      await this.releaseOne(operation, id);
      return {
        provider: this.provider,
        id,
        state: "released",
        requestId: operation.requestId,
        metadata: operation.metadata(),
        warnings: [],
      };
    });
  }

  close(): Promise<void> {
    return this.engine.close();
  }

  private async allocateOnce(operation: Operation, request: AllocateRequest): Promise<AllocationResult> {
    const key = request.idempotencyKey ?? `polycloud-${randomUUID()}`;
    const body = (tag: string) => ({
      zone: request.location.zone,
      count: request.count,
      tags: { ...request.tags, [IDEMPOTENCY_TAG]: tag },
    });
    const send = (context: AttemptContext, tag: string) =>
      sendTaggingCloudRequest(this.connection, context, "AllocateIps", "POST", "/ips", body(tag), readIps);
    if (this.breakage.retryBlindly) {
      const ips = await operation.call((context) => send(context, `polycloud-${randomUUID()}`), {
        shouldRetry: (error) => error.retryable,
      });
      return this.toResult(operation, ips, key, false, []);
    }
    const converged = await convergeAllocation<TaggingCloudIp>(operation, {
      key,
      shared: request.idempotencyKey !== undefined,
      count: request.count,
      send: async (context) => ({ resources: await send(context, key) }),
      findByKey: async (reading) =>
        this.breakage.ignoreKey
          ? []
          : reading.call((context) =>
              sendTaggingCloudRequest(
                this.connection,
                context,
                "ListIps",
                "GET",
                `/ips?tag=${encodeURIComponent(`${IDEMPOTENCY_TAG}=${key}`)}`,
                undefined,
                readIps,
              ),
            ),
      release: (releasing, id) => this.releaseOne(releasing, id),
      idOf: (ip) => ip.id,
      settle: { reads: 3, intervalMs: 10 },
    });
    return this.toResult(operation, converged.resources, key, converged.reconciled, converged.warnings);
  }

  private async releaseOne(operation: Operation, id: string): Promise<void> {
    if (this.breakage.releaseIsNoop) return;
    await operation.call((context) =>
      sendTaggingCloudRequest(
        this.connection,
        context,
        "ReleaseIp",
        "POST",
        `/ips/${encodeURIComponent(id)}/release`,
        undefined,
        readIp,
      ),
    );
  }

  private toResult(
    operation: Operation,
    ips: TaggingCloudIp[],
    key: string,
    reconciled: boolean,
    warnings: string[],
  ): AllocationResult {
    return {
      provider: this.provider,
      ips: ips.map(mapTaggingCloudIp),
      requestId: operation.requestId,
      idempotencyKey: key,
      reconciled,
      metadata: operation.metadata(),
      warnings,
    };
  }
}
