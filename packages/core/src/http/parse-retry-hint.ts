import { parseRetryAfter } from "../retry/parse-retry-after.js";

/** A header carrying a server's retry hint, and how to read its value. @public */
export interface RetryHintHeader {
  /** Lower-case header name. */
  name: string;
  /**
   * `seconds`: delta seconds (or an HTTP date, as `Retry-After` allows); `milliseconds`: delta milliseconds;
   * `reset`: `RateLimit-Reset` style, delta seconds, or epoch seconds when the value is that large.
   */
  unit: "seconds" | "milliseconds" | "reset";
}

/** The hints every HTTP provider may send, tried in this order after an adapter's own. @public */
export const STANDARD_RETRY_HINT_HEADERS: readonly RetryHintHeader[] = [
  { name: "retry-after", unit: "seconds" },
  { name: "ratelimit-reset", unit: "reset" },
  { name: "x-ratelimit-reset", unit: "reset" },
];

// Larger than any delay in seconds a server would mean (about 31 years): an epoch timestamp in seconds.
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/**
 * Reads how long a server asked the client to wait, in milliseconds from `now`: the adapter's headers first
 * (e.g. `x-acs-retry-after`), then `Retry-After`, `RateLimit-Reset`, `X-RateLimit-Reset`. Undefined when
 * no header is present or readable; a time in the past gives 0.
 * @public
 */
export function parseRetryHint(
  headers: Readonly<Record<string, string>>,
  now: number = Date.now(),
  extra: readonly RetryHintHeader[] = [],
): number | undefined {
  for (const header of extra.length === 0 ? STANDARD_RETRY_HINT_HEADERS : [...extra, ...STANDARD_RETRY_HINT_HEADERS]) {
    const value = headers[header.name]?.trim();
    if (value === undefined || value === "") continue;
    const parsed = readHint(value, header.unit, now);
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}

function readHint(value: string, unit: RetryHintHeader["unit"], now: number): number | undefined {
  if (unit === "seconds") return parseRetryAfter(value, now);
  if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
  const number = Number(value);
  if (unit === "milliseconds") return Math.round(number);
  return number >= EPOCH_SECONDS_THRESHOLD ? Math.max(0, Math.round(number * 1000 - now)) : Math.round(number * 1000);
}
