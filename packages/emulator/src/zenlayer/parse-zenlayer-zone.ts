import {
  SeedValidationError,
  readArray,
  readEnum,
  readInteger,
  readObject,
  readString,
  rejectUnknownKeys,
} from "../shared/seed-validation.js";
import { MIN_POOL_PREFIX_LENGTH, parseIpv4Cidr } from "./zone-address-pool.js";
import type { ZenlayerZoneSaleStatus, ZenlayerZoneSeed } from "./zenlayer-seed.js";
import { readNumber, requireUnique } from "./zenlayer-seed-readers.js";

/** A zone with every default filled in. */
export type ResolvedZenlayerZone = Required<ZenlayerZoneSeed>;

const SALE_STATUSES: readonly ZenlayerZoneSaleStatus[] = ["SELL", "SELL_SHORTAGE", "SOLD_OUT"];

/** Validates one zone of the seed; its netmasks default to [32], each longer than the prefix of its CIDR. */
export function parseZone(value: unknown, field: string, zoneIds: Set<string>): ResolvedZenlayerZone {
  const zone = readObject(value, field);
  rejectUnknownKeys(zone, ["zoneId", "status", "cidr", "netmasks", "prepaidMonthlyPrice"], field);
  const zoneId = requireUnique(zoneIds, readString(zone["zoneId"], `${field}.zoneId`), `${field}.zoneId`);
  const cidr = readString(zone["cidr"], `${field}.cidr`);
  const network = parseIpv4Cidr(cidr);
  if (network === undefined || network.prefixLength < MIN_POOL_PREFIX_LENGTH || network.prefixLength > 30) {
    throw new SeedValidationError(
      `${field}.cidr`,
      `must be an IPv4 network a.b.c.d/n with n between ${MIN_POOL_PREFIX_LENGTH} and 30`,
    );
  }
  const netmasks = zone["netmasks"] === undefined ? [32] : readArray(zone["netmasks"], `${field}.netmasks`);
  if (netmasks.length === 0) throw new SeedValidationError(`${field}.netmasks`, "must not be empty");
  return {
    zoneId,
    status: readEnum(zone["status"], `${field}.status`, SALE_STATUSES),
    cidr,
    netmasks: netmasks.map((netmask, index) =>
      readInteger(netmask, `${field}.netmasks[${index}]`, network.prefixLength + 1, 32),
    ),
    prepaidMonthlyPrice: readNumber(zone["prepaidMonthlyPrice"], `${field}.prepaidMonthlyPrice`, 4, 0),
  };
}
