import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { IpAllocatorError } from "@polycloud/core";
import { z } from "zod";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";
import type { AlibabaEcsCredentials } from "./sign-alibaba-ecs-request.js";

/** Environment variables of the credential chain (the names the official SDK and CLI read). @public */
export const ALIBABA_CREDENTIAL_ENVIRONMENT = {
  accessKeyId: "ALIBABA_CLOUD_ACCESS_KEY_ID",
  accessKeySecret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  securityToken: "ALIBABA_CLOUD_SECURITY_TOKEN",
  profile: "ALIBABA_CLOUD_PROFILE",
  profileDisabled: "ALIBABA_CLOUD_CLI_PROFILE_DISABLED",
} as const;

/** Inputs of {@link resolveAlibabaEcsCredentials}. @public */
export interface ResolveAlibabaEcsCredentialsInput {
  /** Explicit credentials from the settings; they win over everything else. */
  credentials?: AlibabaEcsCredentials;
  /** Profile name overriding `ALIBABA_CLOUD_PROFILE` and the file's `current`. */
  profile?: string;
  /** CLI config file overriding `<HOME>/.aliyun/config.json`. */
  configFile?: string;
  /** Environment to read (tests pass their own, including `HOME`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory a relative `configFile` resolves against. Default `process.cwd()`. */
  baseDirectory?: string;
  /** Operation that needed the credentials, for the error. */
  operation?: string;
}

/** Credentials plus where they came from (never the values themselves in that description). @public */
export interface ResolvedAlibabaEcsCredentials extends AlibabaEcsCredentials {
  /** `settings`, `environment` or `profile "<name>" in <file>`. */
  source: string;
}

const ProfileSchema = z.looseObject({
  name: z.string(),
  mode: z.string().optional(),
  access_key_id: z.string().optional(),
  access_key_secret: z.string().optional(),
  sts_token: z.string().optional(),
});
const CliConfigSchema = z.looseObject({ current: z.string().optional(), profiles: z.array(ProfileSchema).default([]) });

/**
 * Resolves credentials: explicit settings → `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`
 * (+ `ALIBABA_CLOUD_SECURITY_TOKEN`) → the aliyun CLI file `~/.aliyun/config.json`, profile from the settings,
 * `ALIBABA_CLOUD_PROFILE` or the file's `current` (modes `AK` and `StsToken`).
 * @throws {IpAllocatorError} UNAUTHENTICATED listing what was looked for; messages never contain a secret.
 * @public
 */
export async function resolveAlibabaEcsCredentials(input: ResolveAlibabaEcsCredentialsInput): Promise<ResolvedAlibabaEcsCredentials> {
  if (input.credentials !== undefined) return { ...input.credentials, source: "settings" };
  const fromEnvironment = readEnvironmentCredentials(input);
  if (fromEnvironment !== undefined) return fromEnvironment;
  const names = ALIBABA_CREDENTIAL_ENVIRONMENT;
  const lookedFor = ["settings.credentials", `environment variables ${names.accessKeyId} and ${names.accessKeySecret}`];
  if (input.env[names.profileDisabled]?.toLowerCase() === "true") {
    throw credentialError(input, `No Alibaba Cloud credentials found. Looked for: ${lookedFor.join("; ")} (the CLI profile is disabled by ${names.profileDisabled}).`, lookedFor);
  }
  const path = resolveConfigFilePath(input);
  const text = await readConfigFile(path, input);
  const requestedProfile = input.profile ?? nonEmpty(input.env[names.profile]);
  if (text === undefined) {
    lookedFor.push(`profile "${requestedProfile ?? "current"}" in ${path} (file not found)`);
    throw credentialError(input, `No Alibaba Cloud credentials found. Looked for: ${lookedFor.join("; ")}.`, lookedFor);
  }
  const config = parseCliConfig(text, path, input);
  const profileName = requestedProfile ?? nonEmpty(config.current) ?? "default";
  const profile = config.profiles.find((candidate) => candidate.name === profileName);
  if (profile === undefined) {
    lookedFor.push(`profile "${profileName}" in ${path} (no such profile)`);
    throw credentialError(input, `No Alibaba Cloud credentials found. Looked for: ${lookedFor.join("; ")}.`, lookedFor);
  }
  return readProfileCredentials(profile, path, input);
}

