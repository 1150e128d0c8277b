/** Sale status of EIPs in a zone, as DescribeEipAvailableResources reports it. */
export type ZenlayerZoneSaleStatus = "SELL" | "SELL_SHORTAGE" | "SOLD_OUT";

/** Statuses a bare-metal instance can be seeded with. */
export const ZENLAYER_INSTANCE_STATUSES = [
  "CREATING",
  "INSTALLING",
  "RUNNING",
  "STOPPED",
  "REBOOTING",
  "RECYCLING",
  "RECYCLE",
  "RELEASING",
] as const;

/** A bare-metal instance status. */
export type ZenlayerInstanceStatus = (typeof ZENLAYER_INSTANCE_STATUSES)[number];

/** A zone and the address pool its EIPs come from. */
export interface ZenlayerZoneSeed {
  zoneId: string;
  /** Seeded sale status; a SELL zone reports SELL_SHORTAGE below 10 free addresses and SOLD_OUT at 0. */
  status: ZenlayerZoneSaleStatus;
  /** IPv4 pool, e.g. `198.18.0.0/20`; EIPs take aligned blocks from it. */
  cidr: string;
  /** Netmasks offered; the first is the default (default `[32]`). */
  netmasks?: number[];
  /** Price of one EIP-month, deducted from the balance for PREPAID (default 4). */
  prepaidMonthlyPrice?: number;
}

/** An access key pair of an account. */
export interface ZenlayerAccessKeySeed {
  accessKeyId: string;
  accessKeySecret: string;
  /**
   * Actions this key may call, e.g. `["DescribeEipAddresses"]` for a read-only key; any other action answers
   * 403 AUTHFAILURE_UNAUTHORIZED_OPERATION. Absent: every action.
   */
  allowedActions?: string[];
}

/** A resource group of an account. */
export interface ZenlayerResourceGroupSeed {
  resourceGroupId: string;
  resourceGroupName: string;
  /** Allocate puts EIPs here when no resourceGroupId is given (at most one per account). */
  isDefault?: boolean;
}

/** A bare-metal instance EIPs can be associated with. */
export interface ZenlayerInstanceSeed {
  instanceId: string;
  instanceName: string;
  zoneId: string;
  status: ZenlayerInstanceStatus;
  /** Instances running ESXi refuse EIPs (default false). */
  esxi?: boolean;
  /** Most EIPs associated (or associating) at once (default 10). */
  eipLimit?: number;
}

/** One Zenlayer team: its credentials, balance, resource groups and instances. */
export interface ZenlayerAccountSeed {
  accountId: string;
  accessKeys: ZenlayerAccessKeySeed[];
  /** Personal access tokens accepted as `Authorization: Bearer <token>` (default none). */
  bearerTokens?: string[];
  /** Balance in USD (default 10000). */
  balance?: number;
  resourceGroups: ZenlayerResourceGroupSeed[];
  instances?: ZenlayerInstanceSeed[];
}

/** The initial world of the Zenlayer emulator. */
export interface ZenlayerSeed {
  zones: ZenlayerZoneSeed[];
  accounts: ZenlayerAccountSeed[];
  /**
   * A new EIP (and its tags) is left out of the first this-many DescribeEipAddresses answers that would list it,
   * like the cloud's listing lag (Terraform tolerates 3 "not found" polls), for at most
   * `ZenlayerEmulatorOptions.describeLagListingsMaxMs` (500 ms). Default 0; the default seed uses 2.
   * `ZenlayerEmulatorOptions.describeLagListings` overrides it; 0 turns the lag off.
   */
  describeLagListings?: number;
  /** A new EIP is not listed for this long, in ms (default 0); `ZenlayerEmulatorOptions.describeLagMs` overrides it. */
  describeLagMs?: number;
}

/** Listings a new EIP of {@link DEFAULT_ZENLAYER_SEED} is left out of: fewer than the 3 misses clients tolerate. */
export const DEFAULT_ZENLAYER_DESCRIBE_LAG_LISTINGS = 2;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The seed tests and the demo rely on: one account (`polycloud-test-key-id` / `polycloud-test-key-secret`,
 * Bearer `polycloud-test-token`), zones SEL-A and HKG-A selling and FRA-A sold out, resource groups
 * `rg-default` (default) and `rg-polycloud`, bare-metal instances to associate with, and a listing lag:
 * a new EIP is missing from its first {@link DEFAULT_ZENLAYER_DESCRIBE_LAG_LISTINGS} Describe answers.
 */
export const DEFAULT_ZENLAYER_SEED: ZenlayerSeed = deepFreeze({
  describeLagListings: DEFAULT_ZENLAYER_DESCRIBE_LAG_LISTINGS,
  zones: [
    { zoneId: "SEL-A", status: "SELL", cidr: "198.18.0.0/20", netmasks: [32, 30, 29], prepaidMonthlyPrice: 4 },
    { zoneId: "HKG-A", status: "SELL", cidr: "198.18.16.0/20", netmasks: [32], prepaidMonthlyPrice: 5 },
    { zoneId: "FRA-A", status: "SOLD_OUT", cidr: "198.18.32.0/20", netmasks: [32], prepaidMonthlyPrice: 4 },
  ],
  accounts: [
    {
      accountId: "polycloud-test-account",
      accessKeys: [{ accessKeyId: "polycloud-test-key-id", accessKeySecret: "polycloud-test-key-secret" }],
      bearerTokens: ["polycloud-test-token"],
      balance: 10_000,
      resourceGroups: [
        { resourceGroupId: "rg-default", resourceGroupName: "Default Resource Group", isDefault: true },
        { resourceGroupId: "rg-polycloud", resourceGroupName: "polycloud" },
      ],
      instances: [
        { instanceId: "bmc-sel-0001", instanceName: "polycloud-sel-1", zoneId: "SEL-A", status: "RUNNING" },
        { instanceId: "bmc-sel-0002", instanceName: "polycloud-sel-2", zoneId: "SEL-A", status: "RUNNING" },
        {
          instanceId: "bmc-sel-0098",
          instanceName: "polycloud-sel-esxi",
          zoneId: "SEL-A",
          status: "RUNNING",
          esxi: true,
        },
        { instanceId: "bmc-sel-0099", instanceName: "polycloud-sel-stopped", zoneId: "SEL-A", status: "STOPPED" },
        { instanceId: "bmc-hkg-0001", instanceName: "polycloud-hkg-1", zoneId: "HKG-A", status: "RUNNING" },
        { instanceId: "bmc-hkg-0002", instanceName: "polycloud-hkg-2", zoneId: "HKG-A", status: "RUNNING" },
        { instanceId: "bmc-fra-0001", instanceName: "polycloud-fra-1", zoneId: "FRA-A", status: "RUNNING" },
      ],
    },
  ],
} satisfies ZenlayerSeed);
