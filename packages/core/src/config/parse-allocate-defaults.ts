import { z } from "zod";
import type { FieldIssue } from "../errors/ip-allocator-error.js";
import {
  AllocateRequestSchema,
  LocationSchema,
  type AllocateRequestInput,
  type Location,
} from "../spec/allocate-request.js";
import { mapSchemaIssues } from "./map-schema-issues.js";

/**
 * The `allocate` block of a configuration file: defaults for `allocator.allocate(…)`, every field of
 * {@link AllocateRequestInput} optional. `location` may also be a plain string, a region or a zone as the
 * provider's `capabilities.locationKind` says (resolved for the built-in providers).
 * @public
 */
export type AllocateDefaultsInput = Partial<Omit<AllocateRequestInput, "location">> & { location?: Location | string };

/** Allocate defaults as `loadConfig` returns them: ready to pass to `allocator.allocate`. @public */
export type AllocateDefaults = Partial<AllocateRequestInput>;

/** Whether each built-in provider takes a region or a zone (its `capabilities.locationKind`). */
const BUILT_IN_LOCATION_KINDS: Readonly<Record<string, "region" | "zone">> = {
  "alibaba-ecs": "region",
  "zenlayer-eip": "zone",
  "aws-ec2": "region",
};

// The request's own schema, every field optional and without defaults: only what the file says is returned.
const AllocateDefaultsSchema = z
  .object({
    location: z.union([z.string().min(1).max(64), LocationSchema]).optional(),
    instanceId: AllocateRequestSchema.shape.instanceId,
    count: z.number().int().min(1).max(100).optional(),
    tags: AllocateRequestSchema.shape.tags.unwrap().optional(),
    idempotencyKey: AllocateRequestSchema.shape.idempotencyKey,
    providerOptions: AllocateRequestSchema.shape.providerOptions.unwrap().optional(),
  })
  .strict();

/**
 * Validates one `allocate` block; issue paths start with `prefix` (`allocate`, `providers.<name>.allocate`)
 * and an unknown key gets a "did you mean".
 * @public
 */
export function parseAllocateDefaults(
  value: unknown,
  prefix: string,
): { defaults: AllocateDefaultsInput; issues: FieldIssue[] } {
  if (value === undefined) return { defaults: {}, issues: [] };
  const parsed = AllocateDefaultsSchema.safeParse(value);
  if (parsed.success) return { defaults: parsed.data as AllocateDefaultsInput, issues: [] };
  const issues = mapSchemaIssues(parsed.error.issues, AllocateDefaultsSchema).map((issue) => ({
    ...issue,
    path: [prefix, issue.path].filter(Boolean).join("."),
  }));
  return { defaults: {}, issues };
}

/**
 * Final defaults for one provider: a string location becomes `{ region }` or `{ zone }` (built-in
 * providers; a plugin's file must write the object), and a missing location falls back to the settings'
 * `region` so a region-based provider needs it only once.
 * @public
 */
export function resolveAllocateDefaults(
  defaults: AllocateDefaultsInput,
  provider: string,
  settings: Readonly<Record<string, unknown>>,
  path: string,
): { allocate: AllocateDefaults; issues: FieldIssue[] } {
  const { location, ...rest } = defaults;
  if (typeof location === "string") {
    const kind = BUILT_IN_LOCATION_KINDS[provider];
    if (kind === undefined) {
      return {
        allocate: {},
        issues: [
          {
            path,
            message: `"${location}" could be a region or a zone for provider "${provider}": write { "region": "${location}" } or { "zone": "${location}" }`,
          },
        ],
      };
    }
    return { allocate: { ...rest, location: { [kind]: location } }, issues: [] };
  }
  if (location === undefined && typeof settings.region === "string")
    return { allocate: { ...rest, location: { region: settings.region } }, issues: [] };
  return { allocate: location === undefined ? rest : { ...rest, location }, issues: [] };
}
