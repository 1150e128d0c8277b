import { actionError } from "./alibaba-envelope.js";
import type { AlibabaInstanceRecord } from "./alibaba-state.js";
import { findInstance, type AlibabaActionContext, type AlibabaActionHandler } from "./instance-checks.js";
import type { AlibabaInstanceStatus } from "./alibaba-seed.js";

/**
 * Moves the instance to `to` when it is in `from` (else `IncorrectInstanceStatus`, 403) and records the `status`
 * event. Transitions are instantaneous (no Starting / Stopping phase): an assumption that keeps tests deterministic.
 */
function changeStatus(
  instance: AlibabaInstanceRecord,
  action: string,
  from: AlibabaInstanceStatus,
  to: AlibabaInstanceStatus,
  context: AlibabaActionContext,
): void {
  if (instance.status !== from) throw actionError("StartInstance", "IncorrectInstanceStatus");
  context.events.record({
    provider: "alibaba",
    action,
    kind: "status",
    resourceId: instance.instanceId,
    detail: { attribute: "status", from, to },
  });
  instance.status = to;
}

/** A (re)start is what makes a public IP from AllocatePublicIpAddress take effect (seeds 000, 001, 003). */
function makePublicIpEffective(instance: AlibabaInstanceRecord): void {
  if (instance.publicIpAddress !== undefined) instance.publicIpEffective = true;
}

/** `StartInstance`: Stopped → Running; a pending public IP takes effect. */
export const startInstance: AlibabaActionHandler = (params, context) => {
  const instance = findInstance(params, context.store);
  changeStatus(instance, "StartInstance", "Stopped", "Running", context);
  makePublicIpEffective(instance);
  return {};
};

/** `StopInstance`: Running → Stopped; the public IP is kept. */
export const stopInstance: AlibabaActionHandler = (params, context) => {
  changeStatus(findInstance(params, context.store), "StopInstance", "Running", "Stopped", context);
  return {};
};

/** `RebootInstance`: only a Running instance; a pending public IP takes effect. */
export const rebootInstance: AlibabaActionHandler = (params, context) => {
  const instance = findInstance(params, context.store);
  changeStatus(instance, "RebootInstance", "Running", "Running", context);
  makePublicIpEffective(instance);
  return {};
};
