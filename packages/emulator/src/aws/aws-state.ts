import type { AwsInstanceStateName, AwsRateLimit } from "./aws-seed.js";
import type { AwsStore, AwsTag } from "./aws-store.js";
import type { ResolvedAwsOptions } from "./resolve-aws-options.js";

/** An Elastic IP as inspection sees it (whether DescribeAddresses lists it yet included). */
export interface AwsAddressState {
  allocationId: string;
  publicIp: string;
  accountId: string;
  region: string;
  domain: "vpc";
  networkBorderGroup: string;
  publicIpv4Pool: string;
  tags: AwsTag[];
  associationId: string | null;
  instanceId: string | null;
  networkInterfaceId: string | null;
  privateIpAddress: string | null;
  /** Emulator-clock time of the allocation (ms). */
  allocatedAt: number;
  /** False during the `describeLagMs` window after allocation. */
  listedByDescribe: boolean;
}

/** An instance and the Elastic IP associated with it. */
export interface AwsInstanceState {
  instanceId: string;
  accountId: string;
  region: string;
  availabilityZone: string;
  state: AwsInstanceStateName;
  instanceType: string;
  privateIpAddress: string;
  networkInterfaceId: string;
  publicIp: string | null;
  allocationId: string | null;
  associationId: string | null;
}

/** An account without its secrets: key ids, limit and how many addresses it holds per region. */
export interface AwsAccountState {
  accountId: string;
  accessKeyIds: string[];
  addressLimit: number;
  addressCountByRegion: Record<string, number>;
}

/** Limits and timing the endpoint applies. */
export interface AwsLimitsState {
  describeLagMs: number;
  timestampToleranceSeconds: number;
  rateLimit: AwsRateLimit | false;
}

/** Read-only inspection of the AWS emulator; each property is computed on access and returns copies. */
export interface AwsState {
  readonly regions: string[];
  readonly addresses: AwsAddressState[];
  readonly instances: AwsInstanceState[];
  readonly accounts: AwsAccountState[];
  readonly limits: AwsLimitsState;
}

/** Builds the {@link AwsState} view of a store. */
export function createAwsState(store: AwsStore, settings: ResolvedAwsOptions, now: () => number): AwsState {
  return Object.freeze({
    get regions(): string[] {
      return [...store.regions];
    },
    get addresses(): AwsAddressState[] {
      const time = now();
      return [...store.addresses.values()].map((address) => ({
        allocationId: address.allocationId,
        publicIp: address.publicIp,
        accountId: address.accountId,
        region: address.region,
        domain: address.domain,
        networkBorderGroup: address.networkBorderGroup,
        publicIpv4Pool: address.publicIpv4Pool,
        tags: address.tags.map((tag) => ({ ...tag })),
        associationId: address.association?.associationId ?? null,
        instanceId: address.association?.instanceId ?? null,
        networkInterfaceId: address.association?.networkInterfaceId ?? null,
        privateIpAddress: address.association?.privateIpAddress ?? null,
        allocatedAt: address.allocatedAt,
        listedByDescribe: address.visibleAt <= time,
      }));
    },
    get instances(): AwsInstanceState[] {
      return [...store.instances.values()].map((instance) => {
        const address = store.findAddressOfInstance(instance.instanceId);
        return {
          instanceId: instance.instanceId,
          accountId: instance.accountId,
          region: instance.region,
          availabilityZone: instance.availabilityZone,
          state: instance.state,
          instanceType: instance.instanceType,
          privateIpAddress: instance.privateIpAddress,
          networkInterfaceId: instance.networkInterfaceId,
          publicIp: address?.publicIp ?? null,
          allocationId: address?.allocationId ?? null,
          associationId: address?.association?.associationId ?? null,
        };
      });
    },
    get accounts(): AwsAccountState[] {
      return [...store.accounts.values()].map((account) => ({
        accountId: account.accountId,
        accessKeyIds: [...account.accessKeyIds],
        addressLimit: account.addressLimit,
        addressCountByRegion: Object.fromEntries(
          store.regions.map((region) => [region, store.listAddresses(account.accountId, region).length]),
        ),
      }));
    },
    get limits(): AwsLimitsState {
      const rateLimit =
        settings.rateLimit === false
          ? false
          : { ...settings.rateLimit, actionLimits: { ...settings.rateLimit.actionLimits } };
      return {
        describeLagMs: settings.describeLagMs,
        timestampToleranceSeconds: settings.timestampToleranceSeconds,
        rateLimit,
      };
    },
  });
}
