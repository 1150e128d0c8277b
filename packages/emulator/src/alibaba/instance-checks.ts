import type { StateEventLog } from "../shared/state-event-log.js";
import { AlibabaApiError, missingParameter } from "./alibaba-envelope.js";
import type { AlibabaSecondAllocateBehaviour } from "./alibaba-seed.js";
import type { AlibabaInstanceRecord, AlibabaStore } from "./alibaba-state.js";

/** What an action handler gets besides its parameters. */
export interface AlibabaActionContext {
  store: AlibabaStore;
  events: StateEventLog;
  secondAllocate: AlibabaSecondAllocateBehaviour;
  /** AccessKey of the verified caller (scopes ClientTokens). */
  accessKeyId: string;
}

/** Handles one API action: returns the success fields (RequestId is added by the caller) or throws AlibabaApiError. */
export type AlibabaActionHandler = (
  params: Readonly<Record<string, string>>,
  context: AlibabaActionContext,
) => Record<string, unknown>;

/** Reads a required parameter (`MissingParameter` when absent or empty). */
export function requireParameter(params: Readonly<Record<string, string>>, name: string): string {
  const value = params[name];
  if (value === undefined || value === "") throw missingParameter(name);
  return value;
}

/** The instance named by `InstanceId`, or `MissingParameter` / `InvalidInstanceId.NotFound` (404). */
export function findInstance(params: Readonly<Record<string, string>>, store: AlibabaStore): AlibabaInstanceRecord {
  const instance = store.instances.get(requireParameter(params, "InstanceId"));
  if (instance === undefined) throw new AlibabaApiError("InvalidInstanceId.NotFound");
  return instance;
}

/** Rejects instances under an OperationLock or expired: `InstanceLockedForSecurity` / `InstanceExpiredOrInArrears` (403). */
export function assertNotLocked(instance: AlibabaInstanceRecord): void {
  if (instance.lockReasons.includes("security")) throw new AlibabaApiError("InstanceLockedForSecurity");
  if (instance.expired || instance.lockReasons.includes("financial"))
    throw new AlibabaApiError("InstanceExpiredOrInArrears");
}

/** Rejects instances that are not Running or Stopped: `IncorrectInstanceStatus` (403). */
export function assertRunningOrStopped(instance: AlibabaInstanceRecord): void {
  if (instance.status !== "Running" && instance.status !== "Stopped")
    throw new AlibabaApiError("IncorrectInstanceStatus");
}

/** Rejects CloudBox and dedicated-region instances, which cannot have a public IP or EIP. */
export function assertPublicIpSupported(instance: AlibabaInstanceRecord): void {
  if (instance.cloudbox) throw new AlibabaApiError("OperationDenied.CloudboxNotSupport");
  if (instance.dedicatedRegion) throw new AlibabaApiError("OperationDenied.DedicatedRegionNotSupported");
}

/**
 * Gives the instance a public IP (the requested one, already validated, or a fresh one from the pool) and records
 * the `allocate` event. `effective` says whether it carries traffic without a StartInstance / RebootInstance.
 * `InsufficientPublicIp` (400) when the pool is exhausted.
 */
export function assignPublicIp(
  instance: AlibabaInstanceRecord,
  action: string,
  context: AlibabaActionContext,
  options: { effective: boolean; requestedIpAddress?: string },
): string {
  const requestedIpAddress = options.requestedIpAddress;
  let ipAddress = requestedIpAddress;
  if (ipAddress === undefined) ipAddress = context.store.ipPool.allocate();
  else context.store.ipPool.reserve(ipAddress);
  if (ipAddress === undefined) throw new AlibabaApiError("InsufficientPublicIp");
  instance.publicIpAddress = ipAddress;
  instance.publicIpEffective = options.effective;
  context.events.record({
    provider: "alibaba",
    action,
    kind: "allocate",
    resourceId: instance.instanceId,
    detail: { ipAddress, effective: options.effective },
  });
  return ipAddress;
}

/** Parses a boolean parameter ("true"/"false", case-insensitive); `InvalidParameter` otherwise. */
export function readBooleanParameter(params: Readonly<Record<string, string>>, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  const lowered = value.toLowerCase();
  if (lowered !== "true" && lowered !== "false") {
    throw new AlibabaApiError("InvalidParameter", `The specified parameter "${name}" is not valid.`);
  }
  return lowered === "true";
}
