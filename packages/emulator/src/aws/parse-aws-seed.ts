import { parseIpv4, parseIpv4Cidr } from "../shared/ipv4.js";
import {
  SeedValidationError,
  readArray,
  readEnum,
  readObject,
  readOptionalInteger,
  readOptionalString,
  readOptionalStringArray,
  readString,
  rejectUnknownKeys,
} from "../shared/seed-validation.js";
import {
  AWS_INSTANCE_STATES,
  type AwsAccountSeed,
  type AwsCredentialSeed,
  type AwsInstanceSeed,
  type AwsSeed,
} from "./aws-seed.js";

/** `i-` + 8 or 17 lower-case hex digits: the two instance id lengths EC2 has issued. */
export const AWS_INSTANCE_ID_PATTERN = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/**
 * Validates an AWS seed (from JSON or code) and returns a normalised copy.
 * @throws SeedValidationError naming the first bad field, e.g. `aws.accounts[0].instances[1].state`.
 */
export function parseAwsSeed(value: unknown, field = "aws"): AwsSeed {
  const seed = readObject(value, field);
  rejectUnknownKeys(seed, ["regions", "accounts", "publicIpCidr", "describeLagMs"], field);
  const regions = readArray(seed["regions"], `${field}.regions`).map((region, index) => {
    const name = readString(region, `${field}.regions[${index}]`);
    if (!REGION_PATTERN.test(name))
      throw new SeedValidationError(`${field}.regions[${index}]`, "must be a region name such as us-east-1");
    return name;
  });
  if (regions.length === 0) throw new SeedValidationError(`${field}.regions`, "must name at least one region");
  rejectDuplicates(regions, `${field}.regions`, "region");
  const accounts = readArray(seed["accounts"], `${field}.accounts`).map((account, index) =>
    parseAccount(account, `${field}.accounts[${index}]`, regions),
  );
  rejectDuplicates(
    accounts.map((account) => account.accountId),
    `${field}.accounts`,
    "accountId",
  );
  rejectDuplicates(
    accounts.flatMap((account) => account.credentials.map((key) => key.accessKeyId)),
    `${field}.accounts`,
    "accessKeyId",
  );
  rejectDuplicates(
    accounts.flatMap((account) => (account.instances ?? []).map((instance) => instance.instanceId)),
    `${field}.accounts`,
    "instanceId",
  );
  const result: AwsSeed = { regions, accounts };
  const publicIpCidr = readOptionalString(seed["publicIpCidr"], `${field}.publicIpCidr`);
  if (publicIpCidr !== undefined) {
    if (parseIpv4Cidr(publicIpCidr) === undefined)
      throw new SeedValidationError(`${field}.publicIpCidr`, "must be an IPv4 CIDR such as 198.51.100.0/24");
    result.publicIpCidr = publicIpCidr;
  }
  const describeLagMs = readOptionalInteger(seed["describeLagMs"], `${field}.describeLagMs`, 0, 3_600_000);
  if (describeLagMs !== undefined) result.describeLagMs = describeLagMs;
  return result;
}

function parseAccount(value: unknown, field: string, regions: readonly string[]): AwsAccountSeed {
  const account = readObject(value, field);
  rejectUnknownKeys(account, ["accountId", "credentials", "addressLimit", "instances"], field);
  const accountId = readString(account["accountId"], `${field}.accountId`);
  if (!/^\d{12}$/.test(accountId)) throw new SeedValidationError(`${field}.accountId`, "must be twelve digits");
  const credentials = readArray(account["credentials"], `${field}.credentials`).map((key, index) =>
    parseCredential(key, `${field}.credentials[${index}]`),
  );
  const parsed: AwsAccountSeed = { accountId, credentials };
  const addressLimit = readOptionalInteger(account["addressLimit"], `${field}.addressLimit`, 0, 10_000);
  if (addressLimit !== undefined) parsed.addressLimit = addressLimit;
  if (account["instances"] !== undefined) {
    parsed.instances = readArray(account["instances"], `${field}.instances`).map((instance, index) =>
      parseInstance(instance, `${field}.instances[${index}]`, regions),
    );
  }
  return parsed;
}

