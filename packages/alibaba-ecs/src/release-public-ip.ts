import { IpAllocatorError, toIpAllocatorError, type Operation } from "@polycloud/core";
import type { AlibabaEcsClient } from "./alibaba-ecs-client.js";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";
import { describeInstanceAttribute } from "./describe-instance-attribute.js";
import { RequestIdResponseSchema, readPublicIpAddress } from "./parse-alibaba-ecs-response.js";

/** Alibaba deprecated ReleasePublicIpAddress without naming a replacement; every release result says so. @public */
export const RELEASE_DEPRECATION_WARNING =
  "ReleasePublicIpAddress is deprecated by Alibaba Cloud with no replacement and may stop working; alternatives (unverified): set InternetMaxBandwidthOut to 0 with ModifyInstanceNetworkSpec, or convert the IP to an EIP and release that.";

/** What a release did: the answering request, and whether there was an address to release. @internal */
export interface ReleasedPublicIp {
  requestId: string;
  /** False when the instance had no public IP (released before, or never allocated) and `whenAbsent` is "no-op". */
  released: boolean;
}

/**
 * Releases the instance's current public IP with `ReleasePublicIpAddress`. Ambiguous failures are read back
 * (released when the address is gone from the instance). An instance without one is NOT_FOUND, as a second
 * release is on every provider (ECS itself answers `InvalidIpAddress.NotFound` for an IP the instance does not
 * hold); `whenAbsent: "no-op"` makes it a no-op instead, for compensation after a failed allocate.
 * @internal
 */
export async function releasePublicIp(
  operation: Operation,
  client: AlibabaEcsClient,
  instanceId: string,
  whenAbsent: "not-found" | "no-op" = "not-found",
): Promise<ReleasedPublicIp> {
  const before = await describeInstanceAttribute(operation, client, instanceId);
  const address = readPublicIpAddress(before);
  if (address === undefined && whenAbsent === "no-op") return { requestId: before.RequestId, released: false };
  if (address === undefined) throw createNothingToReleaseError(operation, instanceId, before.RequestId);
  for (let round = 1; ; round += 1) {
    try {
      const params = { InstanceId: instanceId, PublicIpAddress: address };
      const answer = await operation.call(
        (context) => client.call("ReleasePublicIpAddress", params, RequestIdResponseSchema, context),
        { shouldRetry: (error) => error.retryable && !error.ambiguous },
      );
      return { requestId: answer.RequestId, released: true };
    } catch (thrown) {
      const error = toIpAllocatorError(thrown, { provider: ALIBABA_ECS_PROVIDER, operation: operation.name });
      if (!error.ambiguous || operation.signal.aborted) throw error;
      const after = await describeInstanceAttribute(operation, client, instanceId).catch((readError: unknown) => {
        throw createOutcomeUnknownError(
          instanceId,
          error,
          toIpAllocatorError(readError, { provider: ALIBABA_ECS_PROVIDER, operation: operation.name }),
        );
      });
      if (readPublicIpAddress(after) !== address) return { requestId: after.RequestId, released: true };
      if (round >= operation.retry.maxAttempts || !error.retryable || !operation.spendRetry(error, round))
        throw new IpAllocatorError({
          ...error.toOptions(),
          ambiguous: false,
          details: { ...error.details, reconciliation: `${instanceId} read back unchanged` },
        });
    }
  }
}

function createNothingToReleaseError(operation: Operation, instanceId: string, requestId: string): IpAllocatorError {
  return new IpAllocatorError({
    code: "NOT_FOUND",
    message: `${instanceId} has no public IP to release: it was released already, or never allocated.`,
    provider: ALIBABA_ECS_PROVIDER,
    operation: operation.name,
    requestId,
    details: {
      action: "DescribeInstanceAttribute",
      resourceId: instanceId,
      hint: "Nothing to do: describe shows the instance without a public IP (state released).",
    },
  });
}

function createOutcomeUnknownError(
  instanceId: string,
  error: IpAllocatorError,
  readError: IpAllocatorError,
): IpAllocatorError {
  return new IpAllocatorError({
    code: "OUTCOME_UNKNOWN",
    message: `ReleasePublicIpAddress on ${instanceId} may or may not have taken effect (${error.code}: ${error.message}); reading it back failed (${readError.code}). Describe ${instanceId} before trying again.`,
    provider: ALIBABA_ECS_PROVIDER,
    operation: "release",
    providerCode: error.providerCode,
    httpStatus: error.httpStatus,
    requestId: error.requestId,
    ambiguous: true,
    details: { action: "ReleasePublicIpAddress", resourceId: instanceId, readBackError: readError.toJSON() },
    cause: error,
  });
}
