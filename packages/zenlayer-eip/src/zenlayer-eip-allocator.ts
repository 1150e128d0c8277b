import {
  CLOCK,
  HTTP_DISPATCHER,
  IpAllocatorError,
  LOGGER,
  RANDOM,
  RETRY_BUDGET,
  inject,
  injectable,
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
  type WaitOptions,
} from "@polycloud/core";
import type { Dispatcher } from "undici";
import { allocateEipAddresses } from "./allocate-eip-addresses.js";
import { describeEipAddress } from "./describe-eip-addresses.js";
import { mapEipToAllocatedIp } from "./map-eip-to-allocated-ip.js";
import { releaseEipAddress } from "./release-eip-address.js";
import { validateZenlayerEipRequest } from "./validate-zenlayer-eip-request.js";
import { waitForEipReady } from "./wait-for-eip-ready.js";
import type { ZenlayerEipClient } from "./zenlayer-eip-client.js";
import { ZenlayerEipOperation, type ZenlayerEipDependencies } from "./zenlayer-eip-operation.js";
import { ZENLAYER_EIP_ID_PATTERN } from "./zenlayer-eip-provider-options.js";
import type { ZenlayerReleaseMode } from "./zenlayer-eip-settings.js";
import { ZENLAYER_EIP_CLIENT, ZENLAYER_EIP_LIFECYCLE, ZENLAYER_EIP_SETTINGS, type ResolvedZenlayerEipSettings, type ZenlayerEipLifecycle } from "./zenlayer-eip-tokens.js";

/** What Zenlayer bmc EIPs can do. @public */
export const ZENLAYER_EIP_CAPABILITIES: IpAllocatorCapabilities = Object.freeze({
  provisioning: "asynchronous",
  requiresInstance: false,
  supportsInstance: true,
  locationKind: "zone",
  maxCountPerCall: 100,
  release: "supported",
  idempotency: "reconciled",
  billsOnAllocate: true,
});

/** `release` options: the settings' release mode can be overridden per call. @public */
export interface ZenlayerReleaseOptions extends OperationOptions {
  releaseMode?: ZenlayerReleaseMode;
}

/**
 * `IpAllocator` for Zenlayer bare-metal EIPs (`POST /api/v2/bmc`). Build it with
 * `createZenlayerEipAllocator(settings)`, `zenlayerEipModule` or `createIpAllocator({ provider: "zenlayer-eip" })`.
 * @public
 */
@injectable()
export class ZenlayerEipAllocator implements IpAllocator {
  readonly provider = "zenlayer-eip";
  readonly capabilities = ZENLAYER_EIP_CAPABILITIES;
  private readonly dependencies: ZenlayerEipDependencies;
  /** Latest allocate per idempotency key still running, so calls sharing a key never overlap. */
  private readonly allocationsInFlight = new Map<string, Promise<AllocationResult>>();
  private closed = false;

  constructor(
    @inject(ZENLAYER_EIP_SETTINGS) private readonly settings: ResolvedZenlayerEipSettings,
    @inject(ZENLAYER_EIP_CLIENT) client: ZenlayerEipClient,
    @inject(HTTP_DISPATCHER) private readonly dispatcher: Dispatcher,
    @inject(ZENLAYER_EIP_LIFECYCLE) private readonly lifecycle: ZenlayerEipLifecycle,
    @inject(CLOCK) clock: Clock,
    @inject(RANDOM) random: () => number,
    @inject(RETRY_BUDGET) budget: RetryBudget,
    @inject(LOGGER) logger: Logger,
  ) {
    this.dependencies = { client, settings, clock, random, budget, logger };
  }

  /** Allocates `count` EIPs in `location.zone`; results are `pending` until `waitUntilReady`. */
  async allocate(request: AllocateRequestInput, options: OperationOptions = {}): Promise<AllocationResult> {
    const validated = validateZenlayerEipRequest(request, this.capabilities);
    const allocateOnce = () => this.run("allocate", options, undefined, (operation) => allocateEipAddresses(operation, validated, this.versionWarnings()));
    const key = validated.request.idempotencyKey;
    if (key === undefined) return allocateOnce();
    // Calls sharing a key run one after the other: a concurrent second call would look the tag up before the
    // first allocation is listed and allocate again. A later call for the same zone reuses the earlier result.
    const earlier = this.allocationsInFlight.get(key);
    const current = (async () => {
      const previous = await earlier?.catch(() => undefined);
      if (previous !== undefined && previous.ips[0]?.location.zone === validated.request.location.zone) return { ...previous, reconciled: true };
      return allocateOnce();
    })();
    this.allocationsInFlight.set(key, current);
    try {
      return await current;
    } finally {
      if (this.allocationsInFlight.get(key) === current) this.allocationsInFlight.delete(key);
    }
  }

