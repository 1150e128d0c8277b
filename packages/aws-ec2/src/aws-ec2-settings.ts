import {
  CommonAdapterSettingsSchema,
  CredentialStringSchema,
  RateLimitSettingsSchema,
  checkEndpointSecurity,
  parseOrThrow,
} from "@polycloud/core";
import { z } from "zod";

/** The provider name this package registers. @public */
export const AWS_EC2_PROVIDER = "aws-ec2";

/** EC2 Query API version of every request. @public */
export const EC2_API_VERSION = "2016-11-15";

/** AWS region ids: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`. @public */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z0-9]+){2,3}$/;

/** Static credentials (an IAM user's access key, or temporary credentials with their session token). @public */
export const AwsStaticCredentialsSchema = z
  .object({
    accessKeyId: CredentialStringSchema,
    secretAccessKey: CredentialStringSchema,
    sessionToken: CredentialStringSchema.optional(),
  })
  .strict();

/** Credentials as a provider function returns them (`@aws-sdk/credential-providers` returns exactly this shape). @public */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** When temporary credentials expire; they are fetched again 5 minutes before. */
  expiration?: Date;
}

/** An async credential source, e.g. `fromNodeProviderChain()` or `fromSSO({ profile })` of `@aws-sdk/credential-providers`. @public */
export type AwsCredentialProvider = () => Promise<AwsCredentials>;

const CredentialProviderSchema = z.custom<AwsCredentialProvider>(
  (value) => typeof value === "function",
  "must be { accessKeyId, secretAccessKey, sessionToken? } or an async credential provider function",
);

const EndpointSchema = z
  .url({ protocol: /^https?$/ })
  .refine(
    (value) => /^https?:\/\/[^/]+\/?$/.test(value),
    "must be an http(s) origin without path, query or fragment (Query API calls go to POST /)",
  );

/**
 * Settings of the `aws-ec2` allocator (the configuration minus `provider`). Unknown keys are rejected.
 * Credentials not given here come from the environment or `~/.aws/credentials` (see README).
 * @public
 */
export const AwsEc2SettingsSchema = z
  .object({
    /** Region the allocator works in, e.g. `us-east-1`; requests name it in `location.region`. */
    region: z.string().regex(AWS_REGION_PATTERN, "must be an AWS region id such as us-east-1"),
    /** API origin; default `https://ec2.<region>.amazonaws.com` (`.amazonaws.com.cn` in China regions). */
    endpoint: EndpointSchema.optional(),
    /** Allow a plain `http://` endpoint on a non-loopback host (signed requests could be captured and replayed). Default false. */
    allowInsecureHttp: z.boolean().default(false),
    /** Static credentials or an async credential provider function; default: environment, then shared credentials file. */
    credentials: z.union([AwsStaticCredentialsSchema, CredentialProviderSchema]).optional(),
    /** Profile of the shared credentials file instead of `AWS_PROFILE` (default `default`). */
    profile: z.string().min(1).optional(),
    ...CommonAdapterSettingsSchema.shape,
    /** Client-side admission control per attempt; set it to the account's EC2 request rate to run bulk work at the limit. */
    rateLimit: RateLimitSettingsSchema.optional(),
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
export type AwsEc2Settings = z.input<typeof AwsEc2SettingsSchema>;

/** Validated settings plus the endpoint actually called. @public */
export type ResolvedAwsEc2Settings = z.output<typeof AwsEc2SettingsSchema> & { endpointUrl: URL };

/** Defaults of the `reconcile` setting: EC2 lists are eventually consistent, for seconds. @internal */
export const AWS_EC2_DEFAULT_RECONCILE = { checks: 4, intervalMs: 1_000 } as const;

/** The regional endpoint the AWS SDKs use. @public */
export function resolveDefaultEndpoint(region: string): string {
  return `https://ec2.${region}.${region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com"}`;
}

/**
 * Validates settings and resolves the endpoint.
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming each bad field.
 * @public
 */
export function resolveAwsEc2Settings(input: unknown): ResolvedAwsEc2Settings {
  const settings = parseOrThrow(AwsEc2SettingsSchema, input, {
    provider: AWS_EC2_PROVIDER,
    subject: `${AWS_EC2_PROVIDER} settings`,
  });
  return { ...settings, endpointUrl: new URL(settings.endpoint ?? resolveDefaultEndpoint(settings.region)) };
}
