import { MAX_BODY_BYTES } from "../shared/http-exchange.js";

/** Calls allowed per sliding window and access key. */
export interface ZenlayerRateLimit {
  maxRequests: number;
  windowMs: number;
}

/** Tunables of the Zenlayer emulator; every field is optional. */
export interface ZenlayerEmulatorOptions {
  /** CREATING lasts this long before AVAILABLE or CREATE_FAILED (default 300). */
  provisioningDelayMs?: number;
  /** Probability 0..1 that a new EIP ends CREATE_FAILED, drawn from the seeded PRNG (default 0). */
  failureRate?: number;
  /** Per-zone override of {@link failureRate}, e.g. `{ "HKG-A": 1 }`. */
  failureRateByZone?: Record<string, number>;
  /** ASSOCIATING and UNASSOCIATING last this long (default 200). */
  associationDelayMs?: number;
  /** RECYCLING lasts this long before RECYCLE (default 300). */
  recycleDelayMs?: number;
  /** An EIP left in RECYCLE is released after this long, like the cloud's 24 h recycle bin (default 86 400 000). */
  recycleRetentionMs?: number;
  /** A new EIP is absent from DescribeEipAddresses for this long (default: the seed's `describeLagMs`, else 0). */
  describeLagMs?: number;
  /**
   * A new EIP is absent from the first this-many DescribeEipAddresses answers that would list it (default: the
   * seed's `describeLagListings`, else 0; the default seed uses 2). 0 turns the listing lag off.
   */
  describeLagListings?: number;
  /**
   * The listing lag ends this long after the EIP could first be listed, even with listings left (default 500):
   * the cloud's lag is short in time, so a client that comes back later must find the EIP.
   */
  describeLagListingsMaxMs?: number;
  /** Accepted distance between X-ZC-Timestamp and the server clock, in seconds (default 300). */
  timestampWindowSeconds?: number;
  /** Per-access-key rate limit answered with 429 REQUEST_LIMIT_EXCEEDED, or false to disable (default 100 per 1000 ms). */
  rateLimit?: ZenlayerRateLimit | false;
  /** Largest accepted body; larger ones get 413 REQUEST_BODY_TOO_LARGE (default 1 MiB). */
  maxBodyBytes?: number;
}

/** Options with every default applied. */
export type ResolvedZenlayerOptions = Required<ZenlayerEmulatorOptions>;

/** Default option values. */
export const DEFAULT_ZENLAYER_OPTIONS: Readonly<ResolvedZenlayerOptions> = Object.freeze({
  provisioningDelayMs: 300,
  failureRate: 0,
  failureRateByZone: {},
  associationDelayMs: 200,
  recycleDelayMs: 300,
  recycleRetentionMs: 86_400_000,
  describeLagMs: 0,
  describeLagListings: 0,
  describeLagListingsMaxMs: 500,
  timestampWindowSeconds: 300,
  rateLimit: Object.freeze({ maxRequests: 100, windowMs: 1000 }),
  maxBodyBytes: MAX_BODY_BYTES,
});

function requireNonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`Zenlayer emulator option ${name} must be a finite number >= 0`);
  return value;
}

function requireProbability(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`Zenlayer emulator option ${name} must be between 0 and 1`);
  return value;
}

/** The seed's own defaults for options (its listing lag). */
export type ZenlayerSeedOptionDefaults = Pick<ZenlayerEmulatorOptions, "describeLagMs" | "describeLagListings">;

/**
 * Applies defaults, then the seed's (`seedDefaults`), then `options`, and rejects out-of-range options with a
 * RangeError naming the option.
 */
export function resolveZenlayerOptions(
  options: ZenlayerEmulatorOptions = {},
  seedDefaults: ZenlayerSeedOptionDefaults = {},
): ResolvedZenlayerOptions {
  const resolved: ResolvedZenlayerOptions = { ...DEFAULT_ZENLAYER_OPTIONS };
  for (const [name, value] of [...Object.entries(seedDefaults), ...Object.entries(options)]) {
    if (value !== undefined) (resolved as unknown as Record<string, unknown>)[name] = value;
  }
  for (const name of [
    "provisioningDelayMs",
    "associationDelayMs",
    "recycleDelayMs",
    "recycleRetentionMs",
    "describeLagMs",
    "describeLagListings",
    "describeLagListingsMaxMs",
    "timestampWindowSeconds",
    "maxBodyBytes",
  ] as const) {
    requireNonNegative(name, resolved[name]);
  }
  if (!Number.isInteger(resolved.describeLagListings))
    throw new RangeError("Zenlayer emulator option describeLagListings must be an integer >= 0");
  requireProbability("failureRate", resolved.failureRate);
  for (const [zoneId, rate] of Object.entries(resolved.failureRateByZone))
    requireProbability(`failureRateByZone.${zoneId}`, rate);
  if (resolved.rateLimit !== false) {
    const { maxRequests, windowMs } = resolved.rateLimit;
    if (!Number.isInteger(maxRequests) || maxRequests < 1)
      throw new RangeError("Zenlayer emulator option rateLimit.maxRequests must be an integer >= 1");
    if (!Number.isFinite(windowMs) || windowMs <= 0)
      throw new RangeError("Zenlayer emulator option rateLimit.windowMs must be > 0");
  }
  return resolved;
}
