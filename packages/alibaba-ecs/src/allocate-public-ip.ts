import {
  IpAllocatorError,
  convergeAllocation,
  toIpAllocatorError,
  type ConvergedAllocation,
  type Operation,
} from "@polycloud/core";
import type { AlibabaEcsClient } from "./alibaba-ecs-client.js";
import type { AlibabaEcsProviderOptions } from "./alibaba-ecs-provider-options.js";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";
import { describeInstanceAttribute } from "./describe-instance-attribute.js";
import {
  AllocatePublicIpAddressResponseSchema,
  RequestIdResponseSchema,
  readPublicIpAddress,
  type InstanceAttributeResponse,
} from "./parse-alibaba-ecs-response.js";
import { releasePublicIp } from "./release-public-ip.js";

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
  /** Lookups of the instance after an ambiguous answer. */
  settle: { reads: number; intervalMs: number };
  /** `reconcile.retryWhenAbsent` and `reconcile.releaseOnFailure` (core's defaults when undefined). */
  retryWhenAbsent?: boolean;
  releaseOnFailure?: boolean;
}

/**
 * Gives the instance its public IP with `AllocatePublicIpAddress` or `ModifyInstanceNetworkSpec` +
 * `AllocatePublicIp=true` + `ClientToken`. ECS holds one public IP per instance, so the key is the instance
 * itself: core's `convergeAllocation` reads it back after an ambiguous answer (and for `AllocatedAlready`),
 * and allocates again only when it has none.
 * @internal
 */
export function allocatePublicIp(
  operation: Operation,
  client: AlibabaEcsClient,
  target: AllocatePublicIpTarget,
): Promise<ConvergedAllocation<AllocatedPublicIp>> {
  const { instanceId, options } = target;
  const readBack = async (reading: Operation): Promise<AllocatedPublicIp[]> => {
    const instance = await describeInstanceAttribute(reading, client, instanceId);
    const ipAddress = readPublicIpAddress(instance);
    return ipAddress === undefined ? [] : [{ ipAddress, requestId: instance.RequestId, instance }];
  };
  const modify = options.method === "modify-instance-network-spec";
  return convergeAllocation<AllocatedPublicIp>(operation, {
    key: modify ? target.clientToken : instanceId,
    // One IP per instance: the provider itself makes every caller converge; nothing to look up first.
    shared: false,
    count: 1,
    send: async (context) => {
      if (!modify) {
        const params: Record<string, string> = { InstanceId: instanceId };
        if (options.ipAddress !== undefined) params.IpAddress = options.ipAddress;
        if (options.vlanId !== undefined) params.VlanId = options.vlanId;
        const answer = await client.call(
          "AllocatePublicIpAddress",
          params,
          AllocatePublicIpAddressResponseSchema,
          context,
        );
        return {
          resources: [{ ipAddress: answer.IpAddress, requestId: answer.RequestId }],
          requestId: answer.RequestId,
        };
      }
      const params: Record<string, string> = {
        InstanceId: instanceId,
        AllocatePublicIp: "true",
        ClientToken: target.clientToken,
      };
      if (options.internetMaxBandwidthOut !== undefined)
        params.InternetMaxBandwidthOut = String(options.internetMaxBandwidthOut);
      const answer = await client.call("ModifyInstanceNetworkSpec", params, RequestIdResponseSchema, context);
      // The action answers no address: read it from the instance. The change is committed by now, so a failed
      // read is not a failed allocation: marked ambiguous, the runner reads again or answers OUTCOME_UNKNOWN.
      const allocated = await readBack(operation).catch((readError: unknown) => {
        throw new IpAllocatorError({
          ...toIpAllocatorError(readError, { provider: ALIBABA_ECS_PROVIDER, operation: operation.name }).toOptions(),
          ambiguous: true,
          retryable: false,
        });
      });
      if (allocated[0] === undefined) throw createMissingIpError(operation, instanceId, answer.RequestId);
      return { resources: [{ ...allocated[0], requestId: answer.RequestId }], requestId: answer.RequestId };
    },
    findByKey: readBack,
    // Compensation: an instance that has no IP any more has nothing to give back.
    release: (releasing) => releasePublicIp(releasing, client, instanceId, "no-op"),
    idOf: () => instanceId,
    isAlreadyDone: (error) => error.providerCode === "AllocatedAlready",
    settle: target.settle,
    retryWhenAbsent: target.retryWhenAbsent,
    releaseOnFailure: target.releaseOnFailure,
  });
}

function createMissingIpError(operation: Operation, instanceId: string, requestId: string): IpAllocatorError {
  return new IpAllocatorError({
    code: "FAILED_PRECONDITION",
    message: `ModifyInstanceNetworkSpec succeeded but ${instanceId} has no public IP (does it have an EIP, or an outbound bandwidth of 0? set internetMaxBandwidthOut).`,
    provider: ALIBABA_ECS_PROVIDER,
    operation: operation.name,
    requestId,
  });
}
