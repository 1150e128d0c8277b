import type { AllocatedIp, IpState } from "@polycloud/core";
import type { AllocatedPublicIp } from "./allocate-public-ip.js";
import { readPublicIpAddress, type InstanceAttributeResponse } from "./parse-alibaba-ecs-response.js";

/**
 * The neutral state of an instance's system public IP. The IP's id is the instance id (one public IP per
 * instance), so an instance without one reads as `released` (never allocated, or released since).
 * A new IP only carries traffic once the instance runs (it takes effect on StartInstance / RebootInstance),
 * so an IP on an instance that is not Running is `pending`.
 * @public
 */
export function mapInstanceToIpState(instance: InstanceAttributeResponse, address = readPublicIpAddress(instance)): IpState {
  if (address === undefined) return "released";
  return instance.Status === "Running" ? "ready" : "pending";
}

/** Maps a `DescribeInstanceAttribute` answer to the neutral {@link AllocatedIp} (`raw` keeps the answer). @public */
export function mapInstanceToAllocatedIp(instance: InstanceAttributeResponse, region: string, address = readPublicIpAddress(instance)): AllocatedIp {
  return {
    id: instance.InstanceId,
    ...(address === undefined ? {} : { address }),
    state: mapInstanceToIpState(instance, address),
    location: { region: instance.RegionId ?? region, ...(instance.ZoneId === undefined ? {} : { zone: instance.ZoneId }) },
    instanceId: instance.InstanceId,
    tags: {},
    providerState: instance.Status,
    raw: instance,
  };
}

/** The honest warning for an IP allocated to an instance that is not Running. @public */
export function describePendingIp(instanceId: string, status: string): string {
  return `Instance ${instanceId} is ${status}: its public IP takes effect after StartInstance (or RebootInstance), so the IP is pending until the instance runs.`;
}

/**
 * The IP an AllocatePublicIpAddress answer describes, without reading the instance: the address is assigned
 * at once, but it carries traffic only while the instance runs, and the answer does not say whether it does.
 * So it is `pending` until `describe` / `waitUntilReady` sees the instance Running.
 * @public
 */
export function describeFreshIp(instanceId: string, region: string, allocated: AllocatedPublicIp): AllocatedIp {
  return {
    id: instanceId,
    address: allocated.ipAddress,
    state: "pending",
    location: { region },
    instanceId,
    tags: {},
    raw: { RequestId: allocated.requestId, IpAddress: allocated.ipAddress },
  };
}
