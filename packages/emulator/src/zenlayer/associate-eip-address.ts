import { readString, type ActionParameters } from "./parse-action-parameters.js";
import type { ZenlayerActionContext } from "./zenlayer-action-context.js";
import { ZenlayerApiError } from "./zenlayer-error-codes.js";
import type { InstanceRecord, ZenlayerStore } from "./zenlayer-store.js";

const RECYCLED_INSTANCE = new Set(["RECYCLING", "RECYCLE", "RELEASING"]);
/** EIP statuses that count against an instance's EIP limit. */
const BOUND = new Set(["ASSOCIATING", "ASSOCIATED", "UNASSOCIATING"]);

function recycledEip(eipId: string): ZenlayerApiError {
  return new ZenlayerApiError("FAILED_OPERATION_FOR_RECYCLE_RESOURCE", `The EIP \`${eipId}\` is in the recycle bin.`);
}

function findInstance(store: ZenlayerStore, accountId: string, instanceId: string): InstanceRecord {
  const instance = store.instances.get(instanceId);
  if (instance === undefined || instance.accountId !== accountId) {
    throw new ZenlayerApiError("INVALID_INSTANCE_NOT_FOUND", `The instance \`${instanceId}\` is not found.`);
  }
  return instance;
}

/**
 * AssociateEipAddress (reference §4.5): an AVAILABLE EIP and a RUNNING, non-ESXi instance of the same
 * zone below its EIP limit; the EIP is ASSOCIATING, then ASSOCIATED `associationDelayMs` later.
 */
export function associateEipAddress(
  parameters: ActionParameters,
  context: ZenlayerActionContext,
): Record<string, unknown> {
  const { store, account, now, action } = context;
  const eipId = readString(parameters, "eipId", true);
  const instanceId = readString(parameters, "instanceId", true);
  const eip = store.findEip(account.account.accountId, eipId);
  const instance = findInstance(store, account.account.accountId, instanceId);
  if (eip.status === "RECYCLING" || eip.status === "RECYCLE") throw recycledEip(eipId);
  if (eip.status !== "AVAILABLE") {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE",
      `The EIP \`${eipId}\` is ${eip.status}, not AVAILABLE.`,
    );
  }
  if (RECYCLED_INSTANCE.has(instance.status)) {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_INSTANCE_RECYCLED",
      `The instance \`${instanceId}\` is in the recycle bin.`,
    );
  }
  if (instance.status !== "RUNNING") {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_INSTANCE_NOT_RUNNING",
      `The instance \`${instanceId}\` is ${instance.status}, not RUNNING.`,
    );
  }
  if (instance.esxi) {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_EIP_ESXI_INSTANCE_ASSIGN",
      `The instance \`${instanceId}\` runs ESXi and cannot take EIPs.`,
    );
  }
  if (instance.zoneId !== eip.zoneId) {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_EIP_ZONE_NOT_SAME",
      `The EIP is in ${eip.zoneId} but the instance is in ${instance.zoneId}.`,
    );
  }
  const bound = [...store.eips.values()].filter(
    (other) => other.instanceId === instanceId && BOUND.has(other.status),
  ).length;
  if (bound >= instance.eipLimit) {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_EIP_INSTANCE_EXCEED_LIMIT",
      `The instance \`${instanceId}\` already has ${bound} EIPs.`,
    );
  }
  eip.instanceId = instanceId;
  store.changeStatus(eip, "ASSOCIATING", now, action, "associate");
  return {};
}

/**
 * UnAssociateEipAddress (reference §4.5): ASSOCIATED → UNASSOCIATING → AVAILABLE after
 * `associationDelayMs`; a no-op on AVAILABLE; refused in the recycle bin and in other statuses.
 */
export function unassociateEipAddress(
  parameters: ActionParameters,
  context: ZenlayerActionContext,
): Record<string, unknown> {
  const { store, account, now, action } = context;
  const eip = store.findEip(account.account.accountId, readString(parameters, "eipId", true));
  if (eip.status === "RECYCLING" || eip.status === "RECYCLE") throw recycledEip(eip.eipId);
  if (eip.status === "AVAILABLE") return {};
  if (eip.status !== "ASSOCIATED") {
    throw new ZenlayerApiError("OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT", `The EIP \`${eip.eipId}\` is ${eip.status}.`);
  }
  store.changeStatus(eip, "UNASSOCIATING", now, action, "unassociate");
  return {};
}
