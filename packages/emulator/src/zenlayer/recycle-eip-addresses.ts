import { readString, readStringArray, type ActionParameters } from "./parse-action-parameters.js";
import type { ZenlayerActionContext } from "./zenlayer-action-context.js";
import { ZenlayerApiError } from "./zenlayer-error-codes.js";

/** Statuses in which only queries are allowed (reference §4.1). */
const TRANSITIONAL = new Set(["CREATING", "ASSOCIATING", "UNASSOCIATING"]);

/**
 * TerminateEipAddress (reference §4.4): moves one POSTPAID EIP from AVAILABLE, ASSOCIATED (unbinding it
 * first) or CREATE_FAILED to RECYCLING; it becomes RECYCLE `recycleDelayMs` later and is released
 * `recycleRetentionMs` after that unless ReleaseEipAddresses comes first.
 */
export function terminateEipAddress(
  parameters: ActionParameters,
  context: ZenlayerActionContext,
): Record<string, unknown> {
  const { store, account, now, action } = context;
  const eip = store.findEip(account.account.accountId, readString(parameters, "eipId", true));
  if (eip.status === "RECYCLING" || eip.status === "RECYCLE") {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_EIP_RECYCLED",
      `The EIP \`${eip.eipId}\` is already in the recycle bin.`,
    );
  }
  if (eip.eipChargeType === "PREPAID") {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_EIP_SUBSCRIPTION",
      `The subscription EIP \`${eip.eipId}\` cannot be terminated.`,
    );
  }
  if (TRANSITIONAL.has(eip.status)) {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT",
      `The EIP \`${eip.eipId}\` is ${eip.status}; only queries are allowed.`,
    );
  }
  if (eip.status === "ASSOCIATED")
    store.record(action, "unassociate", eip, { instanceId: eip.instanceId, reason: "terminate" });
  store.changeStatus(eip, "RECYCLING", now, action);
  return {};
}

/**
 * ReleaseEipAddresses (reference §4.4): deletes up to 100 EIPs that are all in RECYCLE, or none of them
 * (an unknown or released id answers OPERATION_FAILED_RESOURCE_NOT_FOUND, any other status
 * OPERATION_DENIED_EIP_NOT_RECYCLED).
 */
export function releaseEipAddresses(
  parameters: ActionParameters,
  context: ZenlayerActionContext,
): Record<string, unknown> {
  const { store, account, action } = context;
  const eipIds = [...new Set(readStringArray(parameters, "eipIds", 100, true))];
  const eips = eipIds.map((eipId) => {
    // The batch release answers the common "resource not found" code (what Terraform's release tolerates).
    if (!store.ownsEip(account.account.accountId, eipId)) {
      throw new ZenlayerApiError("OPERATION_FAILED_RESOURCE_NOT_FOUND", `The resource \`${eipId}\` is not found.`);
    }
    return store.findEip(account.account.accountId, eipId);
  });
  const notRecycled = eips.find((eip) => eip.status !== "RECYCLE");
  if (notRecycled !== undefined) {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_EIP_NOT_RECYCLED",
      `The EIP \`${notRecycled.eipId}\` is not in the recycle bin.`,
    );
  }
  for (const eip of eips) store.releaseEip(eip, action);
  return {};
}
