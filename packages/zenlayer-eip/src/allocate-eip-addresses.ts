import { randomUUID } from "node:crypto";
import { IpAllocatorError, type AllocatedIp, type AllocationResult } from "@polycloud/core";
import { findEipsByIdempotencyKey } from "./describe-eip-addresses.js";
import { mapEipToAllocatedIp } from "./map-eip-to-allocated-ip.js";
import { AllocateEipAddressesResponseSchema, type EipAddress } from "./parse-zenlayer-eip-response.js";
import { createOutcomeUnknownError, reconcileEipAllocation } from "./reconcile-eip-allocation.js";
import type { ValidatedZenlayerEipRequest } from "./validate-zenlayer-eip-request.js";
import type { ZenlayerEipOperation } from "./zenlayer-eip-operation.js";
import { IDEMPOTENCY_TAG_KEY, TARGET_INSTANCE_TAG_KEY } from "./zenlayer-eip-provider-options.js";

/**
 * Allocates with AllocateEipAddresses, which has no idempotency token and bills at once, so:
 * every allocation is tagged with an idempotency key; a caller-given key is looked up first (a repeat
 * returns the existing EIPs); only unambiguous failures (throttling, a request that never left) are
 * retried directly; after an ambiguous one (5xx, reset, timeout, unreadable 200) the allocation is
 * looked up by its tag before anything else, and re-allocated only when several lookups found nothing.
 * @internal
 */
export async function allocateEipAddresses(operation: ZenlayerEipOperation, validated: ValidatedZenlayerEipRequest, warnings: string[]): Promise<AllocationResult> {
  const { request } = validated;
  const idempotencyKey = request.idempotencyKey ?? `polycloud-${randomUUID()}`;
  const zone = request.location.zone as string;
  if (request.idempotencyKey !== undefined) {
    const existing = await findEipsByIdempotencyKey(operation, idempotencyKey);
    if (existing.length > 0) return toReconciledResult(operation, existing, validated, idempotencyKey, warnings);
  }
  const parameters = buildAllocateParameters(validated, idempotencyKey);
  for (let round = 1; ; round += 1) {
    try {
      const { response, requestId } = await operation.call("AllocateEipAddresses", parameters, AllocateEipAddressesResponseSchema, {
        shouldRetry: (error) => error.retryable && !error.ambiguous,
      });
      const ips = response.eipIdSet.map((id): AllocatedIp => ({ id, state: "pending", location: { zone }, tags: { ...request.tags }, providerState: "CREATING", raw: { eipId: id, orderNumber: response.orderNumber ?? undefined } }));
      return { provider: "zenlayer-eip", ips, requestId, idempotencyKey, reconciled: false, metadata: operation.metadata(), warnings };
    } catch (thrown) {
      const error = thrown as IpAllocatorError;
      if (!error.ambiguous) throw error;
      if (operation.signal.aborted) throw createOutcomeUnknownError(operation, idempotencyKey, error, operation.signal.reason, 0);
      const { logger } = operation.dependencies;
      logger.warn("zenlayer-eip: allocate failed ambiguously; looking the allocation up by its tag", { idempotencyKey, code: error.code, providerCode: error.providerCode });
      const { found, checks } = await reconcileEipAllocation(operation, idempotencyKey, request.count, error);
      logger.warn("zenlayer-eip: reconciliation finished", { idempotencyKey, found: found.length, checks });
      if (found.length > 0) return toReconciledResult(operation, found, validated, idempotencyKey, warnings);
      // An unreadable 200 was a success: the EIPs exist even if Describe does not list them yet.
      const succeeded = error.httpStatus === 200;
      if (succeeded || !operation.dependencies.settings.reconcile.retryWhenAbsent) throw createOutcomeUnknownError(operation, idempotencyKey, error, undefined, checks);
      if (round >= operation.retry.maxAttempts || !spendRetryBudget(operation, error, round)) throw confirmNothingAllocated(operation, error, idempotencyKey, checks);
    }
  }
}

/** The AllocateEipAddresses body: neutral fields, provider options, and the tags as `{tags:[{key,value}]}`. @internal */
export function buildAllocateParameters({ request, providerOptions }: ValidatedZenlayerEipRequest, idempotencyKey: string): Record<string, unknown> {
  const tags = Object.entries(request.tags).map(([key, value]) => ({ key, value }));
  tags.push({ key: IDEMPOTENCY_TAG_KEY, value: idempotencyKey });
  if (request.instanceId !== undefined) tags.push({ key: TARGET_INSTANCE_TAG_KEY, value: request.instanceId });
  return {
    zoneId: request.location.zone,
    eipChargeType: providerOptions.eipChargeType,
    ...(providerOptions.eipChargePrepaid ? { eipChargePrepaid: providerOptions.eipChargePrepaid } : {}),
    amount: request.count,
    ...(providerOptions.resourceGroupId ? { resourceGroupId: providerOptions.resourceGroupId } : {}),
    ...(providerOptions.netmask !== undefined ? { netmask: providerOptions.netmask } : {}),
    ...(providerOptions.marketingOptions ? { marketingOptions: providerOptions.marketingOptions } : {}),
    tags: { tags },
  };
}

function toReconciledResult(operation: ZenlayerEipOperation, found: EipAddress[], { request }: ValidatedZenlayerEipRequest, idempotencyKey: string, warnings: string[]): AllocationResult {
  const foreignZone = found.find((eip) => eip.zoneId !== request.location.zone);
  if (foreignZone !== undefined) {
    throw new IpAllocatorError({
      code: "ALREADY_EXISTS",
      message: `idempotencyKey "${idempotencyKey}" already allocated EIP ${foreignZone.eipId} in zone ${foreignZone.zoneId}, not ${request.location.zone}; use a new key for a different request.`,
      provider: "zenlayer-eip",
      operation: "allocate",
      details: { idempotencyKey, eipIds: found.map((eip) => eip.eipId) },
    });
  }
  // Never top up: a second Allocate could duplicate EIPs that are merely not listed yet.
  const shortfall = found.length === request.count ? [] : [`Found ${found.length} of ${request.count} EIPs tagged with idempotencyKey "${idempotencyKey}"; polycloud never allocates the difference automatically.`];
  return {
    provider: "zenlayer-eip",
    ips: found.map(mapEipToAllocatedIp),
    requestId: operation.requestId,
    idempotencyKey,
    reconciled: true,
    metadata: operation.metadata(),
    warnings: [...warnings, ...shortfall],
  };
}

function spendRetryBudget(operation: ZenlayerEipOperation, error: IpAllocatorError, round: number): boolean {
  const budget = operation.retry.budget;
  if (budget !== false && budget.acquire(error) === undefined) return false;
  operation.recordRetry(0);
  try {
    operation.hooks?.onRetry?.({ provider: "zenlayer-eip", operation: "allocate", attempt: round, delayMs: 0, error });
  } catch {
    // Observers must not change the outcome.
  }
  return true;
}

function confirmNothingAllocated(operation: ZenlayerEipOperation, error: IpAllocatorError, idempotencyKey: string, checks: number): IpAllocatorError {
  const metadata = operation.metadata();
  return new IpAllocatorError({
    ...error.toOptions(),
    attempts: metadata.attempts,
    totalRetryDelayMs: metadata.totalRetryDelayMs,
    message: `${error.message} (no EIP tagged with idempotencyKey "${idempotencyKey}" was found after ${checks} lookups: nothing was allocated)`,
    ambiguous: false,
    details: { ...error.details, idempotencyKey, reconciliation: "nothing allocated" },
  });
}
