import type { RetryOutcome } from "@polycloud/core";
import { toCallContext, type AlibabaEcsOperation } from "./alibaba-ecs-operation.js";
import { describeInstanceAttribute } from "./describe-instance-attribute.js";
import { RequestIdResponseSchema, readPublicIpAddress } from "./parse-alibaba-ecs-response.js";
import { runReconciledMutation } from "./run-reconciled-mutation.js";

/** Alibaba deprecated ReleasePublicIpAddress without naming a replacement; every release result says so. @public */
export const RELEASE_DEPRECATION_WARNING =
  "ReleasePublicIpAddress is deprecated by Alibaba Cloud with no replacement and may stop working; alternatives (unverified): set InternetMaxBandwidthOut to 0 with ModifyInstanceNetworkSpec, or convert the IP to an EIP and release that.";

/**
 * `ReleasePublicIpAddress` of the instance's current address, read back after an ambiguous failure
 * (released when the address is gone from the instance).
 * @internal
 */
export function releasePublicIp(operation: AlibabaEcsOperation, target: { instanceId: string; address: string }): Promise<RetryOutcome<{ value: { requestId: string }; reconciled: boolean }>> {
  return runReconciledMutation(operation, {
    action: "ReleasePublicIpAddress",
    resourceId: target.instanceId,
    mutate: async (attempt) => {
      const answer = await operation.client.call(
        "ReleasePublicIpAddress",
        { InstanceId: target.instanceId, PublicIpAddress: target.address },
        RequestIdResponseSchema,
        toCallContext(operation, attempt),
      );
      return { requestId: answer.RequestId };
    },
    readBack: async () => {
      const { value: instance } = await describeInstanceAttribute(operation, target.instanceId);
      return readPublicIpAddress(instance) === target.address ? undefined : { requestId: instance.RequestId };
    },
  });
}
