import { stopIfDryRun, type AwsAction, type AwsActionContext } from "./aws-action-context.js";
import { AwsApiError, invalidParameterValue } from "./aws-api-error.js";
import type { AddressRecord, AwsTag } from "./aws-store.js";
import { readTagSpecifications, type QueryParameters } from "./read-query-parameters.js";

/** The only public IPv4 pool the emulator has: Amazon's. */
const AMAZON_POOL = "amazon";
const MAX_TAGS = 50;

/** Tags of `TagSpecification.N` for `elastic-ip`, validated like EC2 (key 1–128, value ≤ 256, no `aws:`, no duplicates, ≤ 50). */
function readAddressTags(parameters: QueryParameters): AwsTag[] {
  const tags: AwsTag[] = [];
  for (const specification of readTagSpecifications(parameters)) {
    if (specification.resourceType === undefined)
      throw new AwsApiError(
        "MissingParameter",
        "The request must contain the parameter TagSpecification.N.ResourceType",
      );
    if (specification.resourceType !== "elastic-ip") {
      throw new AwsApiError(
        "InvalidParameterValue",
        `'${specification.resourceType}' is not a valid taggable resource type for this operation.`,
      );
    }
    tags.push(...specification.tags);
  }
  const seen = new Set<string>();
  for (const { key, value } of tags) {
    if (key.length < 1 || key.length > 128)
      throw invalidParameterValue("Tag.Key", key, "Tag keys are 1 to 128 characters long.");
    if (value.length > 256)
      throw invalidParameterValue("Tag.Value", value, "Tag values are at most 256 characters long.");
    if (key.toLowerCase().startsWith("aws:"))
      throw new AwsApiError("InvalidParameterValue", "Tag keys starting with 'aws:' are reserved for internal use");
    if (seen.has(key)) throw new AwsApiError("InvalidParameterValue", `Duplicate tag key '${key}' specified.`);
    seen.add(key);
  }
  if (tags.length > MAX_TAGS)
    throw new AwsApiError(
      "InvalidParameterValue",
      `The number of tags (${tags.length}) exceeds the limit of ${MAX_TAGS}.`,
    );
  return tags;
}

function readDomainAndPlacement(
  parameters: QueryParameters,
  context: AwsActionContext,
): { networkBorderGroup: string; publicIpv4Pool: string } {
  const domain = parameters["Domain"];
  if (domain !== undefined && domain !== "vpc") {
    throw invalidParameterValue(
      "Domain",
      domain,
      domain === "standard" ? "EC2-Classic addresses are retired; use vpc." : "Valid value: vpc.",
    );
  }
  for (const unsupported of ["Address", "CustomerOwnedIpv4Pool", "IpamPoolId"]) {
    const value = parameters[unsupported];
    if (value !== undefined)
      throw invalidParameterValue(unsupported, value, "BYOIP, customer-owned and IPAM pools are not emulated.");
  }
  const networkBorderGroup = parameters["NetworkBorderGroup"] ?? context.caller.region;
  if (networkBorderGroup !== context.caller.region) {
    throw invalidParameterValue(
      "NetworkBorderGroup",
      networkBorderGroup,
      `The only network border group of ${context.caller.region} is ${context.caller.region}.`,
    );
  }
  const publicIpv4Pool = parameters["PublicIpv4Pool"] ?? AMAZON_POOL;
  if (publicIpv4Pool !== AMAZON_POOL)
    throw invalidParameterValue("PublicIpv4Pool", publicIpv4Pool, "The only pool is 'amazon'.");
  return { networkBorderGroup, publicIpv4Pool };
}

/**
 * AllocateAddress: a VPC Elastic IP from the seed's CIDR, tagged at creation from `TagSpecification`
 * (there is no client token: idempotency is by tag and read-back). Refused beyond the account's per-region
 * limit with `AddressLimitExceeded`. The new address is missing from DescribeAddresses for `describeLagMs`.
 */
function allocateAddress(parameters: QueryParameters, context: AwsActionContext): Record<string, string> {
  const { store, caller, now } = context;
  const placement = readDomainAndPlacement(parameters, context);
  const tags = readAddressTags(parameters);
  const account = store.accounts.get(caller.accountId);
  if (account !== undefined && store.listAddresses(caller.accountId, caller.region).length >= account.addressLimit) {
    throw new AwsApiError("AddressLimitExceeded");
  }
  stopIfDryRun(context);
  const publicIp = store.pool.allocate();
  if (publicIp === undefined) throw new AwsApiError("InsufficientAddressCapacity");
  const address: AddressRecord = {
    allocationId: store.nextId("eipalloc"),
    publicIp,
    accountId: caller.accountId,
    region: caller.region,
    domain: "vpc",
    ...placement,
    tags,
    association: undefined,
    allocatedAt: now,
    visibleAt: now + context.settings.describeLagMs,
    sequence: store.nextSequence(),
  };
  store.addresses.set(address.allocationId, address);
  store.record(context.action, "allocate", address, {
    tags: tags.map((tag) => ({ ...tag })),
    networkBorderGroup: address.networkBorderGroup,
  });
  return {
    publicIp,
    domain: address.domain,
    allocationId: address.allocationId,
    publicIpv4Pool: address.publicIpv4Pool,
    networkBorderGroup: address.networkBorderGroup,
  };
}

/** The AllocateAddress action and its parameters. */
export const ALLOCATE_ADDRESS: AwsAction = {
  handler: allocateAddress,
  parameters: [
    /^Domain$/,
    /^Address$/,
    /^PublicIpv4Pool$/,
    /^NetworkBorderGroup$/,
    /^CustomerOwnedIpv4Pool$/,
    /^IpamPoolId$/,
    /^TagSpecification\.\d+\.ResourceType$/,
    /^TagSpecification\.\d+\.Tag\.\d+\.(?:Key|Value)$/,
  ],
};
