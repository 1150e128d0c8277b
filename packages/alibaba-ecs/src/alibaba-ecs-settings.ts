import {
  CredentialStringSchema,
  DEFAULT_OPERATION_TIMEOUT_MS,
  RateLimitSettingsSchema,
  checkEndpointSecurity,
  ReconcileSettingsSchema,
  RetrySettingsSchema,
  TimeoutMsSchema,
  parseOrThrow,
} from "@polycloud/core";
import { z } from "zod";
import { resolveEcsEndpointHost } from "./ecs-endpoint-map.js";

/** The provider name this package registers. @public */
export const ALIBABA_ECS_PROVIDER = "alibaba-ecs";

/** Alibaba region ids: lower-case words joined by dashes, e.g. `cn-hangzhou`, `ap-southeast-1`. @public */
export const ALIBABA_REGION_PATTERN = /^[a-z]{2,}(?:-[a-z0-9]+){1,4}$/;

/** Per-attempt default: the SDK's effective 3 s (reference §5.1) is tight for slow regions; its docs say 10 s. */
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

const RegionSchema = z.string().regex(ALIBABA_REGION_PATTERN, "must be an Alibaba Cloud region id such as cn-hangzhou");

const EndpointSchema = z
  .string()
  .refine((value) => URL.canParse(value), "must be an absolute http(s) URL such as https://ecs.cn-beijing.aliyuncs.com")
  .refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return (
      (url.protocol === "https:" || url.protocol === "http:") &&
      (url.pathname === "/" || url.pathname === "") &&
      url.search === ""
    );
  }, "must be an http(s) origin without path or query (RPC calls always go to /)");

/** An explicit AccessKey pair; `securityToken` makes it an STS credential. @public */
export const AlibabaEcsCredentialsSchema = z
  .object({
    accessKeyId: CredentialStringSchema,
    accessKeySecret: CredentialStringSchema,
    securityToken: CredentialStringSchema.optional(),
  })
  .strict();

/** Retry settings of the allocator: core's shared `retry` schema (the retry budget is infrastructure, not a setting). @public */
export const AlibabaEcsRetrySettingsSchema = RetrySettingsSchema;

/**
 * Settings of the `alibaba-ecs` allocator (validated by `createIpAllocator` and the factory alike).
 * Unknown keys are rejected so a typo is an error, not a silently ignored setting.
 * @public
 */
export const AlibabaEcsSettingsSchema = z
  .object({
    /** Region the allocator works in, e.g. `cn-hangzhou`. */
    region: RegionSchema,
    /** API origin; default derived from the region (see {@link resolveDefaultEndpoint}). */
    endpoint: EndpointSchema.optional(),
    /** Allow a plain `http://` endpoint on a non-loopback host (signed requests could be replayed). Default false. */
    allowInsecureHttp: z.boolean().default(false),
    /** Explicit credentials; when absent the credential chain (environment, `~/.aliyun/config.json`) is used. */
    credentials: AlibabaEcsCredentialsSchema.optional(),
    /** `v3` (ACS3-HMAC-SHA256, default) or `v1` (HMAC-SHA1). */
    signatureVersion: z.enum(["v3", "v1"]).default("v3"),
    /** Deadline of allocate, describe and release when the call gives no `timeoutMs`. Default 120 s. */
    operationTimeoutMs: TimeoutMsSchema.default(DEFAULT_OPERATION_TIMEOUT_MS),
    /** Per-attempt time allowed for the response, in ms. Default 10 000. */
    requestTimeoutMs: TimeoutMsSchema.optional(),
    /** Deprecated name of `requestTimeoutMs`. */
    timeoutMs: TimeoutMsSchema.optional(),
    /** TCP/TLS connect timeout of the dispatcher the allocator creates, in ms. Default 5 000. */
    connectTimeoutMs: TimeoutMsSchema.optional(),
    /** Deadline of waitUntilReady when the call gives no `timeoutMs` (a Stopped instance may never start). Default 300 s. */
    waitTimeoutMs: TimeoutMsSchema.default(300_000),
    retry: AlibabaEcsRetrySettingsSchema.optional(),
    /** Instance read-backs after an ambiguous answer (`checks`, default 1: ECS reads are consistent) and `intervalMs`. */
    reconcile: ReconcileSettingsSchema.optional(),
    /**
     * Client-side admission control: at most `maxRequests` requests start per sliding `windowMs` (every attempt,
     * retries and read-backs included). Set it to the account's ECS flow-control quota to run bulk work at the
     * limit instead of into it. Off by default.
     */
    rateLimit: RateLimitSettingsSchema.optional(),
    /** Profile of the CLI config file to use instead of `ALIBABA_CLOUD_PROFILE` / the file's `current`. */
    profile: z.string().min(1).optional(),
    /** CLI config file path instead of `~/.aliyun/config.json`. */
    configFile: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((settings, context) => {
    const issue =
      settings.endpoint === undefined
        ? undefined
        : checkEndpointSecurity(settings.endpoint, settings.allowInsecureHttp);
    if (issue !== undefined) context.addIssue({ code: "custom", path: ["endpoint"], message: issue });
  });

/** Settings as callers write them. @public */
export type AlibabaEcsSettingsInput = z.input<typeof AlibabaEcsSettingsSchema>;

/** Settings after validation, with defaults applied. @public */
export type AlibabaEcsSettings = z.output<typeof AlibabaEcsSettingsSchema>;

/** Validated settings plus the endpoint to call. @public */
export interface AlibabaEcsResolvedSettings extends AlibabaEcsSettings {
  /** The endpoint origin actually used. */
  endpointUrl: URL;
  /** Per-attempt response timeout (`requestTimeoutMs`, or the deprecated `timeoutMs`). */
  requestTimeoutMs: number;
}

/**
 * The ECS endpoint the official SDK derives for a region: its endpoint map (`ECS_ENDPOINT_MAP`, e.g.
 * `https://ecs-cn-hangzhou.aliyuncs.com`, or the central `https://ecs.aliyuncs.com` for `cn-wuhan`), else the
 * `https://ecs.<region>.aliyuncs.com` rule.
 * @public
 */
export function resolveDefaultEndpoint(region: string): string {
  return `https://${resolveEcsEndpointHost(region)}`;
}

/**
 * Validates settings and resolves the endpoint.
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming each bad field.
 * @public
 */
export function resolveAlibabaEcsSettings(input: unknown): AlibabaEcsResolvedSettings {
  const settings = parseOrThrow(AlibabaEcsSettingsSchema, input, {
    provider: ALIBABA_ECS_PROVIDER,
    subject: `${ALIBABA_ECS_PROVIDER} settings`,
  });
  const requestTimeoutMs = settings.requestTimeoutMs ?? settings.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    ...settings,
    requestTimeoutMs,
    endpointUrl: new URL(settings.endpoint ?? resolveDefaultEndpoint(settings.region)),
  };
}
