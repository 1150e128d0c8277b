import {
  SeedValidationError,
  readArray,
  readEnum,
  readInteger,
  readObject,
  readOptionalBoolean,
  readOptionalInteger,
  readOptionalString,
  readOptionalStringArray,
  readString,
  rejectUnknownKeys,
} from "../shared/seed-validation.js";
import {
  ALIBABA_INSTANCE_STATUSES,
  type AlibabaAccountSeed,
  type AlibabaInstanceSeed,
  type AlibabaSeed,
} from "./alibaba-seed.js";
import { parseIpv4, parseIpv4Cidr } from "../shared/ipv4.js";

const ACCOUNT_KEYS = ["accessKeyId", "accessKeySecret", "securityToken", "securityTokenExpiration", "active"] as const;
const INSTANCE_KEYS = [
  "instanceId",
  "status",
  "internetMaxBandwidthOut",
  "internetMaxBandwidthIn",
  "internetChargeType",
  "instanceChargeType",
  "instanceNetworkType",
  "regionId",
  "zoneId",
  "instanceName",
  "instanceType",
  "privateIpAddress",
  "publicIpAddress",
  "eipAddress",
  "lockReasons",
  "expired",
  "cloudbox",
  "dedicatedRegion",
] as const;

/**
 * Validates an Alibaba seed (from JSON or code) and returns a normalised copy.
 * @throws SeedValidationError naming the first bad field, e.g. `alibaba.instances[2].status`.
 */
export function parseAlibabaSeed(value: unknown, field = "alibaba"): AlibabaSeed {
  const seed = readObject(value, field);
  rejectUnknownKeys(seed, ["regionId", "accounts", "instances", "publicIpCidr", "vlanIds"], field);
  const publicIpCidr = readOptionalString(seed["publicIpCidr"], `${field}.publicIpCidr`);
  if (publicIpCidr !== undefined && parseIpv4Cidr(publicIpCidr) === undefined) {
    throw new SeedValidationError(`${field}.publicIpCidr`, "must be an IPv4 CIDR such as 47.96.0.0/16");
  }
  const accounts = readArray(seed["accounts"], `${field}.accounts`).map((item, index) =>
    parseAccount(item, `${field}.accounts[${index}]`),
  );
  const instances = readArray(seed["instances"], `${field}.instances`).map((item, index) =>
    parseInstance(item, `${field}.instances[${index}]`),
  );
  rejectDuplicates(
    accounts.map((account) => account.accessKeyId),
    `${field}.accounts`,
    "accessKeyId",
  );
  rejectDuplicates(
    instances.map((instance) => instance.instanceId),
    `${field}.instances`,
    "instanceId",
  );
  rejectDuplicates(
    instances
      .flatMap((instance) => [instance.publicIpAddress, instance.eipAddress?.ipAddress])
      .filter((ip) => ip !== undefined),
    `${field}.instances`,
    "public or EIP address",
  );
  const result: AlibabaSeed = { regionId: readString(seed["regionId"], `${field}.regionId`), accounts, instances };
  if (publicIpCidr !== undefined) result.publicIpCidr = publicIpCidr;
  const vlanIds = readOptionalStringArray(seed["vlanIds"], `${field}.vlanIds`);
  if (vlanIds !== undefined) result.vlanIds = vlanIds;
  return result;
}

function parseAccount(value: unknown, field: string): AlibabaAccountSeed {
  const account = readObject(value, field);
  rejectUnknownKeys(account, ACCOUNT_KEYS, field);
  const parsed: AlibabaAccountSeed = {
    accessKeyId: readString(account["accessKeyId"], `${field}.accessKeyId`),
    accessKeySecret: readString(account["accessKeySecret"], `${field}.accessKeySecret`),
  };
  const securityToken = readOptionalString(account["securityToken"], `${field}.securityToken`);
  if (securityToken !== undefined) parsed.securityToken = securityToken;
  const expiration = readOptionalString(account["securityTokenExpiration"], `${field}.securityTokenExpiration`);
  if (expiration !== undefined) {
    if (Number.isNaN(Date.parse(expiration)))
      throw new SeedValidationError(`${field}.securityTokenExpiration`, "must be an ISO-8601 date");
    parsed.securityTokenExpiration = expiration;
  }
  const active = readOptionalBoolean(account["active"], `${field}.active`);
  if (active !== undefined) parsed.active = active;
  return parsed;
}

