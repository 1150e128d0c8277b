import { CommonAdapterSettingsSchema, RateLimitSettingsSchema, parseOrThrow } from "@polycloud/core";
import { z } from "zod";

/** Provider name: the key of `request.providerOptions` and of errors' `provider`. */
export const IN_MEMORY_PROVIDER = "in-memory";

/**
 * Settings of the in-memory provider (everything in the config except `provider`): where the cloud is, the
 * credential, and the settings every adapter shares by the same names (operationTimeoutMs, requestTimeoutMs,
 * connectTimeoutMs, waitTimeoutMs, retry, reconcile) plus rateLimit.
 */
export const InMemorySettingsSchema = z
  .object({
    /** Base URL of the cloud's API, e.g. `http://127.0.0.1:8080` (from `startInMemoryCloud()`). */
    endpoint: z
      .url({ protocol: /^https?$/ })
      .refine((value) => !/[?#]/.test(value), "must not contain a query or fragment"),
    /** The Bearer token. Optional here: resolved at the first call, from here or IN_MEMORY_ACCESS_TOKEN. */
    accessToken: z.string().min(8).optional(),
    ...CommonAdapterSettingsSchema.shape,
    rateLimit: RateLimitSettingsSchema.optional(),
  })
  .strict();

/** Settings as written in the config or passed to the factory. */
export type InMemorySettings = z.input<typeof InMemorySettingsSchema>;
/** Validated settings. */
export type ResolvedInMemorySettings = z.output<typeof InMemorySettingsSchema>;

/**
 * Validates settings, naming every bad field in one INVALID_ARGUMENT. Credentials are not looked at here.
 * @throws {IpAllocatorError} INVALID_ARGUMENT
 */
export function parseInMemorySettings(settings: unknown): ResolvedInMemorySettings {
  return parseOrThrow(InMemorySettingsSchema, settings, {
    provider: IN_MEMORY_PROVIDER,
    subject: "in-memory settings",
  });
}
