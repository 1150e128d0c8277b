import {
  readArray,
  readObject,
  readOptionalInteger,
  rejectUnknownKeys,
  SeedValidationError,
} from "../shared/seed-validation.js";
import { type GlobalIds, parseAccount, type ResolvedZenlayerAccount } from "./parse-zenlayer-account.js";
import { parseZone, type ResolvedZenlayerZone } from "./parse-zenlayer-zone.js";
import type { ZenlayerSeed } from "./zenlayer-seed.js";

/** A validated seed with every default filled in (the lag fields stay absent when the seed leaves them out). */
export interface ResolvedZenlayerSeed extends ZenlayerSeed {
  zones: ResolvedZenlayerZone[];
  accounts: ResolvedZenlayerAccount[];
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
  const zones = readArray(seed["zones"], `${field}.zones`).map((zone, index) =>
    parseZone(zone, `${field}.zones[${index}]`, ids.zoneIds),
  );
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
