import type { EipAddress } from "./eip-record.js";
import { describeZoneSaleStatus } from "./describe-eip-addresses.js";
import { formatEipAddress } from "./format-eip-address.js";
import type { ZenlayerZoneSaleStatus } from "./zenlayer-seed.js";
import type { ZenlayerStore } from "./zenlayer-store.js";
import { formatIpv4 } from "./zone-address-pool.js";

/** An EIP as inspection sees it: the Describe fields plus owner, reserved address and Describe visibility. */
export interface ZenlayerEipState extends EipAddress {
  accountId: string;
  /** The reserved block's first address even while CREATING (null after CREATE_FAILED). */
  reservedAddress: string | null;
  /** False during the `describeLagMs` window and until its `describeLagListings` are spent (or expired). */
  listedByDescribe: boolean;
}

/** A zone as inspection sees it. */
export interface ZenlayerZoneState {
  zoneId: string;
  /** What DescribeEipAvailableResources reports now. */
  status: ZenlayerZoneSaleStatus;
  cidr: string;
  freeAddresses: number;
}

/** A bare-metal instance and the EIPs bound to it. */
export interface ZenlayerInstanceState {
  instanceId: string;
  instanceName: string;
  accountId: string;
  zoneId: string;
  status: string;
  esxi: boolean;
  eipLimit: number;
  eipIds: string[];
}

/** An account without its secrets. */
export interface ZenlayerAccountState {
  accountId: string;
  balance: number;
  accessKeyIds: string[];
  resourceGroupIds: string[];
}

/**
 * Read-only inspection of the emulator. Each property is computed on access, after applying the
 * lifecycle transitions due on the emulator clock, and returns copies.
 */
export interface ZenlayerState {
  readonly eips: ZenlayerEipState[];
  readonly zones: ZenlayerZoneState[];
  readonly instances: ZenlayerInstanceState[];
  readonly accounts: ZenlayerAccountState[];
}

/** Builds the {@link ZenlayerState} view of a store. */
export function createZenlayerState(store: ZenlayerStore, now: () => number): ZenlayerState {
  const settled = (): ZenlayerStore => {
    store.settle(now());
    return store;
  };
  return Object.freeze({
    get eips(): ZenlayerEipState[] {
      const current = settled();
      const time = now();
      return [...current.eips.values()].map((eip) => ({
        ...formatEipAddress(eip, current),
        accountId: eip.accountId,
        reservedAddress: eip.address === null ? null : formatIpv4(eip.address),
        listedByDescribe: eip.visibleAt <= time && (eip.hiddenListings === 0 || time >= eip.hiddenListingsUntil),
      }));
    },
    get zones(): ZenlayerZoneState[] {
      return [...settled().zones.values()].map((zoneRecord) => ({
        zoneId: zoneRecord.zone.zoneId,
        status: describeZoneSaleStatus(zoneRecord),
        cidr: zoneRecord.zone.cidr,
        freeAddresses: zoneRecord.pool.freeAddresses,
      }));
    },
    get instances(): ZenlayerInstanceState[] {
      const current = settled();
      return [...current.instances.values()].map((instance) => ({
        ...instance,
        eipIds: [...current.eips.values()]
          .filter((eip) => eip.instanceId === instance.instanceId)
          .map((eip) => eip.eipId),
      }));
    },
    get accounts(): ZenlayerAccountState[] {
      return [...settled().accounts.values()].map(({ account, balance }) => ({
        accountId: account.accountId,
        balance,
        accessKeyIds: account.accessKeys.map((key) => key.accessKeyId),
        resourceGroupIds: account.resourceGroups.map((group) => group.resourceGroupId),
      }));
    },
  });
}
