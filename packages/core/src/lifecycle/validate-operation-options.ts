import { createInvalidArgumentError } from "../errors/create-invalid-argument-error.js";
import type { FieldIssue } from "../errors/ip-allocator-error.js";
import type { OperationOptions } from "../spec/operation-options.js";

/** Node clamps timers at 2^31-1 ms (about 24.8 days); a longer one would fire after 1 ms. @public */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** Deadline of every operation that sets none and whose provider declares none: 120 s. @public */
export const DEFAULT_OPERATION_TIMEOUT_MS = 120_000;

const RETRY_NUMBER_FIELDS = [
  "maxAttempts",
  "baseDelayMs",
  "throttlingBaseDelayMs",
  "maxDelayMs",
  "maxRetryAfterMs",
] as const;
const HOOK_NAMES = ["onRequest", "onResponse", "onRetry"] as const;

/** The issue of one timeout value, or undefined when it is a whole number of milliseconds in [1, 2^31-1]. @public */
export function checkTimeoutMs(value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isInteger(value)) return "must be a whole number of milliseconds";
  if (value < 1 || value > MAX_TIMEOUT_MS) return `must be between 1 and ${MAX_TIMEOUT_MS} ms`;
  return undefined;
}

/**
 * Checks per-call options before anything is sent: `timeoutMs` (1 .. 2^31-1), `signal` (an AbortSignal),
 * `retry` (`false` or numbers in range), `hooks` (an object of functions), and a wait's poll intervals. Throws one INVALID_ARGUMENT
 * listing every bad field.
 * @public
 */
export function validateOperationOptions(
  options: unknown,
  context: { provider: string; operation: string },
): OperationOptions {
  if (options === undefined) return {};
  const issues: FieldIssue[] = [];
  if (typeof options !== "object" || options === null) {
    issues.push({ path: "options", message: "must be an object" });
  } else {
    const { timeoutMs, signal, retry, hooks, pollIntervalMs, maxPollIntervalMs } = options as Record<string, unknown>;
    const timeoutIssue = timeoutMs === undefined ? undefined : checkTimeoutMs(timeoutMs);
    if (timeoutIssue !== undefined) issues.push({ path: "options.timeoutMs", message: timeoutIssue });
    if (signal !== undefined && !(signal instanceof AbortSignal))
      issues.push({ path: "options.signal", message: "must be an AbortSignal" });
    if (retry !== undefined && retry !== false) issues.push(...checkRetry(retry));
    if (hooks !== undefined) issues.push(...checkHooks(hooks));
    for (const [name, value] of [
      ["pollIntervalMs", pollIntervalMs],
      ["maxPollIntervalMs", maxPollIntervalMs],
    ] as const) {
      if (
        value !== undefined &&
        (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_TIMEOUT_MS)
      )
        issues.push({
          path: `options.${name}`,
          message: `must be a whole number of milliseconds between 0 and ${MAX_TIMEOUT_MS}`,
        });
    }
  }
  if (issues.length > 0)
    throw createInvalidArgumentError(issues, { ...context, subject: `${context.operation} options` });
  return options as OperationOptions;
}

function checkRetry(retry: unknown): FieldIssue[] {
  if (typeof retry !== "object" || retry === null)
    return [{ path: "options.retry", message: "must be false or an object" }];
  const issues: FieldIssue[] = [];
  const record = retry as Record<string, unknown>;
  for (const field of RETRY_NUMBER_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    const minimum = field === "maxAttempts" ? 1 : 0;
    if (typeof value !== "number" || !Number.isInteger(value) || value < minimum || value > MAX_TIMEOUT_MS) {
      issues.push({ path: `options.retry.${field}`, message: `must be a whole number >= ${minimum}` });
    }
  }
  if (record.jitter !== undefined && record.jitter !== "full" && record.jitter !== "none")
    issues.push({ path: "options.retry.jitter", message: 'must be "full" or "none"' });
  return issues;
}

function checkHooks(hooks: unknown): FieldIssue[] {
  if (typeof hooks !== "object" || hooks === null)
    return [{ path: "options.hooks", message: "must be an object of functions" }];
  const record = hooks as Record<string, unknown>;
  return HOOK_NAMES.filter((name) => record[name] !== undefined && typeof record[name] !== "function").map((name) => ({
    path: `options.hooks.${name}`,
    message: "must be a function",
  }));
}
