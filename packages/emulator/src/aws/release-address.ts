import { findOwnAddress, stopIfDryRun, type AwsAction, type AwsActionContext } from "./aws-action-context.js";
import { AwsApiError, invalidParameterValue, missingParameter } from "./aws-api-error.js";
import type { QueryParameters } from "./read-query-parameters.js";

/**
 * ReleaseAddress (VPC): by `AllocationId` only (`PublicIp` alone is refused as for VPC addresses); unknown or
 * already released → `InvalidAllocationID.NotFound`; associated → `InvalidIPAddress.InUse`. The IP goes back
 * to the pool.
 */
function releaseAddress(parameters: QueryParameters, context: AwsActionContext): Record<string, boolean> {
  const allocationId = parameters["AllocationId"];
  if (allocationId === undefined) {
    if (parameters["PublicIp"] !== undefined)
      throw new AwsApiError(
        "InvalidParameterValue",
        "You must specify an allocation id when releasing a VPC elastic IP address",
      );
    throw missingParameter("AllocationId");
  }
  const address = findOwnAddress(context, allocationId);
  const networkBorderGroup = parameters["NetworkBorderGroup"];
  if (networkBorderGroup !== undefined && networkBorderGroup !== address.networkBorderGroup) {
    throw invalidParameterValue(
      "NetworkBorderGroup",
      networkBorderGroup,
      `The address belongs to ${address.networkBorderGroup}.`,
    );
  }
  if (address.association !== undefined)
    throw new AwsApiError("InvalidIPAddress.InUse", `Address ${address.publicIp} is in use.`);
  stopIfDryRun(context);
  context.store.addresses.delete(allocationId);
  context.store.pool.release(address.publicIp);
  context.store.record(context.action, "release", address, { tags: address.tags.map((tag) => ({ ...tag })) });
  return { return: true };
}

/** The ReleaseAddress action and its parameters. */
export const RELEASE_ADDRESS: AwsAction = {
  handler: releaseAddress,
  parameters: [/^AllocationId$/, /^PublicIp$/, /^NetworkBorderGroup$/],
};