function parseInstance(value: unknown, field: string): AlibabaInstanceSeed {
  const instance = readObject(value, field);
  rejectUnknownKeys(instance, INSTANCE_KEYS, field);
  const parsed: AlibabaInstanceSeed = {
    instanceId: readString(instance["instanceId"], `${field}.instanceId`),
    status: readEnum(instance["status"], `${field}.status`, ALIBABA_INSTANCE_STATUSES),
    internetMaxBandwidthOut: readInteger(
      instance["internetMaxBandwidthOut"],
      `${field}.internetMaxBandwidthOut`,
      0,
      1000,
    ),
  };
  const bandwidthIn = readOptionalInteger(
    instance["internetMaxBandwidthIn"],
    `${field}.internetMaxBandwidthIn`,
    0,
    10_000,
  );
  if (bandwidthIn !== undefined) parsed.internetMaxBandwidthIn = bandwidthIn;
  if (instance["internetChargeType"] !== undefined) {
    parsed.internetChargeType = readEnum(instance["internetChargeType"], `${field}.internetChargeType`, [
      "PayByTraffic",
      "PayByBandwidth",
    ] as const);
  }
  if (instance["instanceChargeType"] !== undefined) {
    parsed.instanceChargeType = readEnum(instance["instanceChargeType"], `${field}.instanceChargeType`, [
      "PostPaid",
      "PrePaid",
    ] as const);
  }
  if (instance["instanceNetworkType"] !== undefined) {
    parsed.instanceNetworkType = readEnum(instance["instanceNetworkType"], `${field}.instanceNetworkType`, [
      "vpc",
      "classic",
    ] as const);
  }
  for (const key of ["regionId", "zoneId", "instanceName", "instanceType"] as const) {
    const text = readOptionalString(instance[key], `${field}.${key}`);
    if (text !== undefined) parsed[key] = text;
  }
  for (const key of ["privateIpAddress", "publicIpAddress"] as const) {
    const address = readOptionalIpv4(instance[key], `${field}.${key}`);
    if (address !== undefined) parsed[key] = address;
  }
  if (instance["eipAddress"] !== undefined) {
    const eip = readObject(instance["eipAddress"], `${field}.eipAddress`);
    rejectUnknownKeys(eip, ["allocationId", "ipAddress"], `${field}.eipAddress`);
    parsed.eipAddress = {
      allocationId: readString(eip["allocationId"], `${field}.eipAddress.allocationId`),
      ipAddress: readIpv4(eip["ipAddress"], `${field}.eipAddress.ipAddress`),
    };
  }
  const lockReasons = readOptionalStringArray(instance["lockReasons"], `${field}.lockReasons`);
  if (lockReasons !== undefined) parsed.lockReasons = lockReasons;
  for (const key of ["expired", "cloudbox", "dedicatedRegion"] as const) {
    const flag = readOptionalBoolean(instance[key], `${field}.${key}`);
    if (flag !== undefined) parsed[key] = flag;
  }
  return parsed;
}

function readIpv4(value: unknown, field: string): string {
  const text = readString(value, field);
  if (parseIpv4(text) === undefined) throw new SeedValidationError(field, "must be a dotted IPv4 address");
  return text;
}

function readOptionalIpv4(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : readIpv4(value, field);
}

function rejectDuplicates(values: string[], field: string, what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new SeedValidationError(field, `contains the ${what} "${value}" twice`);
    seen.add(value);
  }
}
