import {
  createInvalidArgumentError,
  validateAllocateRequest,
  validateResourceId,
  type AllocateRequest,
  type IpAllocatorCapabilities,
} from "@polycloud/core";
import { z } from "zod";
import { IN_MEMORY_PROVIDER } from "./in-memory-settings.js";

/** The tag every allocation carries: its idempotency key (the caller's, or one generated per call). */
export const IDEMPOTENCY_TAG_KEY = "polycloud:idempotency-key";

/** `request.providerOptions["in-memory"]`: `.strict()` so a misspelt option fails before any call. */
export const InMemoryProviderOptionsSchema = z
  .object({
    /** Free text stored with the allocation and returned in `raw`. */
    description: z.string().max(256).optional(),
  })
  .strict();

/** A request the cloud will accept, as far as the adapter can tell without asking. */
export interface InMemoryAllocateRequest extends AllocateRequest {
  location: { zone: string };
  description: string | undefined;
}

/**
 * Validates an allocate request before anything is sent: core's neutral schema against the capabilities, the
 * provider options, and the tag prefix the adapter reserves for itself.
 * @throws {IpAllocatorError} one INVALID_ARGUMENT naming every bad field.
 */
export function validateInMemoryRequest(
  input: unknown,
  capabilities: IpAllocatorCapabilities,
): InMemoryAllocateRequest {
  const { request, providerOptions } = validateAllocateRequest(input, {
    provider: IN_MEMORY_PROVIDER,
    capabilities,
    providerOptionsSchema: InMemoryProviderOptionsSchema,
  });
  const reserved = Object.keys(request.tags).filter((key) => key.startsWith("polycloud:"));
  if (reserved.length > 0) {
    const issues = reserved.map((key) => ({
      path: `tags.${key}`,
      message: "the polycloud: prefix is reserved for the adapter's own tags",
    }));
    throw createInvalidArgumentError(issues, {
      provider: IN_MEMORY_PROVIDER,
      operation: "allocate",
      subject: "allocate request",
    });
  }
  // locationKind is "zone", so validateAllocateRequest has made sure there is one.
  return { ...request, location: { zone: request.location.zone as string }, description: providerOptions.description };
}

/** Validates an id passed to describe / release / waitUntilReady (the cloud's ids look like `mem-ip-12`). */
export function validateInMemoryId(id: unknown, operation: string): string {
  return validateResourceId(id, {
    provider: IN_MEMORY_PROVIDER,
    operation,
    pattern: /^[\x21-\x7e]{1,128}$/,
    hint: "must be an id returned by allocate",
  });
}
