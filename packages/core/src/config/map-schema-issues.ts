import type { FieldIssue } from "../errors/ip-allocator-error.js";
import { formatSuggestion } from "./suggest-closest-key.js";

/** One schema issue as zod reports it; other schema libraries supply `path` and `message` only. */
interface SchemaIssue {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly code?: string;
  readonly keys?: readonly string[];
  readonly errors?: ReadonlyArray<ReadonlyArray<SchemaIssue>>;
}

/**
 * Turns schema issues into field issues a user can act on: an unknown key is named (`regoin: unknown key;
 * did you mean "region"?`, the known keys read from the schema) and a failed union (`credentials: Invalid
 * input`) is replaced by the issues of the alternative that came closest
 * (`credentials.accessKeySecret: …`). Values are never copied (they may be secrets).
 * @public
 */
export function mapSchemaIssues(
  issues: ReadonlyArray<SchemaIssue>,
  schema: unknown,
  extraTopLevelKeys: readonly string[] = [],
): FieldIssue[] {
  return issues.flatMap((issue) => mapIssue(issue, [], schema, extraTopLevelKeys));
}

function mapIssue(
  issue: SchemaIssue,
  prefix: readonly PropertyKey[],
  schema: unknown,
  extraTopLevelKeys: readonly string[],
): FieldIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors !== undefined && issue.errors.length > 0) {
    return mapIssues(pickClosestAlternative(issue.errors), path, schema, extraTopLevelKeys);
  }
  if (issue.code === "unrecognized_keys" && issue.keys !== undefined) {
    const known = [...listSchemaKeys(schema, path), ...(path.length === 0 ? extraTopLevelKeys : [])];
    return issue.keys.map((key) => ({
      path: joinPath([...path, key]),
      message: `unknown key "${key}"${formatSuggestion(key, known)}`,
    }));
  }
  return [{ path: joinPath(path), message: issue.message }];
}

function mapIssues(
  issues: ReadonlyArray<SchemaIssue>,
  prefix: readonly PropertyKey[],
  schema: unknown,
  extraTopLevelKeys: readonly string[],
): FieldIssue[] {
  return issues.flatMap((issue) => mapIssue(issue, prefix, schema, extraTopLevelKeys));
}

/**
 * The alternative the value most likely meant: fewest issues, and among those the one whose issues are
 * not about unknown keys or the value's type (a custom message says more than "expected object").
 */
function pickClosestAlternative(alternatives: ReadonlyArray<ReadonlyArray<SchemaIssue>>): ReadonlyArray<SchemaIssue> {
  const score = (issues: ReadonlyArray<SchemaIssue>) =>
    issues.length * 10 +
    issues.filter((issue) => issue.code === "unrecognized_keys" || issue.code === "invalid_type").length;
  return alternatives.reduce((best, candidate) => (score(candidate) < score(best) ? candidate : best));
}

/** The keys an object schema at `path` declares, looking through optional, default and union wrappers. */
export function listSchemaKeys(schema: unknown, path: readonly PropertyKey[]): string[] {
  let current: unknown[] = [schema];
  for (const segment of path)
    current = current.flatMap((candidate) =>
      unwrapObjects(candidate)
        .map((object) => object.shape[String(segment)])
        .filter((child) => child !== undefined),
    );
  return [
    ...new Set(current.flatMap((candidate) => unwrapObjects(candidate).flatMap((object) => Object.keys(object.shape)))),
  ];
}

interface SchemaDefinition {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  options?: unknown[];
  in?: unknown;
}

/** Object schemas reachable from `schema` through zod's wrappers; an unknown schema library yields none. */
function unwrapObjects(schema: unknown, depth = 0): Array<{ shape: Record<string, unknown> }> {
  const definition = (schema as { _zod?: { def?: SchemaDefinition } } | undefined)?._zod?.def;
  if (definition === undefined || depth > 8) return [];
  if (definition.type === "object" && definition.shape !== undefined) return [{ shape: definition.shape }];
  if (definition.type === "union")
    return (definition.options ?? []).flatMap((option) => unwrapObjects(option, depth + 1));
  if (definition.type === "pipe") return unwrapObjects(definition.in, depth + 1);
  return definition.innerType === undefined ? [] : unwrapObjects(definition.innerType, depth + 1);
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}
