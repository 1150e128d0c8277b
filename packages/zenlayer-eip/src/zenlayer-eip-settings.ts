import {
  CredentialStringSchema,
  DEFAULT_OPERATION_TIMEOUT_MS,
  RateLimitSettingsSchema,
  checkEndpointSecurity,
  ReconcileSettingsSchema,
  RetrySettingsSchema,
  TimeoutMsSchema,
} from "@polycloud/core";
import { z } from "zod";

/** Public Zenlayer Cloud API host; requests go to `<endpoint>/api/v2/bmc`. @public */
export const DEFAULT_ZENLAYER_ENDPOINT = "https://console.zenlayer.com";

/** bmc API versions with the same EIP actions; `2022-11-20`'s SDK client is deprecated. @public */
export const ZENLAYER_API_VERSIONS = ["2022-11-20", "2026-02-01"] as const;

/** The current bmc API version (the official SDKs' and CLI's). @public */
export const DEFAULT_ZENLAYER_API_VERSION = "2026-02-01";

/** One of {@link ZENLAYER_API_VERSIONS}. @public */
export type ZenlayerApiVersion = (typeof ZENLAYER_API_VERSIONS)[number];

/** An access key pair (ZC2-HMAC-SHA256 signing). @public */
export const ZenlayerAccessKeyCredentialsSchema = z
  .object({
    accessKeyId: CredentialStringSchema,
    /** The AccessKeyPassword shown once in the console. */
    accessKeySecret: CredentialStringSchema,
  })
  .strict();

/** A personal access token sent as `Authorization: Bearer <token>`. @public */
export const ZenlayerTokenCredentialsSchema = z.object({ token: CredentialStringSchema }).strict();

/** Explicit credentials: an access key pair or a Bearer token. @public */
export const ZenlayerCredentialsSchema = z.union([ZenlayerAccessKeyCredentialsSchema, ZenlayerTokenCredentialsSchema]);

/** @public */
export type ZenlayerCredentials = z.infer<typeof ZenlayerCredentialsSchema>;

/**
 * `permanent`: Terminate, wait for the recycle bin, then ReleaseEipAddresses (the address is gone).
 * `recycle-bin`: Terminate only (billing stops) and return `releasing`; Zenlayer deletes it after 24 h.
 * @public
 */
export const ZenlayerReleaseModeSchema = z.enum(["permanent", "recycle-bin"]);

/** @public */
export type ZenlayerReleaseMode = z.infer<typeof ZenlayerReleaseModeSchema>;

/** Defaults of the `reconcile` setting: Zenlayer's listing lags its Allocate (Terraform tolerates 3 not-found polls). @internal */
export const ZENLAYER_DEFAULT_RECONCILE = {
  checks: 4,
  intervalMs: 1_000,
  retryWhenAbsent: true,
  releaseOnFailure: true,
} as const;

const EndpointSchema = z
  .url()
  .refine((value) => /^https?:\/\//i.test(value), "must be an http(s) URL")
  .refine((value) => !/[?#]/.test(value), "must not contain a query or fragment");

/**
 * Settings of the `zenlayer-eip` provider (the config minus `provider`). Everything is optional;
 * credentials default to the environment (see README).
 * @public
 */
export const ZenlayerEipSettingsSchema = z
  .object({
    endpoint: EndpointSchema.default(DEFAULT_ZENLAYER_ENDPOINT),
    /** Allow a plain `http://` endpoint on a non-loopback host (signed requests could be replayed). Default false. */
    allowInsecureHttp: z.boolean().default(false),
    apiVersion: z.enum(ZENLAYER_API_VERSIONS).default(DEFAULT_ZENLAYER_API_VERSION),
    credentials: ZenlayerCredentialsSchema.optional(),
    /** Deadline of allocate and describe when the call gives no `timeoutMs`. Default 120 s. */
    operationTimeoutMs: TimeoutMsSchema.default(DEFAULT_OPERATION_TIMEOUT_MS),
    /** TCP + TLS connect timeout of the allocator's own dispatcher. Default 5 s. */
    connectTimeoutMs: TimeoutMsSchema.default(5_000),
    /** Per attempt: time allowed for the response headers, then between body chunks. Default 30 s. */
    requestTimeoutMs: TimeoutMsSchema.default(30_000),
    /** Deadline of waitUntilReady and of a release when the call gives no `timeoutMs`. Default 10 min. */
    waitTimeoutMs: TimeoutMsSchema.default(600_000),
    retry: RetrySettingsSchema.default({}),
    /**
     * Client-side admission control: at most `maxRequests` requests start per sliding `windowMs` (every attempt,
     * polls and reconciliation lookups included). Set it to the access key's rate limit to run bulk work at the
     * limit instead of into it. Off by default.
     */
    rateLimit: RateLimitSettingsSchema.optional(),
    /** First delay between DescribeEipAddresses polls. Default 2 s. */
    pollIntervalMs: z.number().int().min(0).default(2_000),
    /** Cap of the backed-off poll delay. Default 10 s. */
    maxPollIntervalMs: z.number().int().min(0).default(10_000),
    /** Consecutive "not found" polls tolerated right after allocate (Describe lags behind). Default 3. */
    notFoundPolls: z.number().int().min(0).max(50).default(3),
    releaseMode: ZenlayerReleaseModeSchema.default("permanent"),
    /**
     * Listing lag and convergence (see core's `convergeAllocation`): `checks` lookups of the idempotency tag,
     * `intervalMs` apart at first (default 4, 1 s); `retryWhenAbsent` (default true) allocates again with the same
     * key when they found nothing; `releaseOnFailure` (default true) releases what a call allocated when a later
     * step of it fails.
     */
    reconcile: ReconcileSettingsSchema.default({}),
  })
  .strict()
  .superRefine((settings, context) => {
    const issue = checkEndpointSecurity(settings.endpoint, settings.allowInsecureHttp);
    if (issue !== undefined) context.addIssue({ code: "custom", path: ["endpoint"], message: issue });
  });

/** Settings as written in config or passed to the factory (defaults not applied). @public */
export type ZenlayerEipSettings = z.input<typeof ZenlayerEipSettingsSchema>;

/** Settings with defaults applied. @public */
export type ParsedZenlayerEipSettings = z.output<typeof ZenlayerEipSettingsSchema>;

/** Retry defaults: Zenlayer's SDKs back off 1, 2, 4 s on throttling; we jitter below that. @internal */
export const ZENLAYER_DEFAULT_RETRY = {
  maxAttempts: 4,
  baseDelayMs: 500,
  throttlingBaseDelayMs: 1_000,
  maxDelayMs: 8_000,
} as const;

/** Builds the bmc URL from an endpoint: `https://host[:port][/prefix]` + `/api/v2/bmc`. @internal */
export function toBmcUrl(endpoint: string): URL {
  const url = new URL(endpoint);
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith("/api/v2/bmc") ? path : `${path}/api/v2/bmc`;
  return url;
}