  /** Reads one EIP; NOT_FOUND when Describe does not list it (unknown, or released). */
  async describe(id: string, options: OperationOptions = {}): Promise<DescribeResult> {
    const eipId = this.validateId(id, "describe");
    return this.run("describe", options, undefined, async (operation) => {
      const eip = await describeEipAddress(operation, eipId);
      if (eip === undefined) {
        throw new IpAllocatorError({ code: "NOT_FOUND", message: `EIP ${eipId} is not listed by DescribeEipAddresses: it does not exist or was released.`, provider: this.provider, operation: "describe", requestId: operation.requestId, details: { eipId } });
      }
      return { provider: this.provider, ip: mapEipToAllocatedIp(eip), requestId: operation.requestId, metadata: operation.metadata() };
    });
  }

  /** Polls until AVAILABLE (or ASSOCIATED when allocated for an instance, associating it on the way). */
  async waitUntilReady(id: string, options: WaitOptions = {}): Promise<DescribeResult> {
    const eipId = this.validateId(id, "waitUntilReady");
    const pacing = { intervalMs: options.pollIntervalMs ?? this.settings.pollIntervalMs, maxIntervalMs: options.maxPollIntervalMs ?? this.settings.maxPollIntervalMs };
    return this.run("waitUntilReady", options, this.settings.waitTimeoutMs, async (operation) => {
      const eip = await waitForEipReady(operation, eipId, pacing);
      return { provider: this.provider, ip: mapEipToAllocatedIp(eip), requestId: operation.requestId, metadata: operation.metadata() };
    });
  }

  /** Terminate, then (permanent mode, the default) ReleaseEipAddresses once in RECYCLE. */
  async release(id: string, options: ZenlayerReleaseOptions = {}): Promise<ReleaseResult> {
    const eipId = this.validateId(id, "release");
    const mode = options.releaseMode ?? this.settings.releaseMode;
    const pacing = { intervalMs: this.settings.pollIntervalMs, maxIntervalMs: this.settings.maxPollIntervalMs };
    return this.run("release", options, this.settings.waitTimeoutMs, async (operation) => {
      const state = await releaseEipAddress(operation, eipId, mode, pacing);
      const warnings = state === "releasing" ? [`EIP ${eipId} is in the recycle bin (billing stopped); Zenlayer deletes it after 24 h.`] : [];
      return { provider: this.provider, id: eipId, state, requestId: operation.requestId, metadata: operation.metadata(), warnings: [...this.versionWarnings(), ...warnings] };
    });
  }

  /** Closes the dispatcher when this allocator created it. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Calls still queued for a rate-limit slot have sent nothing: fail them now rather than on a closed dispatcher.
    this.dependencies.client.rejectQueued(
      new IpAllocatorError({ code: "FAILED_PRECONDITION", message: `The ${this.provider} allocator was closed while the call waited for a rate-limit slot; nothing was sent.`, provider: this.provider }),
    );
    if (this.lifecycle.ownsDispatcher) await this.dispatcher.close();
  }

  private async run<T>(name: string, options: OperationOptions, defaultTimeoutMs: number | undefined, body: (operation: ZenlayerEipOperation) => Promise<T>): Promise<T> {
    if (this.closed) throw new IpAllocatorError({ code: "FAILED_PRECONDITION", message: "This allocator is closed.", provider: this.provider, operation: name });
    const operation = new ZenlayerEipOperation(name, this.dependencies, options, defaultTimeoutMs);
    try {
      // An already aborted call sends nothing (and so cannot have an unknown outcome).
      if (operation.signal.aborted) throw operation.signal.reason;
      return await body(operation);
    } catch (thrown) {
      throw toIpAllocatorError(thrown, { provider: this.provider, operation: name });
    } finally {
      operation.dispose();
    }
  }

  private validateId(id: unknown, operation: string): string {
    return validateResourceId(id, { provider: this.provider, operation, pattern: ZENLAYER_EIP_ID_PATTERN, hint: "must be an eipId returned by allocate (printable ASCII, at most 128 characters)" });
  }

  private versionWarnings(): string[] {
    return this.settings.apiVersion === "2022-11-20" ? ["bmc API version 2022-11-20 is served, but its official SDK client is deprecated; prefer 2026-02-01."] : [];
  }
}
