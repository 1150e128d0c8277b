import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  createInvalidArgumentError,
  DEFAULT_CONFIG_FILE,
  IpAllocatorError,
  loadConfig,
  type AllocateDefaults,
  type PolycloudConfig,
} from "@polycloud/core";
import type { AllocationTarget } from "./allocation-target.js";
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
  /** Bounds loading (the CLI's `--timeout`): TIMEOUT or CANCELLED. */
  signal?: AbortSignal;
}

/** A validated configuration, ready for `createIpAllocator`. @public */
export interface AllocateIpConfig {
  /** `provider` plus that provider's settings, as core's `loadConfig` selected them. */
  config: PolycloudConfig;
  /** Directory relative paths in the configuration resolve against (the file's directory). */
  baseDirectory: string;
  /** The file read, if any. */
  path: string | undefined;
  /** The file's allocate defaults as core returns them (request shape). */
  allocate: AllocateDefaults;
  /** The same defaults in the CLI's neutral terms (`location` a region or a zone), for merging with flags. */
  target: AllocationTarget;
  env: Readonly<Record<string, string | undefined>>;
  /** Credential values found in the selected settings and the environment, to mask in anything printed. */
  secretValues: string[];
}

/**
 * Loads configuration with core's `loadConfig`: the one file format the library and the CLI share
 * (`provider`, `providers.<name>`, `allocate`; see core's README), `POLYCLOUD_CONFIG` and
 * `POLYCLOUD_PROVIDER`, with `--provider` as the override. This layer only adds the CLI's view of the
 * allocate defaults, the secrets to mask and a friendlier message when there is no file at all.
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming the file and the wrong key.
 * @public
 */
export async function loadAllocateIpConfig(source: ConfigSource = {}): Promise<AllocateIpConfig> {
  const env = source.env ?? process.env;
  const loaded = await loadConfig({
    path: source.configPath,
    cwd: source.cwd,
    env,
    overrides: { provider: source.provider },
    signal: source.signal,
  }).catch((thrown: unknown) => {
    throw explainMissingConfigFile(thrown, source, env);
  });
  return {
    config: loaded.config,
    baseDirectory: loaded.baseDirectory,
    path: loaded.path,
    allocate: loaded.allocate,
    target: toAllocationTarget(loaded.allocate),
    env,
    secretValues: collectSecretValues(loaded.config, env),
  };
}

function toAllocationTarget(allocate: AllocateDefaults): AllocationTarget {
  const { location, ...rest } = allocate;
  const place = location?.region ?? location?.zone;
  return { ...(place !== undefined && { location: place }), ...rest } as AllocationTarget;
}

/**
 * Core reports a missing provider when there is no config file at all; a new user needs to hear that the
 * file is missing, where it was looked for, and the CLI's ways out.
 */
function explainMissingConfigFile(
  thrown: unknown,
  source: ConfigSource,
  env: Readonly<Record<string, string | undefined>>,
): unknown {
  const expected = resolve(source.cwd ?? process.cwd(), DEFAULT_CONFIG_FILE);
  const isMissingFile = source.configPath === undefined && !env.POLYCLOUD_CONFIG && !existsSync(expected);
  if (!isMissingFile || !IpAllocatorError.hasCode(thrown, "INVALID_ARGUMENT") || thrown.issues[0]?.path !== "provider")
    return thrown;
  const message = `no configuration: ${expected} does not exist (pass --config <file>, set POLYCLOUD_CONFIG, or try "allocate-ip demo")`;
  return createInvalidArgumentError([{ path: "provider", message }], { subject: "configuration", cause: thrown });
}
