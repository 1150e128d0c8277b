import { stopIfDryRun, type AwsAction, type AwsActionContext } from "./aws-action-context.js";
import type { XmlValue } from "./aws-envelope.js";
import { AwsApiError } from "./aws-api-error.js";
import type { AddressRecord } from "./aws-store.js";
import {
  matchesFilterValues,
  readFilters,
  readIndexedValues,
  type QueryFilter,
  type QueryParameters,
} from "./read-query-parameters.js";

/** DescribeAddresses filters (besides `tag:<key>` and `tag-key`) and the field each one reads. */
const ADDRESS_FILTERS: Readonly<Record<string, (address: AddressRecord) => string | undefined>> = {
  "allocation-id": (address) => address.allocationId,
  "association-id": (address) => address.association?.associationId,
  domain: (address) => address.domain,
  "instance-id": (address) => address.association?.instanceId,
  "network-border-group": (address) => address.networkBorderGroup,
  "network-interface-id": (address) => address.association?.networkInterfaceId,
  "network-interface-owner-id": (address) => (address.association === undefined ? undefined : address.accountId),
  "private-ip-address": (address) => address.association?.privateIpAddress,
  "public-ip": (address) => address.publicIp,
};

function compileFilter(filter: QueryFilter): (address: AddressRecord) => boolean {
  if (filter.name.startsWith("tag:")) {
    const key = filter.name.slice(4);
    return (address) => address.tags.some((tag) => tag.key === key && matchesFilterValues(tag.value, filter.values));
  }
  if (filter.name === "tag-key")
    return (address) => address.tags.some((tag) => matchesFilterValues(tag.key, filter.values));
  const read = Object.hasOwn(ADDRESS_FILTERS, filter.name) ? ADDRESS_FILTERS[filter.name] : undefined;
  if (read === undefined) throw new AwsApiError("InvalidParameterValue", `The filter '${filter.name}' is invalid`);
  return (address) => matchesFilterValues(read(address), filter.values);
}

/** One `addressesSet` item: absent fields are left out, as EC2 does. */
function formatAddress(address: AddressRecord): Record<string, XmlValue> {
  const association = address.association;
  return {
    publicIp: address.publicIp,
    allocationId: address.allocationId,
    domain: address.domain,
    instanceId: association?.instanceId,
    associationId: association?.associationId,
    networkInterfaceId: association?.networkInterfaceId,
    networkInterfaceOwnerId: association === undefined ? undefined : address.accountId,
    privateIpAddress: association?.privateIpAddress,
    tagSet: address.tags.length === 0 ? undefined : address.tags.map((tag) => ({ key: tag.key, value: tag.value })),
    publicIpv4Pool: address.publicIpv4Pool,
    networkBorderGroup: address.networkBorderGroup,
  };
}

function requireListed(
  requested: string[],
  listed: ReadonlySet<string>,
  notFound: (missing: string[]) => AwsApiError,
): void {
  const missing = requested.filter((value) => !listed.has(value));
  if (missing.length > 0) throw notFound(missing);
}

/**
 * DescribeAddresses: the caller's addresses in the request's region, in allocation order, all of them (no
 * paging). An address younger than `describeLagMs` is not listed yet; naming it in `AllocationId.N` then
 * answers `InvalidAllocationID.NotFound`, like EC2's eventual consistency. Filters AND together, a filter's
 * values OR together, and values take `*` / `?` wildcards.
 */
function describeAddresses(parameters: QueryParameters, context: AwsActionContext): Record<string, XmlValue> {
  const { store, caller, now } = context;
  const allocationIds = readIndexedValues(parameters, "AllocationId");
  const publicIps = readIndexedValues(parameters, "PublicIp");
  const tests = readFilters(parameters).map(compileFilter);
  const visible = store.listAddresses(caller.accountId, caller.region).filter((address) => address.visibleAt <= now);
  requireListed(
    allocationIds,
    new Set(visible.map((address) => address.allocationId)),
    (missing) =>
      new AwsApiError(
        "InvalidAllocationID.NotFound",
        missing.length === 1
          ? `The allocation ID '${missing[0]}' does not exist`
          : `The allocation IDs '${missing.join(", ")}' do not exist`,
      ),
  );
  requireListed(
    publicIps,
    new Set(visible.map((address) => address.publicIp)),
    (missing) => new AwsApiError("InvalidAddress.NotFound", `Address '${missing[0]}' not found.`),
  );
  stopIfDryRun(context);
  const selected = visible.filter(
    (address) =>
      (allocationIds.length === 0 || allocationIds.includes(address.allocationId)) &&
      (publicIps.length === 0 || publicIps.includes(address.publicIp)) &&
      tests.every((test) => test(address)),
  );
  return { addressesSet: selected.sort((left, right) => left.sequence - right.sequence).map(formatAddress) };
}

/** The DescribeAddresses action and its parameters. */
export const DESCRIBE_ADDRESSES: AwsAction = {
  handler: describeAddresses,
  parameters: [/^AllocationId\.\d+$/, /^PublicIp\.\d+$/, /^Filter\.\d+\.Name$/, /^Filter\.\d+\.Value\.\d+$/],
};
