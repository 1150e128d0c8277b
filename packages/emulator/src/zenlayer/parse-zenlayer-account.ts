import {
  SeedValidationError,
  readArray,
  readEnum,
  readObject,
  readOptionalBoolean,
  readOptionalInteger,
  readOptionalStringArray,
  readString,
  rejectUnknownKeys,
} from "../shared/seed-validation.js";
import {
  ZENLAYER_INSTANCE_STATUSES,
  type ZenlayerAccountSeed,
  type ZenlayerInstanceSeed,
  type ZenlayerInstanceStatus,
  type ZenlayerResourceGroupSeed,
} from "./zenlayer-seed.js";
import { readNumber, requireUnique } from "./zenlayer-seed-readers.js";

/** An account with every default filled in. */
export interface ResolvedZenlayerAccount extends Required<Omit<ZenlayerAccountSeed, "resourceGroups" | "instances">> {
  resourceGroups: Required<ZenlayerResourceGroupSeed>[];
  instances: Required<ZenlayerInstanceSeed>[];
}

/** Ids unique across the whole seed, not only per account: requests find credentials and resources by them. */
export interface GlobalIds {
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
    instanceId: requireUnique(
      ids.instanceIds,
      readString(instance["instanceId"], `${field}.instanceId`),
      `${field}.instanceId`,
    ),
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
    resourceGroupId: requireUnique(
      groupIds,
      readString(group["resourceGroupId"], `${field}.resourceGroupId`),
      `${field}.resourceGroupId`,
    ),
    resourceGroupName: readString(group["resourceGroupName"], `${field}.resourceGroupName`),
    isDefault: readOptionalBoolean(group["isDefault"], `${field}.isDefault`) ?? false,
  };
}

/** Validates one account with its access keys, bearer tokens, resource groups (one default at most) and instances. */
export function parseAccount(value: unknown, field: string, ids: GlobalIds): ResolvedZenlayerAccount {
  const account = readObject(value, field);
  rejectUnknownKeys(
    account,
    ["accountId", "accessKeys", "bearerTokens", "balance", "resourceGroups", "instances"],
    field,
  );
  const accountId = requireUnique(
    ids.accountIds,
    readString(account["accountId"], `${field}.accountId`),
    `${field}.accountId`,
  );
  const accessKeys = readArray(account["accessKeys"], `${field}.accessKeys`).map((item, index) => {
    const keyField = `${field}.accessKeys[${index}]`;
    const key = readObject(item, keyField);
    rejectUnknownKeys(key, ["accessKeyId", "accessKeySecret", "allowedActions"], keyField);
    const allowedActions = readOptionalStringArray(key["allowedActions"], `${keyField}.allowedActions`);
    return {
      accessKeyId: requireUnique(
        ids.accessKeyIds,
        readString(key["accessKeyId"], `${keyField}.accessKeyId`),
        `${keyField}.accessKeyId`,
      ),
      accessKeySecret: readString(key["accessKeySecret"], `${keyField}.accessKeySecret`),
      ...(allowedActions === undefined ? {} : { allowedActions }),
    };
  });
  const bearerTokens = readArray(account["bearerTokens"] ?? [], `${field}.bearerTokens`).map((token, index) =>
    requireUnique(
      ids.bearerTokens,
      readString(token, `${field}.bearerTokens[${index}]`),
      `${field}.bearerTokens[${index}]`,
    ),
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
