import {
  IpAllocatorError,
  pollUntil,
  toIpAllocatorError,
  type DescribeResult,
  type Operation,
  type WaitOptions,
} from "@polycloud/core";
import type { AlibabaEcsClient } from "./alibaba-ecs-client.js";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";
import { describeInstanceAttribute } from "./describe-instance-attribute.js";
import { mapInstanceToAllocatedIp } from "./map-instance-to-allocated-ip.js";
import type { InstanceAttributeResponse } from "./parse-alibaba-ecs-response.js";

/**
 * Polls `DescribeInstanceAttribute` until the instance runs with a public IP (`ready`). An instance without a
 * public IP, or a Stopped one, is FAILED_PRECONDITION at once: waiting cannot give it an IP, and only a
 * StartInstance (which polycloud does not send) makes a Stopped instance's IP effective. Pending, Starting and
 * Stopping are polled (they move on their own, a reboot passes through them). TIMEOUT / CANCELLED carry the last
 * state seen in `details` (`lastState`, `providerState`, `address`).
 * @internal
 */
export async function waitForPublicIpReady(
  operation: Operation,
  client: AlibabaEcsClient,
  target: { instanceId: string; region: string },
  options: WaitOptions,
): Promise<DescribeResult> {
  let last: InstanceAttributeResponse | undefined;
  try {
    const { value } = await pollUntil({
      read: async () => (last = await describeInstanceAttribute(operation, client, target.instanceId)),
      check: (instance) =>
        mapInstanceToAllocatedIp(instance, target.region).state === "pending" && instance.Status !== "Stopped"
          ? "continue"
          : "done",
      signal: operation.signal,
      clock: operation.environment.clock,
      random: operation.environment.random,
      intervalMs: options.pollIntervalMs ?? 1_000,
      maxIntervalMs: options.maxPollIntervalMs ?? 5_000,
    });
    const ip = mapInstanceToAllocatedIp(value, target.region);
    if (ip.state === "released") {
      throw new IpAllocatorError({
        code: "FAILED_PRECONDITION",
        message: `${target.instanceId} has no public IP: allocate one before waiting for it.`,
        provider: ALIBABA_ECS_PROVIDER,
        operation: operation.name,
        requestId: value.RequestId,
        details: { lastState: ip.state, providerState: ip.providerState },
      });
    }
    if (ip.state === "pending") {
      throw new IpAllocatorError({
        code: "FAILED_PRECONDITION",
        message: `${target.instanceId} is ${value.Status}: its public IP ${ip.address ?? ""} takes effect only after StartInstance, which polycloud does not send, so waiting cannot make it ready.`,
        provider: ALIBABA_ECS_PROVIDER,
        operation: operation.name,
        requestId: value.RequestId,
        details: {
          lastState: ip.state,
          providerState: ip.providerState,
          address: ip.address,
          hint: `Start the instance (StartInstance ${target.instanceId}), then wait again.`,
        },
      });
    }
    return { provider: ALIBABA_ECS_PROVIDER, ip, requestId: value.RequestId, metadata: operation.metadata() };
  } catch (thrown) {
    const error = toIpAllocatorError(thrown, { provider: ALIBABA_ECS_PROVIDER, operation: operation.name });
    if (last === undefined || (error.code !== "TIMEOUT" && error.code !== "CANCELLED")) throw error;
    const ip = mapInstanceToAllocatedIp(last, target.region);
    const message = `${error.message} ${target.instanceId} was still ${last.Status}${last.Status === "Running" ? "" : ": its public IP takes effect once it runs (StartInstance)"}.`;
    throw new IpAllocatorError({
      ...error.toOptions(),
      message,
      details: { ...error.details, lastState: ip.state, providerState: ip.providerState, address: ip.address },
    });
  }
}
