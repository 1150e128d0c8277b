import { runWithRetry, type RetryOutcome } from "@polycloud/core";
import { toCallContext, type AlibabaEcsOperation } from "./alibaba-ecs-operation.js";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";
import { InstanceAttributeResponseSchema, type InstanceAttributeResponse } from "./parse-alibaba-ecs-response.js";

/**
 * `DescribeInstanceAttribute` with retries (a read is always safe to retry).
 * @throws {IpAllocatorError} NOT_FOUND when the instance does not exist (`InvalidInstanceId.NotFound`).
 * @internal
 */
export function describeInstanceAttribute(operation: AlibabaEcsOperation, instanceId: string): Promise<RetryOutcome<InstanceAttributeResponse>> {
  return runWithRetry((attempt) => operation.client.call("DescribeInstanceAttribute", { InstanceId: instanceId }, InstanceAttributeResponseSchema, toCallContext(operation, attempt)), {
    provider: ALIBABA_ECS_PROVIDER,
    operation: operation.name,
    retry: operation.retry,
    clock: operation.clock,
    random: operation.random,
    signal: operation.signal,
    hooks: operation.hooks,
  });
}
