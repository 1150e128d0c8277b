import { MAX_BODY_BYTES } from "../shared/http-exchange.js";
import type { AwsEmulatorOptions, AwsRateLimit } from "./aws-seed.js";

/** Options with every default applied (`describeLagMs` already merged with the seed's). */
export interface ResolvedAwsOptions {
  describeLagMs: number;
  rateLimit: AwsRateLimit | false;
  timestampToleranceSeconds: number;
  maxBodyBytes: number;
}

/** Default option values (the seed's `describeLagMs`, when set, replaces this one). */
export const DEFAULT_AWS_OPTIONS: Readonly<ResolvedAwsOptions> = Object.freeze({
  describeLagMs: 0,
  rateLimit: Object.freeze({ maxRequests: 100, windowMs: 1000 }),
  // SigV4 requests are valid for 5 minutes either side of the server clock.
  timestampToleranceSeconds: 300,
  maxBodyBytes: MAX_BODY_BYTES,
});

/** Applies defaults (options over seed over built-in) and rejects out-of-range values with a RangeError naming the option. */
export function resolveAwsOptions(options: AwsEmulatorOptions = {}, seedDescribeLagMs?: number): ResolvedAwsOptions {
  const resolved: ResolvedAwsOptions = {
    describeLagMs: options.describeLagMs ?? seedDescribeLagMs ?? DEFAULT_AWS_OPTIONS.describeLagMs,
    rateLimit: options.rateLimit ?? DEFAULT_AWS_OPTIONS.rateLimit,
    timestampToleranceSeconds: options.timestampToleranceSeconds ?? DEFAULT_AWS_OPTIONS.timestampToleranceSeconds,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_AWS_OPTIONS.maxBodyBytes,
  };
  for (const name of ["describeLagMs", "timestampToleranceSeconds", "maxBodyBytes"] as const) {
    if (!Number.isFinite(resolved[name]) || resolved[name] < 0)
      throw new RangeError(`AWS emulator option ${name} must be a finite number >= 0`);
  }
  if (resolved.rateLimit !== false) {
    const { maxRequests, windowMs, actionLimits = {} } = resolved.rateLimit;
    if (!Number.isInteger(maxRequests) || maxRequests < 1)
      throw new RangeError("AWS emulator option rateLimit.maxRequests must be an integer >= 1");
    if (!Number.isFinite(windowMs) || windowMs <= 0)
      throw new RangeError("AWS emulator option rateLimit.windowMs must be > 0");
    for (const [action, limit] of Object.entries(actionLimits)) {
      if (!Number.isInteger(limit) || limit < 0)
        throw new RangeError(`AWS emulator option rateLimit.actionLimits.${action} must be an integer >= 0`);
    }
  }
  return resolved;
}
