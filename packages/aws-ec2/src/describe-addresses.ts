import { IpAllocatorError, type Operation } from "@polycloud/core";
import type { AwsEc2Client } from "./aws-ec2-client.js";
import { AWS_EC2_PROVIDER } from "./aws-ec2-settings.js";
import { parseDescribeAddresses, readTag, type Ec2Address } from "./parse-aws-ec2-response.js";
import { CREATED_AT_TAG_KEY, IDEMPOTENCY_TAG_KEY } from "./validate-aws-ec2-request.js";

/** Reads one address; undefined when EC2 does not know it (`InvalidAllocationID.NotFound`: released, or never existed). @internal */
export async function describeAddress(
  operation: Operation,
  client: AwsEc2Client,
  allocationId: string,
): Promise<Ec2Address | undefined> {
  try {
    const { response } = await operation.call((context) =>
      client.call("DescribeAddresses", { "AllocationId.1": allocationId }, parseDescribeAddresses, context),
    );
    return response.addressesSet.find((address) => address.allocationId === allocationId);
  } catch (thrown) {
    if (IpAllocatorError.isInstance(thrown) && thrown.providerCode === "InvalidAllocationID.NotFound") return undefined;
    throw thrown;
  }
}

/**
 * The addresses tagged with `idempotencyKey` (DescribeAddresses filtered by the tag; each record is checked to
 * really carry it), oldest first. DescribeAddresses has no creation time and no documented order, so "oldest" is
 * the `polycloud:created-at` tag (the signing time of the AllocateAddress attempt, ISO 8601 with milliseconds,
 * sortable as text), then the allocation id: every reader computes the same order from the same listing. A stamp
 * is not a commit time, though: an allocation sent earlier may still be in flight. So the order is trusted only
 * once the oldest stamp is `horizonMs` old (the settle period within which EC2 lists what was sent); until then
 * the listing is read again.
 * @internal
 */
export async function findAddressesByKey(
  operation: Operation,
  client: AwsEc2Client,
  idempotencyKey: string,
  horizonMs: number,
): Promise<Ec2Address[]> {
  const filter = { "Filter.1.Name": `tag:${IDEMPOTENCY_TAG_KEY}`, "Filter.1.Value.1": idempotencyKey };
  const order = (address: Ec2Address) => `${readTag(address, CREATED_AT_TAG_KEY) ?? ""} ${address.allocationId}`;
  for (;;) {
    const { response } = await operation.call((context) =>
      client.call("DescribeAddresses", filter, parseDescribeAddresses, context),
    );
    const found = response.addressesSet
      .filter((address) => readTag(address, IDEMPOTENCY_TAG_KEY) === idempotencyKey)
      .sort((left, right) => (order(left) < order(right) ? -1 : order(left) > order(right) ? 1 : 0));
    const stamp = Date.parse(found[0] === undefined ? "" : (readTag(found[0], CREATED_AT_TAG_KEY) ?? ""));
    const wait = Number.isNaN(stamp) ? 0 : stamp + horizonMs - client.now();
    if (wait <= 0) return found;
    await operation.sleep(Math.min(wait, horizonMs));
  }
}

/** NOT_FOUND for an allocation id EC2 does not list. @internal */
export function createNotFoundError(allocationId: string, operation: string, requestId?: string): IpAllocatorError {
  return new IpAllocatorError({
    requestId,
    code: "NOT_FOUND",
    message: `Elastic IP ${allocationId} is not listed by DescribeAddresses: it does not exist in this region or was released.`,
    provider: AWS_EC2_PROVIDER,
    operation,
    providerCode: "InvalidAllocationID.NotFound",
    details: { allocationId },
  });
}
