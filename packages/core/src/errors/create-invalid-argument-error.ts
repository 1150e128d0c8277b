import type { z } from "zod";
import { IpAllocatorError, type FieldIssue } from "./ip-allocator-error.js";

/** Where an invalid value came from, so the message names the right thing. @public */
export interface InvalidArgumentContext {
  provider?: string;
  operation?: string;
  /** Prefix for every field path, e.g. `providerOptions.zenlayer-eip`. */
  pathPrefix?: string;
  /** What was being validated, for the message: "allocate request", "configuration", … */
  subject?: string;
  /** The underlying failure, when there is one (a JSON syntax error, a failed import). */
  cause?: unknown;
}

/**
 * An INVALID_ARGUMENT error listing the bad fields. The message names each field so a user reading only
 * the message (or a CLI's output) knows what to fix.
 * @public
 */
export function createInvalidArgumentError(
  issues: readonly FieldIssue[],
  context: InvalidArgumentContext = {},
): IpAllocatorError {
  const prefixed = issues.map((issue) => ({
    path: [context.pathPrefix, issue.path].filter((part) => part !== undefined && part !== "").join("."),
    message: issue.message,
  }));
  const listing = prefixed.map((issue) => `${issue.path || "(root)"}: ${issue.message}`).join("; ");
  return new IpAllocatorError({
    code: "INVALID_ARGUMENT",
    message: `Invalid ${context.subject ?? "input"}: ${listing}`,
    provider: context.provider,
    operation: context.operation,
    issues: prefixed,
    cause: context.cause,
  });
}

/**
 * Converts schema issues (zod's, or any `{ path, message }` list) into field issues; the values themselves are
 * never copied (they may be secrets).
 * @public
 */
export function toFieldIssues(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/**
 * Validates `value` with `schema`, returning the parsed output or throwing INVALID_ARGUMENT.
 * @public
 */
export function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  context: InvalidArgumentContext = {},
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw createInvalidArgumentError(toFieldIssues(result.error), context);
}
