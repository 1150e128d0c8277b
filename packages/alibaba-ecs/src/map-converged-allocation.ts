import type { AllocateRequest, AllocationResult, ConvergedAllocation, Operation } from "@polycloud/core";
import type { AllocatedPublicIp } from "./allocate-public-ip.js";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";
import {
  describeFreshIp,
  describePendingIp,
  describeRestartNeeded,
  mapInstanceToAllocatedIp,
} from "./map-instance-to-allocated-ip.js";

/** What {@link mapConvergedAllocation} needs besides the converged allocation. @internal */
export interface ConvergedAllocationContext {
  instanceId: string;
  /** The allocator's region, for an IP whose instance was not read. */
  region: string;
  /** The request's tags: ECS system public IPs cannot carry them, so any tag earns a warning. */
  tags: AllocateRequest["tags"];
  /** The `ModifyInstanceNetworkSpec` ClientToken; undefined for `AllocatePublicIpAddress`, which takes none. */
  idempotencyKey: string | undefined;
}

/**
 * The `AllocationResult` of a converged allocation: the IP as read from the instance (or as the fresh
 * `AllocatePublicIpAddress` answer describes it), with the warnings a caller needs about restarts and tags.
 * @internal
 */
export function mapConvergedAllocation(
  operation: Operation,
  converged: ConvergedAllocation<AllocatedPublicIp>,
  context: ConvergedAllocationContext,
): AllocationResult {
  const { instanceId, region } = context;
  // One IP per instance: convergeAllocation resolves with exactly one resource.
  const allocated = converged.resources[0] as NonNullable<(typeof converged.resources)[0]>;
  const ip = allocated.instance
    ? mapInstanceToAllocatedIp(allocated.instance, region, allocated.ipAddress)
    : describeFreshIp(instanceId, region, allocated);
  // A fresh AllocatePublicIpAddress answer needs a restart to take effect; a read instance shows its status.
  const warnings = allocated.instance
    ? ip.state === "pending"
      ? [describePendingIp(instanceId, allocated.instance.Status)]
      : []
    : [describeRestartNeeded(instanceId, allocated.ipAddress)];
  if (Object.keys(context.tags).length > 0)
    warnings.push("Tags were not applied: ECS system public IPs cannot carry tags.");
  const metadata = operation.metadata();
  if (allocated.requestId !== undefined) metadata.requestId = allocated.requestId;
  const result: AllocationResult = {
    provider: ALIBABA_ECS_PROVIDER,
    ips: [ip],
    requestId: allocated.requestId,
    reconciled: converged.reconciled,
    metadata,
    warnings: [...warnings, ...converged.warnings],
  };
  if (context.idempotencyKey !== undefined) result.idempotencyKey = context.idempotencyKey;
  return result;
}
