import {
  requireWellFormedInstanceId,
  stopIfDryRun,
  type AwsAction,
  type AwsActionContext,
} from "./aws-action-context.js";
import type { XmlValue } from "./aws-envelope.js";
import { AwsApiError, invalidParameterValue } from "./aws-api-error.js";
import { AWS_INSTANCE_STATE_CODES } from "./aws-seed.js";
import type { AwsStore, InstanceRecord } from "./aws-store.js";
import {
  matchesFilterValues,
  readFilters,
  readIndexedValues,
  type QueryFilter,
  type QueryParameters,
} from "./read-query-parameters.js";

/** DescribeInstances filters the emulator knows and the field each one reads. */
const INSTANCE_FILTERS: Readonly<Record<string, (instance: InstanceRecord, store: AwsStore) => string | undefined>> = {
  "instance-id": (instance) => instance.instanceId,
  "instance-state-name": (instance) => instance.state,
  "instance-state-code": (instance) => String(AWS_INSTANCE_STATE_CODES[instance.state]),
  "availability-zone": (instance) => instance.availabilityZone,
  "instance-type": (instance) => instance.instanceType,
  "private-ip-address": (instance) => instance.privateIpAddress,
  "ip-address": (instance, store) => store.findAddressOfInstance(instance.instanceId)?.publicIp,
};

function compileFilter(filter: QueryFilter, store: AwsStore): (instance: InstanceRecord) => boolean {
  const read = Object.hasOwn(INSTANCE_FILTERS, filter.name) ? INSTANCE_FILTERS[filter.name] : undefined;
  if (read === undefined) throw new AwsApiError("InvalidParameterValue", `The filter '${filter.name}' is invalid`);
  return (instance) => matchesFilterValues(read(instance, store), filter.values);
}

/** A subnet / VPC id derived from the zone, so every instance of a zone shares one. */
function deriveNetworkIds(instance: InstanceRecord): { subnetId: string; vpcId: string } {
  const zoneHex = Buffer.from(instance.availabilityZone).toString("hex").slice(-17).padStart(17, "0");
  const regionHex = Buffer.from(instance.region).toString("hex").slice(-17).padStart(17, "0");
  return { subnetId: `subnet-${zoneHex}`, vpcId: `vpc-${regionHex}` };
}

/** One `instancesSet` item: the fields adapters read (state, placement, addresses) and a plausible remainder. */
function formatInstance(instance: InstanceRecord, store: AwsStore): Record<string, XmlValue> {
  const address = store.findAddressOfInstance(instance.instanceId);
  const { subnetId, vpcId } = deriveNetworkIds(instance);
  const dnsSuffix = instance.region === "us-east-1" ? "ec2.internal" : `${instance.region}.compute.internal`;
  const association =
    address === undefined ? undefined : { publicIp: address.publicIp, publicDnsName: "", ipOwnerId: address.accountId };
  return {
    instanceId: instance.instanceId,
    imageId: "ami-0abcdef1234567890",
    instanceState: { code: AWS_INSTANCE_STATE_CODES[instance.state], name: instance.state },
    privateDnsName: `ip-${instance.privateIpAddress.replace(/\./g, "-")}.${dnsSuffix}`,
    amiLaunchIndex: 0,
    instanceType: instance.instanceType,
    launchTime: new Date(instance.launchedAt).toISOString(),
    placement: { availabilityZone: instance.availabilityZone, tenancy: "default" },
    monitoring: { state: "disabled" },
    subnetId,
    vpcId,
    privateIpAddress: instance.privateIpAddress,
    ipAddress: address?.publicIp,
    networkInterfaceSet: [
      {
        networkInterfaceId: instance.networkInterfaceId,
        subnetId,
        vpcId,
        status: "in-use",
        privateIpAddress: instance.privateIpAddress,
        association,
      },
    ],
  };
}

/**
 * DescribeInstances: the caller's instances in the request's region, one reservation each. `InstanceId.N`
 * ids must be well formed (`InvalidInstanceID.Malformed`) and exist (`InvalidInstanceID.NotFound`, listing
 * every missing id). `MaxResults` / `NextToken` are accepted; everything comes in one page.
 */
function describeInstances(parameters: QueryParameters, context: AwsActionContext): Record<string, XmlValue> {
  const { store, caller } = context;
  const instanceIds = readIndexedValues(parameters, "InstanceId");
  instanceIds.forEach(requireWellFormedInstanceId);
  const maxResults = parameters["MaxResults"];
  if (
    maxResults !== undefined &&
    !(/^\d+$/.test(maxResults) && Number(maxResults) >= 5 && Number(maxResults) <= 1000)
  ) {
    throw invalidParameterValue("MaxResults", maxResults, "Expected an integer between 5 and 1000.");
  }
  const tests = readFilters(parameters).map((filter) => compileFilter(filter, store));
  const own = [...store.instances.values()].filter(
    (instance) => instance.accountId === caller.accountId && instance.region === caller.region,
  );
  const missing = instanceIds.filter((instanceId) => !own.some((instance) => instance.instanceId === instanceId));
  if (missing.length > 0) {
    throw new AwsApiError(
      "InvalidInstanceID.NotFound",
      missing.length === 1
        ? `The instance ID '${missing[0]}' does not exist`
        : `The instance IDs '${missing.join(", ")}' do not exist`,
    );
  }
  stopIfDryRun(context);
  const selected = own.filter(
    (instance) =>
      (instanceIds.length === 0 || instanceIds.includes(instance.instanceId)) && tests.every((test) => test(instance)),
  );
  return {
    reservationSet: selected.map((instance) => ({
      reservationId: `r-${instance.instanceId.slice(2)}`,
      ownerId: instance.accountId,
      groupSet: [],
      instancesSet: [formatInstance(instance, store)],
    })),
  };
}

/** The DescribeInstances action and its parameters. */
export const DESCRIBE_INSTANCES: AwsAction = {
  handler: describeInstances,
  parameters: [/^InstanceId\.\d+$/, /^Filter\.\d+\.Name$/, /^Filter\.\d+\.Value\.\d+$/, /^MaxResults$/, /^NextToken$/],
};