function parseCredential(value: unknown, field: string): AwsCredentialSeed {
  const key = readObject(value, field);
  rejectUnknownKeys(
    key,
    ["accessKeyId", "secretAccessKey", "sessionToken", "sessionTokenExpiration", "deniedActions"],
    field,
  );
  const parsed: AwsCredentialSeed = {
    accessKeyId: readString(key["accessKeyId"], `${field}.accessKeyId`),
    secretAccessKey: readString(key["secretAccessKey"], `${field}.secretAccessKey`),
  };
  if (/[\s/]/.test(parsed.accessKeyId))
    throw new SeedValidationError(`${field}.accessKeyId`, "must not contain spaces or '/'");
  const sessionToken = readOptionalString(key["sessionToken"], `${field}.sessionToken`);
  if (sessionToken !== undefined) parsed.sessionToken = sessionToken;
  const expiration = readOptionalString(key["sessionTokenExpiration"], `${field}.sessionTokenExpiration`);
  if (expiration !== undefined) {
    if (sessionToken === undefined)
      throw new SeedValidationError(`${field}.sessionTokenExpiration`, "needs a sessionToken");
    if (Number.isNaN(Date.parse(expiration)))
      throw new SeedValidationError(`${field}.sessionTokenExpiration`, "must be an ISO-8601 date");
    parsed.sessionTokenExpiration = expiration;
  }
  const deniedActions = readOptionalStringArray(key["deniedActions"], `${field}.deniedActions`);
  if (deniedActions !== undefined) parsed.deniedActions = deniedActions;
  return parsed;
}

function parseInstance(value: unknown, field: string, regions: readonly string[]): AwsInstanceSeed {
  const instance = readObject(value, field);
  rejectUnknownKeys(instance, ["instanceId", "state", "availabilityZone", "privateIpAddress", "instanceType"], field);
  const instanceId = readString(instance["instanceId"], `${field}.instanceId`);
  if (!AWS_INSTANCE_ID_PATTERN.test(instanceId))
    throw new SeedValidationError(`${field}.instanceId`, "must be i- followed by 8 or 17 lower-case hex digits");
  const parsed: AwsInstanceSeed = {
    instanceId,
    state: readEnum(instance["state"], `${field}.state`, AWS_INSTANCE_STATES),
  };
  const availabilityZone = readOptionalString(instance["availabilityZone"], `${field}.availabilityZone`);
  if (availabilityZone !== undefined) {
    if (!regions.includes(regionOfZone(availabilityZone))) {
      throw new SeedValidationError(
        `${field}.availabilityZone`,
        `must be a zone of a seeded region (${regions.join(", ")}), e.g. ${regions[0]}a`,
      );
    }
    parsed.availabilityZone = availabilityZone;
  }
  const privateIpAddress = readOptionalString(instance["privateIpAddress"], `${field}.privateIpAddress`);
  if (privateIpAddress !== undefined) {
    if (parseIpv4(privateIpAddress) === undefined)
      throw new SeedValidationError(`${field}.privateIpAddress`, "must be a dotted IPv4 address");
    parsed.privateIpAddress = privateIpAddress;
  }
  const instanceType = readOptionalString(instance["instanceType"], `${field}.instanceType`);
  if (instanceType !== undefined) parsed.instanceType = instanceType;
  return parsed;
}

/** The region of an availability zone name (`us-east-1a` → `us-east-1`). */
export function regionOfZone(availabilityZone: string): string {
  return availabilityZone.replace(/[a-z]$/, "");
}

function rejectDuplicates(values: string[], field: string, what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new SeedValidationError(field, `contains the ${what} "${value}" twice`);
    seen.add(value);
  }
}