function readEnvironmentCredentials(input: ResolveAlibabaEcsCredentialsInput): ResolvedAlibabaEcsCredentials | undefined {
  const names = ALIBABA_CREDENTIAL_ENVIRONMENT;
  const accessKeyId = nonEmpty(input.env[names.accessKeyId]);
  const accessKeySecret = nonEmpty(input.env[names.accessKeySecret]);
  if (accessKeyId === undefined && accessKeySecret === undefined) return undefined;
  if (accessKeyId === undefined || accessKeySecret === undefined) {
    const [set, missing] = accessKeyId === undefined ? [names.accessKeySecret, names.accessKeyId] : [names.accessKeyId, names.accessKeySecret];
    throw credentialError(input, `${set} is set but ${missing} is not: set both (and ${names.securityToken} for STS credentials).`, [`environment variables ${names.accessKeyId} and ${names.accessKeySecret}`]);
  }
  const securityToken = nonEmpty(input.env[names.securityToken]);
  return { accessKeyId, accessKeySecret, ...(securityToken === undefined ? {} : { securityToken }), source: "environment" };
}

function resolveConfigFilePath(input: ResolveAlibabaEcsCredentialsInput): string {
  if (input.configFile !== undefined) return resolve(input.baseDirectory ?? process.cwd(), input.configFile);
  const home = nonEmpty(input.env.HOME) ?? nonEmpty(input.env.USERPROFILE) ?? homedir();
  return join(home, ".aliyun", "config.json");
}

async function readConfigFile(path: string, input: ResolveAlibabaEcsCredentialsInput): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw credentialError(input, `Cannot read ${path} (${code ?? "unknown error"}).`, [path]);
  }
}

function parseCliConfig(text: string, path: string, input: ResolveAlibabaEcsCredentialsInput): z.output<typeof CliConfigSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message may quote file content (a secret), so it is not passed on.
    throw credentialError(input, `${path} is not valid JSON.`, [path]);
  }
  const parsed = CliConfigSchema.safeParse(json);
  if (!parsed.success) throw credentialError(input, `${path} does not have the aliyun CLI layout ({ current, profiles: [{ name, mode, … }] }).`, [path]);
  return parsed.data;
}

function readProfileCredentials(profile: z.output<typeof ProfileSchema>, path: string, input: ResolveAlibabaEcsCredentialsInput): ResolvedAlibabaEcsCredentials {
  const mode = nonEmpty(profile.mode) ?? "AK";
  const where = `profile "${profile.name}" in ${path}`;
  if (mode !== "AK" && mode !== "StsToken") {
    throw credentialError(input, `${where} uses mode ${mode}; ${ALIBABA_ECS_PROVIDER} reads AK and StsToken profiles (or pass settings.credentials).`, [where]);
  }
  const accessKeyId = nonEmpty(profile.access_key_id);
  const accessKeySecret = nonEmpty(profile.access_key_secret);
  const securityToken = nonEmpty(profile.sts_token);
  const missing = [accessKeyId === undefined && "access_key_id", accessKeySecret === undefined && "access_key_secret", mode === "StsToken" && securityToken === undefined && "sts_token"].filter(Boolean);
  if (accessKeyId === undefined || accessKeySecret === undefined || missing.length > 0) {
    throw credentialError(input, `${where} (mode ${mode}) lacks ${missing.join(", ")}.`, [where]);
  }
  return { accessKeyId, accessKeySecret, ...(mode === "StsToken" && securityToken !== undefined ? { securityToken } : {}), source: where };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

function credentialError(input: ResolveAlibabaEcsCredentialsInput, message: string, lookedFor: readonly string[]): IpAllocatorError {
  return new IpAllocatorError({ code: "UNAUTHENTICATED", message, provider: ALIBABA_ECS_PROVIDER, operation: input.operation, details: { lookedFor } });
}
