import {
  CLOCK,
  HTTP_DISPATCHER,
  INSPECT_CUSTOM,
  LOGGER,
  RANDOM,
  RETRY_BUDGET,
  inject,
  formatSafeSummary,
  injectable,
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
import { allocateEipAddresses } from "./allocate-eip-addresses.js";
import { createEipLifecycleEngine } from "./create-eip-lifecycle-engine.js";
import { describeTrackedEip } from "./describe-eip-addresses.js";
import { ZENLAYER_EIP_CAPABILITIES } from "./eip-capabilities.js";
import { mapEipToAllocatedIp } from "./map-eip-to-allocated-ip.js";
import { readPollPacing } from "./read-poll-pacing.js";
import { releaseEipAddress } from "./release-eip-address.js";
import { UnlistedEipTracker } from "./track-unlisted-eips.js";
import { validateEipId, validateZenlayerEipRequest } from "./validate-zenlayer-eip-request.js";
import { waitForEipReady } from "./wait-for-eip-ready.js";
import type { ZenlayerEipClient } from "./zenlayer-eip-client.js";
import { toBmcUrl, type ZenlayerReleaseMode } from "./zenlayer-eip-settings.js";
import {
  ZENLAYER_EIP_CLIENT,
  ZENLAYER_EIP_LIFECYCLE,
  ZENLAYER_EIP_SETTINGS,
  type ResolvedZenlayerEipSettings,
  type ZenlayerEipLifecycle,
} from "./zenlayer-eip-tokens.js";

/** `release` options: the settings' release mode can be overridden per call. @public */
export interface ZenlayerReleaseOptions extends OperationOptions {
  releaseMode?: ZenlayerReleaseMode;
}

/**
 * `IpAllocator` for Zenlayer bare-metal EIPs (`POST /api/v2/bmc`): each method runs in core's lifecycle engine
 * and calls the wire functions. Build it with `createZenlayerEipAllocator(settings)`, `zenlayerEipModule` or
 * `createIpAllocator({ provider: "zenlayer-eip" })`.
 * @public
 */
@injectable()
export class ZenlayerEipAllocator implements IpAllocator {
  readonly provider = "zenlayer-eip";
  readonly capabilities = ZENLAYER_EIP_CAPABILITIES;
  private readonly engine: LifecycleEngine;
  private readonly unlisted = new UnlistedEipTracker();

  constructor(
    @inject(ZENLAYER_EIP_SETTINGS) private readonly settings: ResolvedZenlayerEipSettings,
    @inject(ZENLAYER_EIP_CLIENT) private readonly client: ZenlayerEipClient,
    @inject(HTTP_DISPATCHER) dispatcher: Dispatcher,
    @inject(ZENLAYER_EIP_LIFECYCLE) lifecycle: ZenlayerEipLifecycle,
    @inject(CLOCK) clock: Clock,
    @inject(RANDOM) random: () => number,
    @inject(RETRY_BUDGET) budget: RetryBudget,
    @inject(LOGGER) logger: Logger,
  ) {
    this.engine = createEipLifecycleEngine(settings, { client, dispatcher, lifecycle, clock, random, budget, logger });
  }

  /** Allocates `count` EIPs in `location.zone`, exactly once per idempotency key; results are `pending` until `waitUntilReady`. */
  async allocate(request: AllocateRequestInput, options?: OperationOptions): Promise<AllocationResult> {
    const validated = validateZenlayerEipRequest(request, this.capabilities);
    const zone = validated.request.location.zone;
    return this.engine.serialize(
      validated.request.idempotencyKey,
      () =>
        this.engine.run("allocate", options, async (operation) => {
          const result = await allocateEipAddresses(
            operation,
            this.client,
            validated,
            this.settings,
            this.versionWarnings(),
          );
          this.unlisted.add(result.ips.map((ip) => ip.id));
          return result;
        }),
      (earlier) => (earlier.ips[0]?.location.zone === zone ? { ...earlier, reconciled: true } : undefined),
    );
  }

  /**
   * Reads one EIP; NOT_FOUND when Describe does not list it (unknown, or released). An EIP this allocator
   * allocated and Describe has not listed yet gets `notFoundPolls` polls first (Describe lags behind Allocate).
   */
  async describe(id: string, options?: OperationOptions): Promise<DescribeResult> {
    const eipId = validateEipId(id, "describe");
    const pacing = readPollPacing(this.settings);
    return this.engine.run("describe", options, async (operation) => {
      const eip = await describeTrackedEip(operation, this.client, eipId, this.unlisted, pacing);
      return {
        provider: this.provider,
        ip: mapEipToAllocatedIp(eip),
        requestId: operation.requestId,
        metadata: operation.metadata(),
      };
    });
  }

  /** Polls until AVAILABLE (or ASSOCIATED when allocated for an instance, associating it on the way). */
  async waitUntilReady(id: string, options: WaitOptions = {}): Promise<DescribeResult> {
    const eipId = validateEipId(id, "waitUntilReady");
    const pacing = readPollPacing(this.settings, options);
    return this.engine.run(
      "waitUntilReady",
      options,
      async (operation) => {
        const eip = await waitForEipReady(operation, this.client, eipId, pacing);
        return {
          provider: this.provider,
          ip: mapEipToAllocatedIp(eip),
          requestId: operation.requestId,
          metadata: operation.metadata(),
        };
      },
      this.settings.waitTimeoutMs,
    );
  }

  /** Terminate, then (permanent mode, the default) ReleaseEipAddresses once in RECYCLE. */
  async release(id: string, options: ZenlayerReleaseOptions = {}): Promise<ReleaseResult> {
    const eipId = validateEipId(id, "release");
    const mode = options.releaseMode ?? this.settings.releaseMode;
    const pacing = readPollPacing(this.settings);
    return this.engine.run(
      "release",
      options,
      async (operation) => {
        const state = await releaseEipAddress(operation, this.client, eipId, mode, pacing);
        const warnings =
          state === "releasing"
            ? [`EIP ${eipId} is in the recycle bin (billing stopped); Zenlayer deletes it after 24 h.`]
            : [];
        return {
          provider: this.provider,
          id: eipId,
          state,
          requestId: operation.requestId,
          metadata: operation.metadata(),
          warnings: [...this.versionWarnings(), ...warnings],
        };
      },
      this.settings.waitTimeoutMs,
    );
  }

  /** Closes the dispatcher when this allocator created it. Safe to call twice, also concurrently. */
  close(): Promise<void> {
    return this.engine.close();
  }

  /** What `JSON.stringify` shows: the provider, its capabilities and the API origin, never credentials. */
  toJSON(): Record<string, unknown> {
    return {
      provider: this.provider,
      capabilities: this.capabilities,
      endpoint: toBmcUrl(this.settings.endpoint).origin,
    };
  }

  /** What `console.log` and `util.inspect` show: the same safe summary. */
  [INSPECT_CUSTOM](): string {
    return formatSafeSummary("ZenlayerEipAllocator", this.toJSON());
  }

  private versionWarnings(): string[] {
    return this.settings.apiVersion === "2022-11-20"
      ? ["bmc API version 2022-11-20 is served, but its official SDK client is deprecated; prefer 2026-02-01."]
      : [];
  }
}
