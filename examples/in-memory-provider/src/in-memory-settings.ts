import { z } from "zod";
import { parseIpv4Cidr } from "./in-memory-address-pool.js";

/** Provider name: the key of `request.providerOptions` and of errors' `provider`. */
export const IN_MEMORY_PROVIDER = "in-memory";

/**
 * Settings of the in-memory provider (everything in the config except `provider`). All but `accessToken`
 * shape the in-memory cloud the allocator creates; an injected cloud keeps its own.
 */
export const InMemorySettingsSchema = z
  .object({
    /** The one zone the cloud serves. */
    zone: z.string().min(1).max(64).default("mem-1a"),
    /** Block addresses are taken from (TEST-NET-2 by default, never routed). */
    poolCidr: z
      .string()
      .refine((cidr) => parseIpv4Cidr(cidr) !== undefined, "must be an IPv4 CIDR with a prefix from /16 to /30")
      .default("198.51.100.0/24"),
    /** Simulated network latency of every call. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** Time a new IP stays `pending`; above 0 the provider is asynchronous. */
    provisioningDelayMs: z.number().int().min(0).max(600_000).default(0),
    /** The credential the cloud checks. A demo default; pass your own to see auth failures. */
    accessToken: z.string().min(8).default("in-memory-demo-token"),
  })
  .strict();

/** Settings as written in the config. */
export type InMemorySettings = z.input<typeof InMemorySettingsSchema>;
/** Settings with defaults applied. */
export type ResolvedInMemorySettings = z.output<typeof InMemorySettingsSchema>;

/** `request.providerOptions["in-memory"]`: `.strict()` so a misspelt option fails before any call. */
export const InMemoryProviderOptionsSchema = z
  .object({
    /** Free text stored with the allocation and returned in `raw`. */
    description: z.string().max(256).optional(),
  })
  .strict();
