import {
  IpAllocatorError,
  createInvalidArgumentError,
  validateAllocateRequest,
  type AllocateRequest,
  type FieldIssue,
  type IpAllocatorCapabilities,
} from "@polycloud/core";
import { AlibabaEcsProviderOptionsSchema, type AlibabaEcsProviderOptions } from "./alibaba-ecs-provider-options.js";
import { ALIBABA_ECS_PROVIDER, ALIBABA_REGION_PATTERN } from "./alibaba-ecs-settings.js";

/** Instance ids as ECS issues them: printable ASCII without spaces (`i-bp1…`). @public */
export const INSTANCE_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;

/** A validated allocate request and its Alibaba options. @public */
export interface ValidatedAlibabaEcsRequest {
  request: AllocateRequest & { instanceId: string };
  providerOptions: AlibabaEcsProviderOptions;
}

/**
 * Validates an allocate request: the neutral schema and capabilities (core; instanceId required), the strict
 * provider options, then what Alibaba adds: the region id format, the allocator's own region (ECS endpoints
 * are regional) and the instance id format. Every bad field is listed in one INVALID_ARGUMENT, before any request.
 * @public
 */
export function validateAlibabaEcsRequest(
  input: unknown,
  context: { capabilities: IpAllocatorCapabilities; region: string },
): ValidatedAlibabaEcsRequest {
  let validated: { request: AllocateRequest; providerOptions: AlibabaEcsProviderOptions } | undefined;
  let issues: FieldIssue[] = [];
  try {
    validated = validateAllocateRequest(input, {
      provider: ALIBABA_ECS_PROVIDER,
      capabilities: context.capabilities,
      providerOptionsSchema: AlibabaEcsProviderOptionsSchema,
    });
  } catch (thrown) {
    if (!IpAllocatorError.hasCode(thrown, "INVALID_ARGUMENT")) throw thrown;
    issues = [...thrown.issues];
  }
  const known = new Set(issues.map((issue) => issue.path));
  const extra = findAlibabaIssues(
    validated?.request ?? (input as Partial<AllocateRequest> | undefined),
    context.region,
  );
  issues.push(...extra.filter((issue) => !known.has(issue.path)));
  if (issues.length > 0 || validated === undefined || validated.request.instanceId === undefined) {
    throw createInvalidArgumentError(issues, {
      provider: ALIBABA_ECS_PROVIDER,
      operation: "allocate",
      subject: "allocate request",
    });
  }
  // Checked above: the instance id is present (a cast instead of a copy, on the path of every allocate).
  return validated as ValidatedAlibabaEcsRequest;
}

function findAlibabaIssues(request: Partial<AllocateRequest> | undefined, configuredRegion: string): FieldIssue[] {
  if (typeof request !== "object" || request === null) return [];
  const issues: FieldIssue[] = [];
  const region = request.location?.region;
  if (typeof region === "string" && !ALIBABA_REGION_PATTERN.test(region)) {
    issues.push({ path: "location.region", message: "must be an Alibaba Cloud region id such as cn-hangzhou" });
  } else if (typeof region === "string" && region !== configuredRegion) {
    issues.push({
      path: "location.region",
      message: `this allocator works in ${configuredRegion}; configure another allocator for ${region}`,
    });
  }
  if (typeof request.instanceId === "string" && !INSTANCE_ID_PATTERN.test(request.instanceId)) {
    issues.push({ path: "instanceId", message: "must be an ECS instance id (printable ASCII, no spaces)" });
  }
  return issues;
}
