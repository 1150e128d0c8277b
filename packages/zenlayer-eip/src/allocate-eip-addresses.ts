import { randomUUID } from "node:crypto";
import { IpAllocatorError, convergeAllocation, type AllocationResult, type Operation } from "@polycloud/core";
import { findEipsByIdempotencyKey } from "./describe-eip-addresses.js";
import { mapEipToAllocatedIp, readTargetInstance } from "./map-eip-to-allocated-ip.js";
import { AllocateEipAddressesResponseSchema, type EipAddress } from "./parse-zenlayer-eip-response.js";
import { releaseEipAddress } from "./release-eip-address.js";
import type { ValidatedZenlayerEipRequest } from "./validate-zenlayer-eip-request.js";
import type { ZenlayerEipClient } from "./zenlayer-eip-client.js";
import { IDEMPOTENCY_TAG_KEY, TARGET_INSTANCE_TAG_KEY } from "./zenlayer-eip-provider-options.js";
import { ZENLAYER_DEFAULT_RECONCILE } from "./zenlayer-eip-settings.js";
import type { ResolvedZenlayerEipSettings } from "./zenlayer-eip-tokens.js";

/**
 * Allocates with AllocateEipAddresses, which has no idempotency token and bills at once: the EIPs are tagged
 * with the idempotency key (the caller's, or a fresh one), and core's `convergeAllocation` does the rest
 * (lookup of a caller's key, read-back by tag after an ambiguous answer, a retry with the same key when
 * nothing was allocated, surplus released so every caller with one key gets the same EIPs). Surplus and
 * compensation go to the recycle bin (Terminate stops billing at once).
 * @internal
 */
export async function allocateEipAddresses(
  operation: Operation,
  client: ZenlayerEipClient,
  validated: ValidatedZenlayerEipRequest,
  settings: ResolvedZenlayerEipSettings,
  warnings: string[],
): Promise<AllocationResult> {
  const { request } = validated;
  const key = request.idempotencyKey ?? `polycloud-${randomUUID()}`;
  const parameters = buildAllocateParameters(validated, key);
  const reconcile = { ...ZENLAYER_DEFAULT_RECONCILE, ...settings.reconcile };
  const pacing = {
    intervalMs: settings.pollIntervalMs,
    maxIntervalMs: settings.maxPollIntervalMs,
    notFoundPolls: settings.notFoundPolls,
  };
  const converged = await convergeAllocation<EipAddress>(operation, {
    key,
    shared: request.idempotencyKey !== undefined,
    count: request.count,
    send: async (context) => {
      const { response, requestId } = await client.call(
        "AllocateEipAddresses",
        parameters,
        AllocateEipAddressesResponseSchema,
        context,
      );
      const resources = response.eipIdSet.map((eipId) => ({
        eipId,
        zoneId: request.location.zone,
        eipStatus: "CREATING",
        tags: { tags: parameters.tags.tags },
        orderNumber: response.orderNumber,
      }));
      return { resources, requestId };
    },
    findByKey: (reading) => findEipsByIdempotencyKey(reading, client, key),
    release: (releasing, eipId) => releaseEipAddress(releasing, client, eipId, "recycle-bin", pacing),
    idOf: (eip) => eip.eipId,
    checkExisting: (found) => checkSameRequest(found, request.location.zone as string, request.instanceId, key),
    settle: { reads: reconcile.checks, intervalMs: reconcile.intervalMs },
    retryWhenAbsent: reconcile.retryWhenAbsent,
    releaseOnFailure: reconcile.releaseOnFailure,
  });
  return {
    provider: "zenlayer-eip",
    ips: converged.resources.map(mapEipToAllocatedIp),
    requestId: operation.requestId,
    idempotencyKey: key,
    reconciled: converged.reconciled,
    metadata: operation.metadata(),
    warnings: [...warnings, ...converged.warnings],
  };
}

/** The AllocateEipAddresses body: neutral fields, provider options, and the tags as `{tags:[{key,value}]}`. @internal */
export function buildAllocateParameters(
  { request, providerOptions }: ValidatedZenlayerEipRequest,
  idempotencyKey: string,
): Record<string, unknown> & { tags: { tags: Array<{ key: string; value: string }> } } {
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

/** A key names one request: EIPs found with it in another zone, or for another instance, are a conflict. */
function checkSameRequest(
  found: EipAddress[],
  zone: string,
  instanceId: string | undefined,
  key: string,
): IpAllocatorError | undefined {
  const foreign = found.find((eip) => eip.zoneId !== zone || readTargetInstance(eip) !== instanceId);
  if (foreign === undefined) return undefined;
  const what =
    foreign.zoneId !== zone
      ? `in zone ${foreign.zoneId}, not ${zone}`
      : `for instance ${readTargetInstance(foreign) ?? "(none)"}, not ${instanceId ?? "(none)"}`;
  return new IpAllocatorError({
    code: "ALREADY_EXISTS",
    message: `idempotencyKey "${key}" already allocated EIP ${foreign.eipId} ${what}; use a new key for a different request.`,
    provider: "zenlayer-eip",
    operation: "allocate",
    details: { idempotencyKey: key, eipIds: found.map((eip) => eip.eipId) },
  });
}
