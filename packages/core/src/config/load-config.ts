import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { createInvalidArgumentError, parseOrThrow } from "../errors/create-invalid-argument-error.js";

/** File name looked up in the working directory when no path is given. @public */
export const DEFAULT_CONFIG_FILE = "polycloud.config.json";

const PROVIDER_REQUIRED = "provider is required: alibaba-ecs, zenlayer-eip, aws-ec2, a package name or a plugin file path (set it in polycloud.config.json or POLYCLOUD_PROVIDER)";

/**
 * Plain configuration: the provider name plus that provider's settings, e.g.
 * `{ "provider": "alibaba-ecs", "region": "cn-hangzhou" }`. Settings are validated by the provider's plugin.
 * @public
 */
export const PolycloudConfigSchema = z.looseObject({
  provider: z
    .string({ error: PROVIDER_REQUIRED })
    .min(1, PROVIDER_REQUIRED),
});

/** @public */
export type PolycloudConfig = z.infer<typeof PolycloudConfigSchema>;

/** Where configuration comes from. @public */
export interface LoadConfigOptions {
  /** Config file path; default `$POLYCLOUD_CONFIG`, else `polycloud.config.json` in `cwd`. */
  path?: string;
  cwd?: string;
  /** Environment; default `process.env`. `POLYCLOUD_PROVIDER` overrides the file's provider. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Values that win over the file and the environment (e.g. CLI flags). */
  overrides?: Readonly<Record<string, unknown>>;
}

/** A validated configuration and the directory its relative paths resolve against. @public */
export interface LoadedConfig {
  config: PolycloudConfig;
  /** The file read, if any. */
  path: string | undefined;
  baseDirectory: string;
}

/**
 * Reads `polycloud.config.json` (or the given path), applies `POLYCLOUD_PROVIDER` and overrides, and
 * validates the result. Every problem is an INVALID_ARGUMENT error naming the field or the file.
 * @public
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicitPath = options.path ?? env.POLYCLOUD_CONFIG;
  const path = resolve(cwd, explicitPath ?? DEFAULT_CONFIG_FILE);
  const fromFile = await readConfigFile(path, explicitPath !== undefined);
  const merged: Record<string, unknown> = { ...fromFile };
  if (env.POLYCLOUD_PROVIDER) merged.provider = env.POLYCLOUD_PROVIDER;
  Object.assign(merged, stripUndefined(options.overrides ?? {}));
  const config = parseOrThrow(PolycloudConfigSchema, merged, { subject: `configuration${fromFile ? ` (${path})` : ""}` });
  return { config, path: fromFile ? path : undefined, baseDirectory: fromFile ? dirname(path) : cwd };
}

async function readConfigFile(path: string, required: boolean): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === "ENOENT" && !required) return undefined;
    throw createInvalidArgumentError([{ path: "config", message: `cannot read ${path}: ${(thrown as Error).message}` }], { subject: "configuration", cause: thrown });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (thrown) {
    throw createInvalidArgumentError([{ path: "config", message: `${path} is not valid JSON: ${(thrown as Error).message}` }], { subject: "configuration", cause: thrown });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw createInvalidArgumentError([{ path: "config", message: `${path} must contain a JSON object` }], { subject: "configuration" });
  }
  return parsed as Record<string, unknown>;
}

function stripUndefined(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
