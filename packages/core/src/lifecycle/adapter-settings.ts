import { z } from "zod";
import { createInvalidArgumentError } from "../errors/create-invalid-argument-error.js";
import { MAX_TIMEOUT_MS } from "./validate-operation-options.js";

/** A timeout setting: whole milliseconds in [1, 2^31-1] (Node clamps longer timers to 1 ms). @public */
export const TimeoutMsSchema = z.number().int().min(1).max(MAX_TIMEOUT_MS);

/** The `retry` setting every adapter accepts (the retry budget is shared infrastructure, not a setting). @public */
export const RetrySettingsSchema = z
  .object({
    /** Total attempts of one wire call, the first included. */
    maxAttempts: z.number().int().min(1).max(10),
    baseDelayMs: z.number().int().min(0).max(MAX_TIMEOUT_MS),
    throttlingBaseDelayMs: z.number().int().min(0).max(MAX_TIMEOUT_MS),
    maxDelayMs: z.number().int().min(0).max(MAX_TIMEOUT_MS),
    jitter: z.enum(["full", "none"]),
    maxRetryAfterMs: z.number().int().min(0).max(MAX_TIMEOUT_MS),
  })
  .partial()
  .strict();

/** @public */
export type RetrySettings = z.infer<typeof RetrySettingsSchema>;

/**
 * The `reconcile` setting every adapter accepts: how long the provider's listing may lag behind an allocation,
 * and what to do when a read-back finds nothing.
 * @public
 */
export const ReconcileSettingsSchema = z
  .object({
    /** Successful lookups of the key over which the listing may catch up. */
    checks: z.number().int().min(1).max(20).optional(),
    /** First delay between those lookups (doubled up to 8x, jittered). */
    intervalMs: z.number().int().min(0).max(MAX_TIMEOUT_MS).optional(),
    /** Allocate again with the same key when the lookups found nothing. Default true. */
    retryWhenAbsent: z.boolean().optional(),
    /** Release what a call allocated when a later step of it fails (false keeps it, named in the error). Default true. */
    releaseOnFailure: z.boolean().optional(),
  })
  .strict();

/** @public */
export type ReconcileSettings = z.infer<typeof ReconcileSettingsSchema>;

/**
 * Settings every adapter shares, by the same names: `operationTimeoutMs` (deadline of a call that sets no
 * `timeoutMs`, default 120 s), `requestTimeoutMs` (per attempt), `connectTimeoutMs`, `waitTimeoutMs`
 * (default deadline of `waitUntilReady`), `retry` and `reconcile`. Spread `.shape` into an adapter's schema.
 * @public
 */
export const CommonAdapterSettingsSchema = z.object({
  operationTimeoutMs: TimeoutMsSchema.optional(),
  requestTimeoutMs: TimeoutMsSchema.optional(),
  connectTimeoutMs: TimeoutMsSchema.optional(),
  waitTimeoutMs: TimeoutMsSchema.optional(),
  retry: RetrySettingsSchema.optional(),
  reconcile: ReconcileSettingsSchema.optional(),
});

/** @public */
export type CommonAdapterSettings = z.infer<typeof CommonAdapterSettingsSchema>;

/** True for `localhost`, 127.0.0.0/8 and ::1: the only hosts plain `http://` may reach without `allowInsecureHttp`. @public */
export function isLoopbackHostname(hostname: string): boolean {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/**
 * The security issue with an adapter's http(s) endpoint, or undefined: no user info (credentials belong in
 * `credentials`, where they are masked), and plain `http://` only for a loopback host (an emulator) unless
 * `allowInsecureHttp` is set: signed requests sent in clear text can be captured and replayed.
 * @public
 */
export function checkEndpointSecurity(endpoint: string, allowInsecureHttp = false): string | undefined {
  // The URL's shape is the endpoint schema's concern; this check is about what would leak.
  if (!URL.canParse(endpoint)) return undefined;
  const url = new URL(endpoint);
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.username !== "" || url.password !== "")
    return "must not carry a user name or password before the host; put credentials in `credentials`";
  if (url.protocol === "http:" && !allowInsecureHttp && !isLoopbackHostname(url.hostname)) {
    return "plain http:// is refused for a non-loopback host (signed requests could be captured and replayed); use https://, or set allowInsecureHttp: true";
  }
  return undefined;
}

/** The `credentials` strings every adapter accepts: non-empty printable ASCII (CR/LF would corrupt a header). @public */
export const CredentialStringSchema = z
  .string()
  .min(1, "is required")
  .regex(/^[\x20-\x7e]+$/, "must be printable ASCII (no line breaks or control characters)");

/**
 * Checks credentials resolved from the environment or a file (settings are checked by their schema): each value
 * must be printable ASCII, else INVALID_ARGUMENT naming the field and where it came from, never the value. A
 * line break would otherwise fail later as a retryable network error, or corrupt a header.
 * @public
 */
export function checkResolvedCredentials(
  values: Readonly<Record<string, string | undefined>>,
  context: { provider: string; operation?: string; source: string },
): void {
  const issues = Object.entries(values)
    .filter(([, value]) => value !== undefined && !CredentialStringSchema.safeParse(value).success)
    .map(([field]) => ({
      path: `credentials.${field}`,
      message: `from ${context.source}: must be printable ASCII (no line breaks or control characters)`,
    }));
  if (issues.length > 0)
    throw createInvalidArgumentError(issues, {
      provider: context.provider,
      operation: context.operation,
      subject: "credentials",
    });
}
