import {
  IpAllocatorError,
  createInvalidArgumentError,
  validateAllocateRequest,
  type AllocateRequest,
  type FieldIssue,
  type IpAllocatorCapabilities,
} from "@polycloud/core";
import { z } from "zod";
import { AWS_EC2_PROVIDER } from "./aws-ec2-settings.js";

/** EC2 names and ids (border groups, pools): letters, digits and hyphens; no space or control character (CR/LF/NUL) reaches the signer. */
const EC2_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const EC2_NAME_MESSAGE = "must be an EC2 name: letters, digits and hyphens only";

/**
 * `request.providerOptions["aws-ec2"]`: the AllocateAddress fields without a neutral equivalent. Unknown keys
 * are rejected; values are 1–64 characters of an EC2 name, checked before any request.
 * @public
 */
export const AwsEc2ProviderOptionsSchema = z
  .object({
    /** Where AWS advertises the address, e.g. a Local Zone's `us-west-2-lax-1`; default the region's own group. */
    networkBorderGroup: z.string().max(64).regex(EC2_NAME_PATTERN, EC2_NAME_MESSAGE).optional(),
    /** An address pool (BYOIP `ipv4pool-ec2-…`, or `amazon`); default Amazon's pool. */
    publicIpv4Pool: z.string().max(64).regex(EC2_NAME_PATTERN, EC2_NAME_MESSAGE).optional(),
  })
  .strict();

/** @public */
export type AwsEc2ProviderOptions = z.output<typeof AwsEc2ProviderOptionsSchema>;

/** Allocation ids as EC2 issues them. @public */
export const ALLOCATION_ID_PATTERN = /^eipalloc-[0-9a-f]{8,17}$/;
/** Instance ids: `i-` and 8 (older) or 17 hex digits. @public */
export const INSTANCE_ID_PATTERN = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** Tag carrying the idempotency key (the caller's, or a fresh one per call): how an allocation is found again. @public */
export const IDEMPOTENCY_TAG_KEY = "polycloud:idempotency-key";
/** Tag recording when the allocation was sent (signing clock, ISO 8601 with ms): the "oldest first" order. @public */
export const CREATED_AT_TAG_KEY = "polycloud:created-at";
/** Tag recording the instance an allocation was requested for (a key names one request). @public */
export const INSTANCE_TAG_KEY = "polycloud:instance-id";

/** Tags one Elastic IP may carry, polycloud's own included. @internal */
const MAX_TAGS = 50;

/** A validated allocate request and its EC2 options. @internal */
export interface ValidatedAwsEc2Request {
  request: AllocateRequest;
  providerOptions: AwsEc2ProviderOptions;
}

/**
 * Validates an allocate request: the neutral schema and capabilities (core), the strict provider options, then
 * what EC2 adds: the allocator's own region (EC2 endpoints are regional), the instance id format, the tag limit
 * (polycloud's tags take 2 or 3 of the 50) and the reserved `aws:` / `polycloud:` prefixes. Every bad field is
 * listed in one INVALID_ARGUMENT, before any request.
 * @internal
 */
export function validateAwsEc2Request(
  input: unknown,
  context: { capabilities: IpAllocatorCapabilities; region: string },
): ValidatedAwsEc2Request {
  let validated: ValidatedAwsEc2Request | undefined;
  const issues: FieldIssue[] = [];
  try {
    validated = validateAllocateRequest(input, {
      provider: AWS_EC2_PROVIDER,
      capabilities: context.capabilities,
      providerOptionsSchema: AwsEc2ProviderOptionsSchema,
    });
  } catch (thrown) {
    if (!IpAllocatorError.hasCode(thrown, "INVALID_ARGUMENT")) throw thrown;
    issues.push(...thrown.issues);
  }
  const known = new Set(issues.map((issue) => issue.path));
  issues.push(
    ...findEc2Issues(validated?.request ?? (input as Partial<AllocateRequest> | undefined), context.region).filter(
      (issue) => !known.has(issue.path),
    ),
  );
  if (issues.length > 0 || validated === undefined)
    throw createInvalidArgumentError(issues, {
      provider: AWS_EC2_PROVIDER,
      operation: "allocate",
      subject: "allocate request",
    });
  return validated;
}

function findEc2Issues(request: Partial<AllocateRequest> | undefined, region: string): FieldIssue[] {
  if (typeof request !== "object" || request === null) return [];
  const issues: FieldIssue[] = [];
  const requested = request.location?.region;
  if (typeof requested === "string" && requested !== region)
    issues.push({
      path: "location.region",
      message: `this allocator works in ${region}; configure another allocator for ${requested}`,
    });
  if (typeof request.instanceId === "string" && !INSTANCE_ID_PATTERN.test(request.instanceId))
    issues.push({ path: "instanceId", message: "must be an EC2 instance id such as i-0123456789abcdef0" });
  const keys = typeof request.tags === "object" && request.tags !== null ? Object.keys(request.tags) : [];
  const reserved = request.instanceId === undefined ? 2 : 3;
  if (keys.length > MAX_TAGS - reserved)
    issues.push({
      path: "tags",
      message: `at most ${MAX_TAGS - reserved} tags (EC2 accepts ${MAX_TAGS}; polycloud uses ${reserved})`,
    });
  for (const key of keys)
    if (/^(aws|polycloud):/i.test(key))
      issues.push({ path: `tags.${key}`, message: "the aws: and polycloud: prefixes are reserved" });
  return issues;
}
