import { AlibabaApiError, invalidParameter } from "./alibaba-envelope.js";
import { ALIBABA_INSTANCE_STATUSES, type AlibabaInstanceStatus } from "./alibaba-seed.js";
import type { AlibabaInstanceRecord } from "./alibaba-state.js";
import { findInstance, requireParameter, type AlibabaActionHandler } from "./instance-checks.js";

/** The instance fields ECS returns, in its JSON shape (reference §3.3 / §3.4). */
function formatInstance(instance: AlibabaInstanceRecord): Record<string, unknown> {
  const isVpc = instance.instanceNetworkType === "vpc";
  return {
    InstanceId: instance.instanceId,
    InstanceName: instance.instanceName,
    InstanceType: instance.instanceType,
    HostName: instance.instanceId,
    RegionId: instance.regionId,
    ZoneId: instance.zoneId,
    Status: instance.status,
    CreationTime: instance.creationTime,
    InstanceNetworkType: instance.instanceNetworkType,
    InstanceChargeType: instance.instanceChargeType,
    InternetChargeType: instance.internetChargeType,
    InternetMaxBandwidthOut: instance.internetMaxBandwidthOut,
    InternetMaxBandwidthIn: instance.internetMaxBandwidthIn,
    PublicIpAddress: { IpAddress: instance.publicIpAddress === undefined ? [] : [instance.publicIpAddress] },
    InnerIpAddress: { IpAddress: isVpc ? [] : [instance.privateIpAddress] },
    EipAddress: {
      AllocationId: instance.eipAddress?.allocationId ?? "",
      IpAddress: instance.eipAddress?.ipAddress ?? "",
      InternetChargeType: instance.eipAddress === undefined ? "" : instance.internetChargeType,
      Bandwidth: instance.eipAddress === undefined ? 0 : instance.internetMaxBandwidthOut,
    },
    OperationLocks: { LockReason: instance.lockReasons.map((reason) => ({ LockReason: reason })) },
    VpcAttributes: {
      VpcId: isVpc ? `vpc-${instance.instanceId.replace(/^i-/, "")}` : "",
      VSwitchId: isVpc ? `vsw-${instance.instanceId.replace(/^i-/, "")}` : "",
      NatIpAddress: "",
      PrivateIpAddress: { IpAddress: isVpc ? [instance.privateIpAddress] : [] },
    },
  };
}

/** `DescribeInstanceAttribute`: one instance, flat (not wrapped in `Instances`). */
export const describeInstanceAttribute: AlibabaActionHandler = (params, context) =>
  formatInstance(findInstance(params, context.store));

/**
 * `DescribeInstances`: `RegionId` required; optional `InstanceIds` (JSON array string, ≤ 100; `[]` → empty),
 * `Status`, `InstanceNetworkType`; `PageSize` (1–100, default 10) and `PageNumber` (default 1).
 */
export const describeInstances: AlibabaActionHandler = (params, context) => {
  const regionId = requireParameter(params, "RegionId");
  const instanceIds = readInstanceIds(params["InstanceIds"]);
  const status = readStatus(params["Status"]);
  const networkType = params["InstanceNetworkType"] || undefined;
  const pageSize = readPositiveInteger(params, "PageSize", 10, 100);
  const pageNumber = readPositiveInteger(params, "PageNumber", 1, Number.MAX_SAFE_INTEGER);
  const matching = [...context.store.instances.values()].filter(
    (instance) =>
      instance.regionId === regionId &&
      (instanceIds === undefined || instanceIds.has(instance.instanceId)) &&
      (status === undefined || instance.status === status) &&
      (networkType === undefined || instance.instanceNetworkType === networkType),
  );
  const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    TotalCount: matching.length,
    PageSize: pageSize,
    PageNumber: pageNumber,
    Instances: { Instance: page.map(formatInstance) },
  };
};

function readInstanceIds(value: string | undefined): Set<string> | undefined {
  if (value === undefined || value === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new AlibabaApiError("InvalidInstanceIds.Malformed");
  }
  if (!Array.isArray(parsed) || parsed.length > 100 || parsed.some((item) => typeof item !== "string")) {
    throw new AlibabaApiError("InvalidInstanceIds.Malformed");
  }
  return new Set(parsed as string[]);
}

function readStatus(value: string | undefined): AlibabaInstanceStatus | undefined {
  if (value === undefined || value === "") return undefined;
  if (!ALIBABA_INSTANCE_STATUSES.includes(value as AlibabaInstanceStatus)) {
    throw new AlibabaApiError("InvalidStatus.NotFound", "The specified Status is not found.", 404);
  }
  return value as AlibabaInstanceStatus;
}

function readPositiveInteger(
  params: Readonly<Record<string, string>>,
  name: string,
  fallback: number,
  maximum: number,
): number {
  const value = params[name];
  if (value === undefined || value === "") return fallback;
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1 || Number(value) > maximum) throw invalidParameter(name);
  return Number(value);
}
