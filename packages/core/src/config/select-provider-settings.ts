import type { FieldIssue } from "../errors/ip-allocator-error.js";
import { BUILT_IN_PROVIDERS } from "./load-ip-allocator-plugin.js";
import { parseAllocateDefaults, resolveAllocateDefaults, type AllocateDefaults } from "./parse-allocate-defaults.js";
import { formatSuggestion, suggestClosestKey } from "./suggest-closest-key.js";

/** Keys of the file format itself; every other top-level key is a setting of the file's provider. @public */
export const CONFIG_FORMAT_KEYS = ["$schema", "provider", "providers", "allocate"] as const;

/** What decides the provider, strongest first. */
export interface ProviderChoice {
  /** `--provider` / `overrides.provider`. */
  override: string | undefined;
  /** `POLYCLOUD_PROVIDER`. */
  environment: string | undefined;
}

/** One provider's configuration taken out of a file. */
export interface SelectedSettings {
  provider: string | undefined;
  settings: Record<string, unknown>;
  settingPaths: Map<string, string>;
  allocate: AllocateDefaults;
  issues: FieldIssue[];
}

/**
 * Applies the file format: picks the provider (override > `POLYCLOUD_PROVIDER` > the file's `provider` >
 * the only key of `providers`) and gathers its settings. Top-level settings belong to the file's own
 * `provider` (or to whichever is selected when the file names none); selecting another provider uses
 * `providers.<selected>` alone, so one provider's keys never reach another. `allocate` is provider-neutral:
 * the top-level block applies to every provider, `providers.<selected>.allocate` is merged over it.
 */
export function selectProviderSettings(
  file: Readonly<Record<string, unknown>>,
  choice: ProviderChoice,
): SelectedSettings {
  const issues: FieldIssue[] = [];
  const { $schema: _schema, provider: fileProvider, providers, allocate: topAllocate, ...topSettings } = file;
  if (fileProvider !== undefined && (typeof fileProvider !== "string" || fileProvider === ""))
    issues.push({
      path: "provider",
      message: "must be a non-empty string: a built-in provider name, a package name or a plugin file path",
    });
  const sections = readSections(providers, issues);
  const sectionNames = Object.keys(sections ?? {});
  const ownProvider = typeof fileProvider === "string" && fileProvider !== "" ? fileProvider : undefined;
  const provider =
    choice.override ?? choice.environment ?? ownProvider ?? (sectionNames.length === 1 ? sectionNames[0] : undefined);
  const settings: Record<string, unknown> = {};
  const settingPaths = new Map<string, string>();
  const topLevelApplies = ownProvider === undefined || ownProvider === provider;
  if (topLevelApplies) {
    for (const [key, value] of Object.entries(topSettings)) {
      settings[key] = value;
      settingPaths.set(key, key);
    }
  }
  const section = provider === undefined ? undefined : sections?.[provider];
  const { allocate: sectionAllocate, ...sectionSettings } = section ?? {};
  for (const [key, value] of Object.entries(sectionSettings)) {
    settings[key] = value;
    settingPaths.set(key, `providers.${provider}.${key}`);
  }
  if (provider !== undefined && section === undefined && sections !== undefined) {
    const misspelt = suggestClosestKey(provider, sectionNames);
    if (misspelt !== undefined)
      issues.push({
        path: `providers.${misspelt}`,
        message: `is not the selected provider "${provider}"; did you mean "${provider}"?`,
      });
    else if (!topLevelApplies)
      issues.push({
        path: "providers",
        message: `has no "${provider}" section for the selected provider (the top-level settings belong to "${ownProvider}" and are never given to another provider)`,
      });
  }
  const top = parseAllocateDefaults(topAllocate, "allocate");
  const inSection = parseAllocateDefaults(sectionAllocate, `providers.${provider}.allocate`);
  issues.push(...top.issues, ...inSection.issues);
  const locationPath =
    inSection.defaults.location !== undefined ? `providers.${provider}.allocate.location` : "allocate.location";
  const resolved =
    provider === undefined
      ? { allocate: {}, issues: [] }
      : resolveAllocateDefaults({ ...top.defaults, ...inSection.defaults }, provider, settings, locationPath);
  issues.push(...resolved.issues);
  return { provider, settings, settingPaths, allocate: resolved.allocate, issues };
}

function readSections(providers: unknown, issues: FieldIssue[]): Record<string, Record<string, unknown>> | undefined {
  if (providers === undefined) return undefined;
  if (!isPlainObject(providers)) {
    issues.push({
      path: "providers",
      message: `must be an object of settings keyed by provider name, e.g. { "alibaba-ecs": { "region": "cn-hangzhou" } }`,
    });
    return undefined;
  }
  const sections: Record<string, Record<string, unknown>> = {};
  for (const [name, section] of Object.entries(providers)) {
    if (isPlainObject(section)) sections[name] = section;
    else
      issues.push({
        path: `providers.${name}`,
        message: `must be an object of ${name} settings${BUILT_IN_PROVIDERS[name] === undefined ? formatSuggestion(name, Object.keys(BUILT_IN_PROVIDERS)) : ""}`,
      });
  }
  return sections;
}

/** True for `{…}` JSON objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
