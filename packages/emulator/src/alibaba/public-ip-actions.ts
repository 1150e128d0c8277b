import { AlibabaApiError, actionError } from "./alibaba-envelope.js";
import {
  assertNotLocked,
  assertPublicIpSupported,
  assertRunningOrStopped,
  assignPublicIp,
  findInstance,
  readBooleanParameter,
  requireParameter,
  type AlibabaActionContext,
  type AlibabaActionHandler,
} from "./instance-checks.js";
import { isPublicIpv4, parseIpv4 } from "../shared/ipv4.js";

/**
 * `AllocatePublicIpAddress` (reference §3.1, seeds 000/001/003): checks in the order the docs list the
 * preconditions, then assigns the requested or a pooled IP, not effective until the next StartInstance /
 * RebootInstance (seeds 000, 001, 003). A second call answers per `secondAllocate`.
 */
export const allocatePublicIpAddress: AlibabaActionHandler = (params, context) => {
  const instance = findInstance(params, context.store);
  assertPublicIpSupported(instance);
  assertNotLocked(instance);
  assertRunningOrStopped(instance);
  if (instance.eipAddress !== undefined) throw new AlibabaApiError("OperationDenied");
  if (instance.publicIpAddress !== undefined) {
    if (context.secondAllocate === "allocated-already") throw new AlibabaApiError("AllocatedAlready");
    return { IpAddress: instance.publicIpAddress };
  }
  if (instance.internetMaxBandwidthOut <= 0) throw new AlibabaApiError("AllocateIpInvalidInstanceBandwidth");
  const vlanId = params["VlanId"];
  if (vlanId !== undefined && vlanId !== "" && !context.store.vlanIds.has(vlanId)) {
    throw new AlibabaApiError("InvalidVlanId.NotFound");
  }
  const requested = readRequestedIpAddress(params["IpAddress"], context);
  return {
    IpAddress: assignPublicIp(instance, "AllocatePublicIpAddress", context, {
      effective: false,
      ...(requested === undefined ? {} : { requestedIpAddress: requested }),
    }),
  };
};

function readRequestedIpAddress(value: string | undefined, context: AlibabaActionContext): string | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = parseIpv4(value);
  if (parsed === undefined) throw new AlibabaApiError("InvalidIpAddress.Malformed");
  if (!isPublicIpv4(parsed)) throw new AlibabaApiError("InvalidIpAddress.NotPublic");
  if (context.store.ipPool.isInUse(value)) throw new AlibabaApiError("IpInUse");
  return value;
}

const RELEASE = "ReleasePublicIpAddress";

/**
 * `ReleasePublicIpAddress` (reference §3.2 and its API page): `InvalidIpAddress.NeedInstanceId` without an
 * InstanceId; `OperationDenied` (400) for a VPC instance; `InvalidIpAddress.NotFound` (400 on this API) when the
 * IP is not the instance's public IP, also when it was released already; `DryRun=true` answers `DryRunOperation`
 * after the checks.
 */
export const releasePublicIpAddress: AlibabaActionHandler = (params, context) => {
  const ipAddress = requireParameter(params, "PublicIpAddress");
  if (params["InstanceId"] === undefined || params["InstanceId"] === "")
    throw actionError(RELEASE, "InvalidIpAddress.NeedInstanceId");
  const instance = findInstance(params, context.store);
  if (parseIpv4(ipAddress) === undefined) throw new AlibabaApiError("InvalidIpAddress.Malformed");
  if (instance.instanceNetworkType === "vpc") throw actionError(RELEASE, "OperationDenied");
  assertNotLocked(instance);
  assertRunningOrStopped(instance);
  if (instance.publicIpAddress !== ipAddress) throw actionError(RELEASE, "InvalidIpAddress.NotFound");
  if (readBooleanParameter(params, "DryRun") === true) throw actionError(RELEASE, "DryRunOperation");
  instance.publicIpAddress = undefined;
  instance.publicIpEffective = false;
  context.store.ipPool.release(ipAddress);
  context.events.record({
    provider: "alibaba",
    action: RELEASE,
    kind: "release",
    resourceId: instance.instanceId,
    detail: { ipAddress },
  });
  return {};
};
