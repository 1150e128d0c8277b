import type { AlibabaSignatureVersion } from "./sign-alibaba-ecs-request.js";

/**
 * Request parameters of the ECS actions the adapter calls, as the official models declare them
 * (`@alicloud/ecs20140526` `src/models/<Action>Request.ts`). Only ReleasePublicIpAddress takes `RegionId`; none takes
 * `Format`, which is a V1 common parameter (V3 asks for JSON with `Accept`).
 * @public
 */
export const ECS_ACTION_PARAMETERS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  AllocatePublicIpAddress: [
    "InstanceId",
    "IpAddress",
    "VlanId",
    "OwnerAccount",
    "OwnerId",
    "ResourceOwnerAccount",
    "ResourceOwnerId",
  ],
  DescribeInstanceAttribute: ["InstanceId", "OwnerAccount", "OwnerId", "ResourceOwnerAccount", "ResourceOwnerId"],
  ModifyInstanceNetworkSpec: [
    "AllocatePublicIp",
    "AutoPay",
    "ClientToken",
    "EndTime",
    "ISP",
    "InstanceId",
    "InternetMaxBandwidthIn",
    "InternetMaxBandwidthOut",
    "NetworkChargeType",
    "OwnerAccount",
    "OwnerId",
    "ResourceOwnerAccount",
    "ResourceOwnerId",
    "StartTime",
  ],
  ReleasePublicIpAddress: ["DryRun", "InstanceId", "PublicIpAddress", "RegionId"],
});

/**
 * The action's parameters plus what its model and the signature version add: `RegionId` where the model declares
 * it, and `Format=JSON` on V1 only (V1 answers XML without it; reference §2.1). Copied key by key: a
 * `{ ...params, … }` literal costs ~0.7 µs on the path of every attempt.
 * @public
 */
export function addEcsCommonParameters(
  action: string,
  params: Readonly<Record<string, string>>,
  region: string,
  signatureVersion: AlibabaSignatureVersion,
): Record<string, string> {
  const all: Record<string, string> = {};
  for (const name in params) all[name] = params[name] as string;
  if (ECS_ACTION_PARAMETERS[action]?.includes("RegionId") === true && all.RegionId === undefined) all.RegionId = region;
  if (signatureVersion === "v1") all.Format = "JSON";
  return all;
}
