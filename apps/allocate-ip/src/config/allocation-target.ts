import type { FieldIssue } from "@polycloud/core";

/**
 * What to allocate, in provider-neutral terms. `location` is a region or a zone: the provider's
 * `capabilities.locationKind` decides which, so the same target shape works on every provider.
 * @public
 */
export interface AllocationTarget {
  /** Region (Alibaba ECS, AWS EC2) or zone (Zenlayer), as the provider's capabilities say. */
  location?: string;
  /** Instance to allocate onto or associate with. */
  instanceId?: string;
  count?: number;
  tags?: Record<string, string>;
  idempotencyKey?: string;
  /** Provider-only knobs keyed by provider name, passed through to the adapter. */
  providerOptions?: Record<string, Record<string, unknown>>;
}

const TARGET_KEYS = new Set(["location", "instanceId", "count", "tags", "idempotencyKey", "providerOptions"]);

/**
 * Checks an `allocate` defaults block from a config file and returns it typed, or the issues found
 * (paths prefixed with `prefix` so the user sees exactly where in the file).
 */
export function parseAllocationTarget(value: unknown, prefix: string): { target: AllocationTarget; issues: FieldIssue[] } {
  if (value === undefined) return { target: {}, issues: [] };
  if (!isPlainObject(value)) return { target: {}, issues: [{ path: prefix, message: "must be an object" }] };
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(value)) {
    if (!TARGET_KEYS.has(key)) issues.push({ path: `${prefix}.${key}`, message: `unknown key (expected one of ${[...TARGET_KEYS].join(", ")})` });
  }
  for (const key of ["location", "instanceId", "idempotencyKey"] as const) {
    if (value[key] !== undefined && (typeof value[key] !== "string" || value[key] === "")) issues.push({ path: `${prefix}.${key}`, message: "must be a non-empty string" });
  }
  if (value.count !== undefined && !(Number.isInteger(value.count) && (value.count as number) >= 1)) issues.push({ path: `${prefix}.count`, message: "must be a positive integer" });
  if (value.tags !== undefined && !(isPlainObject(value.tags) && Object.values(value.tags).every((tag) => typeof tag === "string"))) {
    issues.push({ path: `${prefix}.tags`, message: "must be an object of string values" });
  }
  if (value.providerOptions !== undefined && !(isPlainObject(value.providerOptions) && Object.values(value.providerOptions).every(isPlainObject))) {
    issues.push({ path: `${prefix}.providerOptions`, message: "must be an object of objects keyed by provider name" });
  }
  return { target: issues.length === 0 ? (value as AllocationTarget) : {}, issues };
}

/** True for `{…}` JSON objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
