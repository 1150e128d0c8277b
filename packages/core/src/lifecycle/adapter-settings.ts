import { z } from "zod";
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
