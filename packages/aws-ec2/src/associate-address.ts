import { IpAllocatorError, type Operation } from "@polycloud/core";
import type { AwsEc2Client } from "./aws-ec2-client.js";
import { describeAddress } from "./describe-addresses.js";
import { parseAssociateAddress } from "./parse-aws-ec2-response.js";

/**
 * Associates the address with the instance (`AllowReassociation=false`: an address another instance holds is
 * never taken from it) and returns the association id. Association bills nothing and converges, so it is retried
 * like a read; `Resource.AlreadyAssociated` is read back, and an address already on this instance (an earlier
 * attempt's doing) is success.
 * @internal
 */
export async function associateAddress(
  operation: Operation,
  client: AwsEc2Client,
  allocationId: string,
  instanceId: string,
): Promise<string> {
  const parameters = { AllocationId: allocationId, InstanceId: instanceId, AllowReassociation: "false" };
  try {
    const { response } = await operation.call((context) =>
      client.call("AssociateAddress", parameters, parseAssociateAddress, context),
    );
    return response.associationId;
  } catch (thrown) {
    if (!IpAllocatorError.isInstance(thrown) || thrown.providerCode !== "Resource.AlreadyAssociated") throw thrown;
    const address = await describeAddress(operation, client, allocationId);
    if (address?.instanceId !== instanceId || address.associationId === undefined) throw thrown;
    return address.associationId;
  }
}
