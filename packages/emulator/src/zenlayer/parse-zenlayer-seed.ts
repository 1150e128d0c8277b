import {
  SeedValidationError,
  readArray,
  readEnum,
  readInteger,
  readObject,
  readOptionalBoolean,
  readOptionalInteger,
  readOptionalStringArray,
  readString,
  rejectUnknownKeys,
} from "../shared/seed-validation.js";
import { MIN_POOL_PREFIX_LENGTH, parseIpv4Cidr } from "./zone-address-pool.js";
import {
  ZENLAYER_INSTANCE_STATUSES,
  type ZenlayerAccountSeed,
  type ZenlayerInstanceSeed,
  type ZenlayerInstanceStatus,
  type ZenlayerResourceGroupSeed,
  type ZenlayerSeed,
  type ZenlayerZoneSaleStatus,
  type ZenlayerZoneSeed,
} from "./zenlayer-seed.js";

/** A zone with every default filled in. */
export type ResolvedZenlayerZone = Required<ZenlayerZoneSeed>;
/** An account with every default filled in. */
export interface ResolvedZenlayerAccount extends Required<Omit<ZenlayerAccountSeed, "resourceGroups" | "instances">> {
  resourceGroups: Required<ZenlayerResourceGroupSeed>[];
  instances: Required<ZenlayerInstanceSeed>[];
}
/** A validated seed with every default filled in (the lag fields stay absent when the seed leaves them out). */
export interface ResolvedZenlayerSeed extends ZenlayerSeed {
  zones: ResolvedZenlayerZone[];
  accounts: ResolvedZenlayerAccount[];
}

const SALE_STATUSES: readonly ZenlayerZoneSaleStatus[] = ["SELL", "SELL_SHORTAGE", "SOLD_OUT"];

function readNumber(value: unknown, field: string, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < minimum) {
    throw new SeedValidationError(field, minimum === Number.NEGATIVE_INFINITY ? "must be a finite number" : `must be a number >= ${minimum}`);
  }
  return value;
}

function requireUnique(seen: Set<string>, value: string, field: string): string {
  if (seen.has(value)) throw new SeedValidationError(field, `duplicates "${value}"`);
  seen.add(value);
  return value;
}

function parseZone(value: unknown, field: string, zoneIds: Set<string>): ResolvedZenlayerZone {
  const zone = readObject(value, field);
  rejectUnknownKeys(zone, ["zoneId", "status", "cidr", "netmasks", "prepaidMonthlyPrice"], field);
  const zoneId = requireUnique(zoneIds, readString(zone["zoneId"], `${field}.zoneId`), `${field}.zoneId`);
  const cidr = readString(zone["cidr"], `${field}.cidr`);
  const network = parseIpv4Cidr(cidr);
  if (network === undefined || network.prefixLength < MIN_POOL_PREFIX_LENGTH || network.prefixLength > 30) {
    throw new SeedValidationError(`${field}.cidr`, `must be an IPv4 network a.b.c.d/n with n between ${MIN_POOL_PREFIX_LENGTH} and 30`);
  }
  const netmasks = zone["netmasks"] === undefined ? [32] : readArray(zone["netmasks"], `${field}.netmasks`);
  if (netmasks.length === 0) throw new SeedValidationError(`${field}.netmasks`, "must not be empty");
  return {
    zoneId,
    status: readEnum(zone["status"], `${field}.status`, SALE_STATUSES),
    cidr,
    netmasks: netmasks.map((netmask, index) => readInteger(netmask, `${field}.netmasks[${index}]`, network.prefixLength + 1, 32)),
    prepaidMonthlyPrice: readNumber(zone["prepaidMonthlyPrice"], `${field}.prepaidMonthlyPrice`, 4, 0),
  };
}

interface GlobalIds {
  zoneIds: Set<string>;
  accountIds: Set<string>;
  accessKeyIds: Set<string>;
  bearerTokens: Set<string>;
  instanceIds: Set<string>;
}

function parseInstance(value: unknown, field: string, ids: GlobalIds): Required<ZenlayerInstanceSeed> {
  const instance = readObject(value, field);
  rejectUnknownKeys(instance, ["instanceId", "instanceName", "zoneId", "status", "esxi", "eipLimit"], field);
  const zoneId = readString(instance["zoneId"], `${field}.zoneId`);
  if (!ids.zoneIds.has(zoneId)) throw new SeedValidationError(`${field}.zoneId`, `names the unknown zone "${zoneId}"`);
  return {
    instanceId: requireUnique(ids.instanceIds, readString(instance["instanceId"], `${field}.instanceId`), `${field}.instanceId`),
    instanceName: readString(instance["instanceName"], `${field}.instanceName`),
    zoneId,
    status: readEnum<ZenlayerInstanceStatus>(instance["status"], `${field}.status`, ZENLAYER_INSTANCE_STATUSES),
    esxi: readOptionalBoolean(instance["esxi"], `${field}.esxi`) ?? false,
    eipLimit: readOptionalInteger(instance["eipLimit"], `${field}.eipLimit`, 1, 1000) ?? 10,
  };
}

