import { IpAllocatorError, toIpAllocatorError, type RetryOutcome } from "@polycloud/core";
import { toCallContext, type AlibabaEcsOperation } from "./alibaba-ecs-operation.js";
import { describeInstanceAttribute } from "./describe-instance-attribute.js";
import type { AlibabaEcsProviderOptions } from "./alibaba-ecs-provider-options.js";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";
import { AllocatePublicIpAddressResponseSchema, RequestIdResponseSchema, readPublicIpAddress, type InstanceAttributeResponse } from "./parse-alibaba-ecs-response.js";
import { runReconciledMutation } from "./run-reconciled-mutation.js";

/** What the allocation produced: the address, the answering request, and the instance when it was read. @internal */
export interface AllocatedPublicIp {
  ipAddress: string;
  requestId: string | undefined;
  instance?: InstanceAttributeResponse;
}

/** Target of {@link allocatePublicIp}. @internal */
export interface AllocatePublicIpTarget {
  instanceId: string;
  options: AlibabaEcsProviderOptions;
  /** ClientToken of `ModifyInstanceNetworkSpec` (the caller's idempotency key or a per-call token). */
  clientToken: string;
}

/**
 * Gives the instance its public IP with `AllocatePublicIpAddress` (no ClientToken: made safe by reading the
 * instance back after an ambiguous failure, and by treating `AllocatedAlready` as the existing IP) or with
 * `ModifyInstanceNetworkSpec` + `AllocatePublicIp=true` + `ClientToken`. ECS holds one public IP per instance,
 * so a retry can never create a second one.
 * @internal
 */
export function allocatePublicIp(operation: AlibabaEcsOperation, target: AllocatePublicIpTarget): Promise<RetryOutcome<{ value: AllocatedPublicIp; reconciled: boolean }>> {
  const { instanceId, options } = target;
  const readBack = async (): Promise<AllocatedPublicIp | undefined> => {
    const { value: instance } = await describeInstanceAttribute(operation, instanceId);
    const ipAddress = readPublicIpAddress(instance);
    return ipAddress === undefined ? undefined : { ipAddress, requestId: instance.RequestId, instance };
  };
  if (options.method === "modify-instance-network-spec") {
    return runReconciledMutation(operation, {
      action: "ModifyInstanceNetworkSpec",
      resourceId: instanceId,
      readBack,
      mutate: async (attempt) => {
        const params: Record<string, string> = { InstanceId: instanceId, AllocatePublicIp: "true", ClientToken: target.clientToken };
        if (options.internetMaxBandwidthOut !== undefined) params.InternetMaxBandwidthOut = String(options.internetMaxBandwidthOut);
        const answer = await operation.client.call(
          "ModifyInstanceNetworkSpec",
          params,
          RequestIdResponseSchema,
          toCallContext(operation, attempt),
        );
        // The action answers no address: read it from the instance. The change is committed by now, so a failed
        // read is not a failed allocation: marked ambiguous, the reconciler reads again or answers OUTCOME_UNKNOWN.
        const allocated = await readBack().catch((readError: unknown) => {
          throw new IpAllocatorError({ ...toIpAllocatorError(readError, { provider: ALIBABA_ECS_PROVIDER, operation: operation.name }).toOptions(), ambiguous: true, retryable: false });
        });
        if (allocated === undefined) throw createMissingIpError(operation, instanceId, answer.RequestId);
        return { ...allocated, requestId: answer.RequestId };
      },
    });
  }
  return runReconciledMutation(operation, {
    action: "AllocatePublicIpAddress",
    resourceId: instanceId,
    readBack,
    isAlreadyDone: (error) => error.providerCode === "AllocatedAlready",
    mutate: async (attempt) => {
      const params: Record<string, string> = { InstanceId: instanceId };
      if (options.ipAddress !== undefined) params.IpAddress = options.ipAddress;
      if (options.vlanId !== undefined) params.VlanId = options.vlanId;
      const answer = await operation.client.call("AllocatePublicIpAddress", params, AllocatePublicIpAddressResponseSchema, toCallContext(operation, attempt));
      return { ipAddress: answer.IpAddress, requestId: answer.RequestId };
    },
  });
}

function createMissingIpError(operation: AlibabaEcsOperation, instanceId: string, requestId: string): IpAllocatorError {
  return new IpAllocatorError({
    code: "FAILED_PRECONDITION",
    message: `ModifyInstanceNetworkSpec succeeded but ${instanceId} has no public IP (does it have an EIP, or an outbound bandwidth of 0? set internetMaxBandwidthOut).`,
    provider: ALIBABA_ECS_PROVIDER,
    operation: operation.name,
    requestId,
  });
}
