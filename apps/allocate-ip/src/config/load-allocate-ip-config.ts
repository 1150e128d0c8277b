import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createInvalidArgumentError, DEFAULT_CONFIG_FILE, IpAllocatorError, loadConfig, type FieldIssue, type PolycloudConfig } from "@polycloud/core";
import { isPlainObject, parseAllocationTarget, type AllocationTarget } from "./allocation-target.js";
import { collectSecretValues } from "./collect-secret-values.js";

/** Where configuration comes from. Every field is optional; the defaults are those of a shell. @public */
export interface ConfigSource {
  /** Config file; default `$POLYCLOUD_CONFIG`, else `polycloud.config.json` in `cwd`. */
  configPath?: string;
  /** Provider name that wins over the file and `$POLYCLOUD_PROVIDER`. */
  provider?: string;
  cwd?: string;
  /** Environment for `POLYCLOUD_*` and the providers' credential variables; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A validated configuration, ready for `createIpAllocator`. @public */
export interface AllocateIpConfig {
  /** `provider` plus that provider's settings (sections and app keys already resolved). */
  config: PolycloudConfig;
  /** Directory relative paths in the configuration resolve against (the file's directory). */
  baseDirectory: string;
  /** The file read, if any. */
  path: string | undefined;
  /** Allocate defaults from the file's `allocate` blocks. */
  target: AllocationTarget;
  env: Readonly<Record<string, string | undefined>>;
  /** Credential values found in the file and the environment, to mask in anything printed. */
  secretValues: string[];
}

/** Keys this app reads itself; they are never handed to a provider's settings schema. */
const APP_KEYS = ["providers", "allocate", "$schema"] as const;

/**
 * Loads configuration with core's `loadConfig` (file, `POLYCLOUD_CONFIG`, `POLYCLOUD_PROVIDER`,
 * overrides), then resolves this app's two additions so one file can serve several providers:
 * `providers.<name>` (settings merged over the top level when `<name>` is the selected provider) and
 * `allocate` (defaults for the allocate command, at the top level or inside a provider's section).
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming the file and the wrong field.
 * @public
 */
export async function loadAllocateIpConfig(source: ConfigSource = {}): Promise<AllocateIpConfig> {
  const env = source.env ?? process.env;
  const loaded = await loadConfig({ path: source.configPath, cwd: source.cwd, env, overrides: { provider: source.provider } }).catch((thrown: unknown) => {
    throw explainMissingConfigFile(thrown, source, env);
  });
  const { providers, allocate, ...topLevelSettings } = loaded.config;
  const provider = loaded.config.provider;
  const issues: FieldIssue[] = [];
  if (providers !== undefined && !(isPlainObject(providers) && Object.values(providers).every(isPlainObject))) {
    issues.push({ path: "providers", message: "must be an object of settings objects keyed by provider name" });
  }
  const section = isPlainObject(providers) && isPlainObject(providers[provider]) ? providers[provider] : {};
  const { allocate: sectionAllocate, ...sectionSettings } = section;
  const topLevelTarget = parseAllocationTarget(allocate, "allocate");
  const sectionTarget = parseAllocationTarget(sectionAllocate, `providers.${provider}.allocate`);
  issues.push(...topLevelTarget.issues, ...sectionTarget.issues);
  if (issues.length > 0) {
    throw createInvalidArgumentError(issues, { subject: `configuration${loaded.path ? ` (${loaded.path})` : ""}` });
  }
  const settings = withoutAppKeys({ ...topLevelSettings, ...sectionSettings });
  return {
    config: { ...settings, provider },
    baseDirectory: loaded.baseDirectory,
    path: loaded.path,
    target: { ...topLevelTarget.target, ...sectionTarget.target },
    env,
    secretValues: collectSecretValues(loaded.config, env),
  };
}

function withoutAppKeys(settings: Record<string, unknown>): Record<string, unknown> {
  const result = { ...settings };
  for (const key of APP_KEYS) delete result[key];
  return result;
}

/**
 * Core reports a missing provider when there is no config file at all; a new user needs to hear that the
 * file is missing and where it was looked for.
 */
function explainMissingConfigFile(thrown: unknown, source: ConfigSource, env: Readonly<Record<string, string | undefined>>): unknown {
  const expected = resolve(source.cwd ?? process.cwd(), DEFAULT_CONFIG_FILE);
  const isMissingFile = source.configPath === undefined && env.POLYCLOUD_CONFIG === undefined && !existsSync(expected);
  if (!isMissingFile || !IpAllocatorError.hasCode(thrown, "INVALID_ARGUMENT") || thrown.issues[0]?.path !== "provider") return thrown;
  const message = `no configuration: ${expected} does not exist (pass --config <file>, set POLYCLOUD_CONFIG, or try "allocate-ip demo")`;
  return createInvalidArgumentError([{ path: "provider", message }], { subject: "configuration", cause: thrown });
}
