import type { AllocatedIp, IpState } from "@polycloud/core";
import { readEipTags, type EipAddress } from "./parse-zenlayer-eip-response.js";
import { IDEMPOTENCY_TAG_KEY, TARGET_INSTANCE_TAG_KEY } from "./zenlayer-eip-provider-options.js";

/**
 * Neutral state of each `eipStatus` (reference §4.1). Association and un-association are transitions
 * (`pending`); the recycle bin is `releasing`. Statuses not listed (future ones) read as `pending`.
 * @public
 */
export const EIP_STATUS_TO_STATE: Readonly<Record<string, IpState>> = Object.freeze({
  CREATING: "pending",
  AVAILABLE: "ready",
  ASSOCIATING: "pending",
  ASSOCIATED: "ready",
  UNASSOCIATING: "pending",
  CREATE_FAILED: "failed",
  RECYCLING: "releasing",
  RECYCLE: "releasing",
  RELEASING: "releasing",
});

/** The instance an allocation was asked to associate with, recorded as a tag at allocate time. @internal */
export function readTargetInstance(eip: EipAddress): string | undefined {
  return readEipTags(eip)[TARGET_INSTANCE_TAG_KEY];
}

/** True when the EIP still has to be associated with its requested instance (AVAILABLE, not yet bound). @internal */
export function needsAssociation(eip: EipAddress): boolean {
  const target = readTargetInstance(eip);
  return target !== undefined && eip.eipStatus === "AVAILABLE" && eip.instanceId !== target;
}

/**
 * Maps an `EipAddress` to the neutral form. An AVAILABLE EIP that was requested for an instance is
 * `pending` until it is ASSOCIATED: the state follows the association. polycloud's own tags are hidden
 * from `tags` (they stay in `raw`).
 * @public
 */
export function mapEipToAllocatedIp(eip: EipAddress): AllocatedIp {
  const tags = readEipTags(eip);
  delete tags[IDEMPOTENCY_TAG_KEY];
  delete tags[TARGET_INSTANCE_TAG_KEY];
  const known = Object.hasOwn(EIP_STATUS_TO_STATE, eip.eipStatus) ? EIP_STATUS_TO_STATE[eip.eipStatus] : undefined;
  const state = needsAssociation(eip) ? "pending" : (known ?? "pending");
  return {
    id: eip.eipId,
    ...(eip.ipAddress ? { address: eip.ipAddress } : {}),
    state,
    location: eip.zoneId ? { zone: eip.zoneId } : {},
    ...(eip.instanceId ? { instanceId: eip.instanceId } : {}),
    tags,
    providerState: eip.eipStatus,
    raw: eip,
  };
}
