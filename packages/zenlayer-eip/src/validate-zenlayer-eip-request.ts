import {
  IpAllocatorError,
  createInvalidArgumentError,
  toFieldIssues,
  validateAllocateRequest,
  validateResourceId,
  type AllocateRequest,
  type FieldIssue,
  type IpAllocatorCapabilities,
} from "@polycloud/core";
import {
  IDEMPOTENCY_TAG_KEY,
  MAX_TAGS_PER_ALLOCATION,
  MAX_TAG_VALUE_LENGTH,
  TARGET_INSTANCE_TAG_KEY,
  ZENLAYER_EIP_ID_PATTERN,
  ZENLAYER_ZONE_PATTERN,
  ZenlayerEipProviderOptionsSchema,
  type ZenlayerEipProviderOptions,
} from "./zenlayer-eip-provider-options.js";

/** A validated allocate request and its Zenlayer options. @internal */
export interface ValidatedZenlayerEipRequest {
  request: AllocateRequest;
  providerOptions: ZenlayerEipProviderOptions;
}

/**
 * Validates an allocate request: the neutral schema and capabilities (core), the strict provider
 * options, then what Zenlayer adds: the zone id format, tag limits (polycloud's own tags take up to two
 * of the 20 slots) and reserved tag keys. Every bad field is listed in one INVALID_ARGUMENT, thrown
 * before anything is sent.
 * @internal
 */
export function validateZenlayerEipRequest(
  input: unknown,
  capabilities: IpAllocatorCapabilities,
): ValidatedZenlayerEipRequest {
  let validated: ValidatedZenlayerEipRequest | undefined;
  let issues: FieldIssue[] = [];
  try {
    validated = validateAllocateRequest(input, {
      provider: "zenlayer-eip",
      capabilities,
      providerOptionsSchema: ZenlayerEipProviderOptionsSchema,
    });
  } catch (thrown) {
    if (!IpAllocatorError.hasCode(thrown, "INVALID_ARGUMENT")) throw thrown;
    issues = [...thrown.issues];
  }
  const extra = findZenlayerIssues(validated?.request ?? (input as Partial<AllocateRequest> | undefined));
  // Core stops at the neutral schema; still report this provider's options so one error lists everything.
  if (validated === undefined) extra.push(...findProviderOptionIssues(input));
  const known = new Set(issues.map((issue) => issue.path));
  issues.push(...extra.filter((issue) => !known.has(issue.path)));
  if (issues.length > 0 || validated === undefined) {
    throw createInvalidArgumentError(issues, {
      provider: "zenlayer-eip",
      operation: "allocate",
      subject: "allocate request",
    });
  }
  return validated;
}

/** Checks an id passed to `operation` before anything is sent: INVALID_ARGUMENT unless it looks like an eipId. @internal */
export function validateEipId(id: unknown, operation: string): string {
  return validateResourceId(id, {
    provider: "zenlayer-eip",
    operation,
    pattern: ZENLAYER_EIP_ID_PATTERN,
    hint: "must be an eipId returned by allocate (printable ASCII, at most 128 characters)",
  });
}

function findProviderOptionIssues(input: unknown): FieldIssue[] {
  const options = (input as { providerOptions?: Record<string, unknown> } | undefined)?.providerOptions?.[
    "zenlayer-eip"
  ];
  const parsed = ZenlayerEipProviderOptionsSchema.safeParse(options ?? {});
  if (parsed.success) return [];
  return toFieldIssues(parsed.error).map((issue) => ({
    ...issue,
    path: ["providerOptions.zenlayer-eip", issue.path].filter(Boolean).join("."),
  }));
}

function findZenlayerIssues(request: Partial<AllocateRequest> | undefined): FieldIssue[] {
  if (typeof request !== "object" || request === null) return [];
  const issues: FieldIssue[] = [];
  const zone = request.location?.zone;
  if (typeof zone === "string" && !ZENLAYER_ZONE_PATTERN.test(zone)) {
    issues.push({
      path: "location.zone",
      message: `must be a Zenlayer zone id such as SEL-A or HKG-A (pattern ${ZENLAYER_ZONE_PATTERN.source})`,
    });
  }
  const tags = typeof request.tags === "object" && request.tags !== null ? request.tags : {};
  const reservedSlots = request.instanceId === undefined ? 1 : 2;
  const tagLimit = MAX_TAGS_PER_ALLOCATION - reservedSlots;
  if (Object.keys(tags).length > tagLimit) {
    issues.push({
      path: "tags",
      message: `at most ${tagLimit} tags (Zenlayer accepts ${MAX_TAGS_PER_ALLOCATION}; polycloud uses ${reservedSlots})`,
    });
  }
  for (const [key, value] of Object.entries(tags)) {
    if (key === IDEMPOTENCY_TAG_KEY || key === TARGET_INSTANCE_TAG_KEY)
      issues.push({ path: `tags.${key}`, message: "is reserved by polycloud" });
    else if (typeof value === "string" && value.length > MAX_TAG_VALUE_LENGTH)
      issues.push({
        path: `tags.${key}`,
        message: `values are at most ${MAX_TAG_VALUE_LENGTH} characters on Zenlayer`,
      });
    else if (value === "")
      issues.push({ path: `tags.${key}`, message: "must not be empty: Zenlayer refuses empty tag values" });
  }
  // The target instance travels as a tag value until the EIP is associated.
  if (typeof request.instanceId === "string" && request.instanceId.length > MAX_TAG_VALUE_LENGTH)
    issues.push({ path: "instanceId", message: `is at most ${MAX_TAG_VALUE_LENGTH} characters on Zenlayer` });
  return issues;
}
