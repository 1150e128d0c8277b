import { IpAllocatorError, type Operation } from "@polycloud/core";
import type { AwsEc2Client } from "./aws-ec2-client.js";
import { createNotFoundError, describeAddress } from "./describe-addresses.js";
import { parseReturn, type Ec2Address } from "./parse-aws-ec2-response.js";

/** "Not listed" answers believed for an address this call just allocated (EC2's reads are eventually consistent). */
const JUST_ALLOCATED_READS = 3;

/**
 * Releases one Elastic IP: DescribeAddresses, DisassociateAddress when it is associated (ReleaseAddress refuses
 * an associated address with `InvalidIPAddress.InUse`), then ReleaseAddress. A retried release whose earlier
 * attempt may have gone through converges: `InvalidAllocationID.NotFound` then means released. `InUse` (EC2
 * still settling the disassociation) is retried. An address that is not listed rejects NOT_FOUND, after
 * `JUST_ALLOCATED_READS` reads when `justAllocated` (compensation and surplus: it exists, and bills).
 * @internal
 */
export async function releaseAddress(
  operation: Operation,
  client: AwsEc2Client,
  allocationId: string,
  justAllocated = false,
): Promise<{ requestId: string | undefined }> {
  const address = await describeListed(operation, client, allocationId, justAllocated ? JUST_ALLOCATED_READS : 1);
  if (address === undefined) {
    // DescribeAddresses lags behind AllocateAddress, ReleaseAddress does not: an address just allocated (and
    // billing) is released at once; one that does not exist answers InvalidAllocationID.NotFound.
    try {
      return await sendRelease(operation, client, allocationId);
    } catch (thrown) {
      if (isProviderCode(thrown, "InvalidAllocationID.NotFound"))
        throw createNotFoundError(allocationId, operation.name, operation.requestId);
      throw thrown;
    }
  }
  if (address.associationId !== undefined) await disassociateAddress(operation, client, address.associationId);
  return sendRelease(operation, client, allocationId);
}

/** ReleaseAddress; after an ambiguous attempt, `InvalidAllocationID.NotFound` means the earlier one went through. */
function sendRelease(
  operation: Operation,
  client: AwsEc2Client,
  allocationId: string,
): Promise<{ requestId: string | undefined }> {
  let maybeReleased = false;
  const release = { AllocationId: allocationId };
  return operation.call(
    async (context) => {
      try {
        return { requestId: (await client.call("ReleaseAddress", release, parseReturn, context)).requestId };
      } catch (thrown) {
        if (maybeReleased && isProviderCode(thrown, "InvalidAllocationID.NotFound"))
          return { requestId: (thrown as IpAllocatorError).requestId };
        maybeReleased ||= IpAllocatorError.isInstance(thrown) && thrown.ambiguous;
        throw thrown;
      }
    },
    { shouldRetry: (error) => error.retryable || error.providerCode === "InvalidIPAddress.InUse" },
  );
}

/** DisassociateAddress; an association that is already gone (a retried attempt, or someone else) is done. */
async function disassociateAddress(operation: Operation, client: AwsEc2Client, associationId: string): Promise<void> {
  try {
    await operation.call((context) =>
      client.call("DisassociateAddress", { AssociationId: associationId }, parseReturn, context),
    );
  } catch (thrown) {
    if (!isProviderCode(thrown, "InvalidAssociationID.NotFound")) throw thrown;
  }
}

async function describeListed(
  operation: Operation,
  client: AwsEc2Client,
  allocationId: string,
  reads: number,
): Promise<Ec2Address | undefined> {
  for (let read = 1; ; read += 1) {
    const address = await describeAddress(operation, client, allocationId);
    if (address !== undefined || read >= reads) return address;
    await operation.sleep(250 * 2 ** read);
  }
}

function isProviderCode(thrown: unknown, code: string): boolean {
  return IpAllocatorError.isInstance(thrown) && thrown.providerCode === code;
}