function parseResourceGroup(value: unknown, field: string, groupIds: Set<string>): Required<ZenlayerResourceGroupSeed> {
  const group = readObject(value, field);
  rejectUnknownKeys(group, ["resourceGroupId", "resourceGroupName", "isDefault"], field);
  return {
    resourceGroupId: requireUnique(groupIds, readString(group["resourceGroupId"], `${field}.resourceGroupId`), `${field}.resourceGroupId`),
    resourceGroupName: readString(group["resourceGroupName"], `${field}.resourceGroupName`),
    isDefault: readOptionalBoolean(group["isDefault"], `${field}.isDefault`) ?? false,
  };
}

function parseAccount(value: unknown, field: string, ids: GlobalIds): ResolvedZenlayerAccount {
  const account = readObject(value, field);
  rejectUnknownKeys(account, ["accountId", "accessKeys", "bearerTokens", "balance", "resourceGroups", "instances"], field);
  const accountId = requireUnique(ids.accountIds, readString(account["accountId"], `${field}.accountId`), `${field}.accountId`);
  const accessKeys = readArray(account["accessKeys"], `${field}.accessKeys`).map((item, index) => {
    const keyField = `${field}.accessKeys[${index}]`;
    const key = readObject(item, keyField);
    rejectUnknownKeys(key, ["accessKeyId", "accessKeySecret", "allowedActions"], keyField);
    const allowedActions = readOptionalStringArray(key["allowedActions"], `${keyField}.allowedActions`);
    return {
      accessKeyId: requireUnique(ids.accessKeyIds, readString(key["accessKeyId"], `${keyField}.accessKeyId`), `${keyField}.accessKeyId`),
      accessKeySecret: readString(key["accessKeySecret"], `${keyField}.accessKeySecret`),
      ...(allowedActions === undefined ? {} : { allowedActions }),
    };
  });
  const bearerTokens = readArray(account["bearerTokens"] ?? [], `${field}.bearerTokens`).map((token, index) =>
    requireUnique(ids.bearerTokens, readString(token, `${field}.bearerTokens[${index}]`), `${field}.bearerTokens[${index}]`),
  );
  const groupIds = new Set<string>();
  const resourceGroups = readArray(account["resourceGroups"], `${field}.resourceGroups`).map((item, index) =>
    parseResourceGroup(item, `${field}.resourceGroups[${index}]`, groupIds),
  );
  if (resourceGroups.filter((group) => group.isDefault).length > 1) {
    throw new SeedValidationError(`${field}.resourceGroups`, "may mark at most one group isDefault");
  }
  const instances = readArray(account["instances"] ?? [], `${field}.instances`).map((item, index) =>
    parseInstance(item, `${field}.instances[${index}]`, ids),
  );
  const balance = readNumber(account["balance"], `${field}.balance`, 10_000, Number.NEGATIVE_INFINITY);
  return { accountId, accessKeys, bearerTokens, balance, resourceGroups, instances };
}

/**
 * Validates a Zenlayer seed (for example the `zenlayer` part of a `--seed-file`) and returns a copy with
 * every default filled in. Throws a SeedValidationError naming the first bad field, e.g.
 * `zenlayer.zones[1].cidr`; `field` is the path prefix used in those names.
 */
export function parseZenlayerSeed(value: unknown, field = "zenlayer"): ResolvedZenlayerSeed {
  const seed = readObject(value, field);
  rejectUnknownKeys(seed, ["zones", "accounts", "describeLagListings", "describeLagMs"], field);
  const ids: GlobalIds = {
    zoneIds: new Set(),
    accountIds: new Set(),
    accessKeyIds: new Set(),
    bearerTokens: new Set(),
    instanceIds: new Set(),
  };
  const zones = readArray(seed["zones"], `${field}.zones`).map((zone, index) => parseZone(zone, `${field}.zones[${index}]`, ids.zoneIds));
  const accounts = readArray(seed["accounts"], `${field}.accounts`).map((account, index) =>
    parseAccount(account, `${field}.accounts[${index}]`, ids),
  );
  if (accounts.length === 0) throw new SeedValidationError(`${field}.accounts`, "must list at least one account");
  const describeLagListings = readOptionalInteger(seed["describeLagListings"], `${field}.describeLagListings`, 0, 100);
  const describeLagMs = readOptionalInteger(seed["describeLagMs"], `${field}.describeLagMs`, 0, 3_600_000);
  return {
    zones,
    accounts,
    ...(describeLagListings === undefined ? {} : { describeLagListings }),
    ...(describeLagMs === undefined ? {} : { describeLagMs }),
  };
}
