import type { Operation } from "@polycloud/core";
import type { AlibabaEcsClient } from "./alibaba-ecs-client.js";
import { InstanceAttributeResponseSchema, type InstanceAttributeResponse } from "./parse-alibaba-ecs-response.js";

/**
 * `DescribeInstanceAttribute` under the operation's retry policy (a read is always safe to retry).
 * @throws {IpAllocatorError} NOT_FOUND when the instance does not exist (`InvalidInstanceId.NotFound`).
 * @internal
 */
export function describeInstanceAttribute(
  operation: Operation,
  client: AlibabaEcsClient,
  instanceId: string,
): Promise<InstanceAttributeResponse> {
  return operation.call((context) =>
    client.call("DescribeInstanceAttribute", { InstanceId: instanceId }, InstanceAttributeResponseSchema, context),
  );
}
