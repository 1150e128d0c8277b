import { IpAllocatorError, type Operation } from "@polycloud/core";
import type { AwsEc2Client } from "./aws-ec2-client.js";
import { AWS_EC2_PROVIDER } from "./aws-ec2-settings.js";
import { parseDescribeInstances, type Ec2Instance } from "./parse-aws-ec2-response.js";

/**
 * Checks, before anything is billed, that `instanceId` is a running instance (DescribeInstances). An unknown
 * instance rejects INVALID_ARGUMENT naming `instanceId` (EC2's `InvalidInstanceID.NotFound`, or an empty
 * answer); any other state FAILED_PRECONDITION with `details.instanceState`.
 * @internal
 */
export async function checkInstanceRunning(
  operation: Operation,
  client: AwsEc2Client,
  instanceId: string,
): Promise<Ec2Instance> {
  const { response, requestId } = await operation.call((context) =>
    client.call("DescribeInstances", { "InstanceId.1": instanceId }, parseDescribeInstances, context),
  );
  const instance = response.reservationSet
    .flatMap((reservation) => reservation.instancesSet)
    .find((candidate) => candidate.instanceId === instanceId);
  const context = { provider: AWS_EC2_PROVIDER, operation: operation.name, requestId };
  if (instance === undefined) {
    const message = `instance ${instanceId} is not listed by DescribeInstances in this region; nothing was allocated`;
    throw new IpAllocatorError({
      ...context,
      code: "INVALID_ARGUMENT",
      message: `Invalid allocate request: instanceId: ${message}.`,
      issues: [{ path: "instanceId", message }],
    });
  }
  const state = instance.instanceState.name;
  if (state !== "running") {
    throw new IpAllocatorError({
      ...context,
      code: "FAILED_PRECONDITION",
      message: `Instance ${instanceId} is ${state}: an Elastic IP is associated with running instances only; nothing was allocated.`,
      providerCode: "IncorrectInstanceState",
      details: { instanceId, instanceState: state },
    });
  }
  return instance;
}
