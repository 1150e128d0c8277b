import { dirname, resolve } from "node:path";
import { z } from "zod";
import { createInvalidArgumentError } from "../errors/create-invalid-argument-error.js";
import type { FieldIssue } from "../errors/ip-allocator-error.js";
import { recordConfigOrigin } from "./config-origin.js";
import type { AllocateDefaults } from "./parse-allocate-defaults.js";
import { readConfigFile, throwIfAborted } from "./read-config-file.js";
import { selectProviderSettings } from "./select-provider-settings.js";

/** File name looked up in the working directory when no path is given. @public */
export const DEFAULT_CONFIG_FILE = "polycloud.config.json";

/** The message of a missing provider: every accepted kind of value. @public */
export const PROVIDER_REQUIRED =
  "provider is required: alibaba-ecs, zenlayer-eip, aws-ec2, a package name or a plugin file path (set it in polycloud.config.json or POLYCLOUD_PROVIDER)";

/**
 * What `createIpAllocator` takes: the provider name plus that provider's settings, e.g.
 * `{ "provider": "alibaba-ecs", "region": "cn-hangzhou" }`. Settings are validated by the provider's plugin.
 * @public
 */
export const PolycloudConfigSchema = z.looseObject({
  provider: z.string({ error: PROVIDER_REQUIRED }).min(1, PROVIDER_REQUIRED),
});

/** @public */
export type PolycloudConfig = z.infer<typeof PolycloudConfigSchema>;

/** Where configuration comes from. @public */
export interface LoadConfigOptions {
  /** Config file path; default `$POLYCLOUD_CONFIG`, else `polycloud.config.json` in `cwd`. */
  path?: string;
  cwd?: string;
  /** Environment; default `process.env`. `POLYCLOUD_PROVIDER` selects the provider over the file's. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Values that win over the file and the environment (CLI flags): `provider`, or any setting. */
  overrides?: Readonly<Record<string, unknown>>;
  /** Stops loading: CANCELLED, or TIMEOUT for `AbortSignal.timeout(…)`. */
  signal?: AbortSignal;
}

/** One provider's configuration, read from the file format, ready for `createIpAllocator`. @public */
export interface LoadedConfig {
  /** `provider` plus its settings (top level and `providers.<provider>` merged). */
  config: PolycloudConfig;
  /** The selected provider (`config.provider`). */
  provider: string;
  /** Defaults for `allocator.allocate(…)` from the file's `allocate` blocks (location, instanceId, count, tags…). */
  allocate: AllocateDefaults;
  /** The file read, if any. */
  path: string | undefined;
  /** Directory relative paths (plugin files, settings) resolve against: the file's, else `cwd`. */
  baseDirectory: string;
}

/**
 * Reads the configuration file (`polycloud.config.json`, `$POLYCLOUD_CONFIG` or `path`), selects the
 * provider and returns its settings and allocate defaults. The file format:
 * `{ "$schema"?, "provider"?, "providers"?: { "<name>": { ...settings, "allocate"?: {…} } }, ...settings,
 * "allocate"?: {…} }`. The provider is `overrides.provider`, else `POLYCLOUD_PROVIDER`, else the file's
 * `provider`, else the only key of `providers`. Top-level settings belong to the file's own provider;
 * another selected provider gets only its `providers` section.
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming the file and every bad key.
 * @public
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicitPath = options.path ?? (env.POLYCLOUD_CONFIG || undefined);
  const path = resolve(cwd, explicitPath ?? DEFAULT_CONFIG_FILE);
  const file = await readConfigFile(path, { required: explicitPath !== undefined, signal: options.signal });
  const { provider: overrideProvider, ...overrideSettings } = options.overrides ?? {};
  const selected = selectProviderSettings(file ?? {}, {
    override: typeof overrideProvider === "string" && overrideProvider !== "" ? overrideProvider : undefined,
    environment: env.POLYCLOUD_PROVIDER || undefined,
  });
  for (const [key, value] of Object.entries(overrideSettings)) {
    if (value === undefined) continue;
    selected.settings[key] = value;
    selected.settingPaths.set(key, key);
  }
  const issues: FieldIssue[] = [...selected.issues];
  if (selected.provider === undefined)
    issues.unshift({
      path: "provider",
      message: file === undefined ? `${PROVIDER_REQUIRED}; no ${path} was found` : PROVIDER_REQUIRED,
    });
  if (issues.length > 0 || selected.provider === undefined) {
    throw createInvalidArgumentError(issues, { subject: `configuration${file ? ` (${path})` : ""}` });
  }
  throwIfAborted(options.signal);
  const config: PolycloudConfig = { provider: selected.provider, ...selected.settings };
  // A setting literally named "provider" cannot exist: the format key wins (selectProviderSettings took it out).
  config.provider = selected.provider;
  recordConfigOrigin(config, { file: file ? path : undefined, settingPaths: selected.settingPaths });
  return {
    config,
    provider: selected.provider,
    allocate: selected.allocate,
    path: file ? path : undefined,
    baseDirectory: file ? dirname(path) : cwd,
  };
}
