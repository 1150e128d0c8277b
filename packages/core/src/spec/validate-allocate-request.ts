import type { SettingsSchema } from "../config/ip-allocator-plugin.js";
import { createInvalidArgumentError, parseOrThrow, toFieldIssues } from "../errors/create-invalid-argument-error.js";
import type { FieldIssue } from "../errors/ip-allocator-error.js";
import { AllocateRequestSchema, type AllocateRequest } from "./allocate-request.js";
import type { IpAllocatorCapabilities } from "./ip-allocator.js";

/**
 * Validates a neutral allocate request against the schema and the provider's capabilities (instance
 * required or not allowed, location kind, count limit), then the provider's own `providerOptions`
 * entry with its schema. Throws one INVALID_ARGUMENT listing every bad field, before anything is sent.
 * Options addressed to other providers are ignored, so one request works with any configured provider.
 * The options schema may be a zod schema or any object with a compatible `safeParse`.
 * @public
 */
export function validateAllocateRequest<ProviderOptions>(
  input: unknown,
  context: {
    provider: string;
    capabilities: IpAllocatorCapabilities;
    providerOptionsSchema: SettingsSchema<ProviderOptions>;
  },
): { request: AllocateRequest; providerOptions: ProviderOptions } {
  const subject = { provider: context.provider, operation: "allocate", subject: "allocate request" };
  const reserved = findPrototypeKeys(input);
  if (reserved.length > 0) throw createInvalidArgumentError(reserved, subject);
  const request = parseOrThrow(AllocateRequestSchema, input, subject);
  const issues: FieldIssue[] = [];
  const { capabilities } = context;
  if (capabilities.requiresInstance && request.instanceId === undefined)
    issues.push({
      path: "instanceId",
      message: `${context.provider} allocates onto an instance: instanceId is required`,
    });
  if (!capabilities.supportsInstance && request.instanceId !== undefined)
    issues.push({ path: "instanceId", message: `${context.provider} does not attach to instances` });
  const locationValue = request.location[capabilities.locationKind];
  if (locationValue === undefined)
    issues.push({
      path: `location.${capabilities.locationKind}`,
      message: `${context.provider} needs a ${capabilities.locationKind}`,
    });
  if (request.count > capabilities.maxCountPerCall)
    issues.push({
      path: "count",
      message: `${context.provider} allocates at most ${capabilities.maxCountPerCall} per call`,
    });
  const options = context.providerOptionsSchema.safeParse(request.providerOptions[context.provider] ?? {});
  if (!options.success)
    issues.push(
      ...toFieldIssues(options.error).map((issue) => ({
        ...issue,
        path: ["providerOptions", context.provider, issue.path].filter(Boolean).join("."),
      })),
    );
  if (issues.length > 0 || !options.success) throw createInvalidArgumentError(issues, subject);
  return { request, providerOptions: options.data };
}

/**
 * Validates a resource id passed to describe / release / waitUntilReady.
 * @public
 */
export function validateResourceId(
  id: unknown,
  context: { provider: string; operation: string; pattern?: RegExp; hint?: string },
): string {
  if (
    typeof id !== "string" ||
    id.trim() === "" ||
    id.length > 256 ||
    (context.pattern !== undefined && !context.pattern.test(id))
  ) {
    throw createInvalidArgumentError(
      [{ path: "id", message: context.hint ?? "must be a non-empty id returned by allocate" }],
      {
        provider: context.provider,
        operation: context.operation,
        subject: `${context.operation} id`,
      },
    );
  }
  return id;
}

/**
 * `__proto__` keys (what `JSON.parse` makes of one in a config file) would be silently dropped by record
 * parsing, so a tag or option the caller asked for would vanish: refuse them instead.
 */
function findPrototypeKeys(input: unknown): FieldIssue[] {
  if (typeof input !== "object" || input === null) return [];
  const issues: FieldIssue[] = [];
  // One mutable path, joined only for the keys reported: this walk runs on every allocate.
  const path: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value !== "object" || value === null || path.length > 4) return;
    for (const key of Object.keys(value)) {
      path.push(key);
      if (key === "__proto__") issues.push({ path: path.join("."), message: "__proto__ is not allowed as a key" });
      else visit((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(input);
  return issues;
}
