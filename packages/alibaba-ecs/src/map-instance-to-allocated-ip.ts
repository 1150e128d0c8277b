import type { AllocatedIp, IpState } from "@polycloud/core";
import type { AllocatedPublicIp } from "./allocate-public-ip.js";
import { readPublicIpAddress, type InstanceAttributeResponse } from "./parse-alibaba-ecs-response.js";

/**
 * The neutral state of an instance's system public IP. The IP's id is the instance id (one public IP per
 * instance), so an instance without one reads as `released` (never allocated, or released since). An IP on an
 * instance that is not Running carries no traffic: `pending`. On a Running instance it is `ready` as far as ECS
 * shows: DescribeInstanceAttribute has no field for "allocated, restart pending" (see {@link describeFreshIp}).
 * @public
 */
export function mapInstanceToIpState(
  instance: InstanceAttributeResponse,
  address = readPublicIpAddress(instance),
): IpState {
  if (address === undefined) return "released";
  return instance.Status === "Running" ? "ready" : "pending";
}

/** Maps a `DescribeInstanceAttribute` answer to the neutral {@link AllocatedIp} (`raw` keeps the answer). @public */
export function mapInstanceToAllocatedIp(
  instance: InstanceAttributeResponse,
  region: string,
  address = readPublicIpAddress(instance),
): AllocatedIp {
  return {
    id: instance.InstanceId,
    ...(address === undefined ? {} : { address }),
    state: mapInstanceToIpState(instance, address),
    location: {
      region: instance.RegionId ?? region,
      ...(instance.ZoneId === undefined ? {} : { zone: instance.ZoneId }),
    },
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
 * The note on every address AllocatePublicIpAddress assigns: the allocation itself is complete (nothing is still
 * provisioning), but Alibaba documents that the new IP takes effect only after RebootInstance or StartInstance.
 * @public
 */
export function describeRestartNeeded(instanceId: string, address: string): string {
  return `${address} is assigned to ${instanceId}, but Alibaba documents that a public IP from AllocatePublicIpAddress takes effect only after RebootInstance (Running instance) or StartInstance (Stopped instance). polycloud does not restart instances, and ECS exposes no field for a pending restart, so describe and waitUntilReady cannot tell when it has happened.`;
}

/**
 * The IP an AllocatePublicIpAddress answer describes, without reading the instance: the address is assigned
 * (synchronously), but it is not effective before a RebootInstance / StartInstance, which this allocator does not
 * issue. So it is `pending`, with {@link describeRestartNeeded} in the result's warnings, never `ready`.
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
