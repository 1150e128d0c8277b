import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";
import { createCredentialError } from "./create-credential-error.js";
import { ALIBABA_CREDENTIAL_ENVIRONMENT } from "./read-environment-credentials.js";
import { readNonEmpty } from "./read-non-empty.js";
import type { AlibabaEcsCredentials } from "./sign-alibaba-ecs-request.js";

/** Where {@link readAliyunCliProfile} looks: the fields of the resolver's input it reads. @internal */
export interface AliyunCliProfileLookup {
  /** Profile name overriding `ALIBABA_CLOUD_PROFILE` and the file's `current`. */
  profile?: string | undefined;
  /** CLI config file overriding `<HOME>/.aliyun/config.json`. */
  configFile?: string | undefined;
  /** Environment to read (`ALIBABA_CLOUD_PROFILE`, `HOME`, `USERPROFILE`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory a relative `configFile` resolves against. Default `process.cwd()`. */
  baseDirectory?: string | undefined;
  /** Operation that needed the credentials, for the error. */
  operation?: string | undefined;
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
 * Credentials from the aliyun CLI file (`~/.aliyun/config.json` or `configFile`): the profile from the lookup,
 * `ALIBABA_CLOUD_PROFILE` or the file's `current` (else `default`), in mode `AK` or `StsToken`.
 * @param lookedFor - Where the chain looked so far; this step adds its own entry to the error it throws.
 * @throws {IpAllocatorError} UNAUTHENTICATED when the file, the profile or its keys are missing or unusable.
 * @internal
 */
export async function readAliyunCliProfile(
  lookup: AliyunCliProfileLookup,
  lookedFor: string[],
): Promise<AlibabaEcsCredentials & { source: string }> {
  const path = resolveConfigFilePath(lookup);
  const text = await readConfigFile(path, lookup);
  const requestedProfile = lookup.profile ?? readNonEmpty(lookup.env[ALIBABA_CREDENTIAL_ENVIRONMENT.profile]);
  if (text === undefined) {
    lookedFor.push(`profile "${requestedProfile ?? "current"}" in ${path} (file not found)`);
    throw createCredentialError(
      lookup,
      `No Alibaba Cloud credentials found. Looked for: ${lookedFor.join("; ")}.`,
      lookedFor,
    );
  }
  const config = parseCliConfig(text, path, lookup);
  const profileName = requestedProfile ?? readNonEmpty(config.current) ?? "default";
  const profile = config.profiles.find((candidate) => candidate.name === profileName);
  if (profile === undefined) {
    lookedFor.push(`profile "${profileName}" in ${path} (no such profile)`);
    throw createCredentialError(
      lookup,
      `No Alibaba Cloud credentials found. Looked for: ${lookedFor.join("; ")}.`,
      lookedFor,
    );
  }
  return readProfileCredentials(profile, path, lookup);
}

function resolveConfigFilePath(lookup: AliyunCliProfileLookup): string {
  if (lookup.configFile !== undefined) return resolve(lookup.baseDirectory ?? process.cwd(), lookup.configFile);
  const home = readNonEmpty(lookup.env.HOME) ?? readNonEmpty(lookup.env.USERPROFILE) ?? homedir();
  return join(home, ".aliyun", "config.json");
}

async function readConfigFile(path: string, lookup: AliyunCliProfileLookup): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw createCredentialError(lookup, `Cannot read ${path} (${code ?? "unknown error"}).`, [path]);
  }
}

function parseCliConfig(text: string, path: string, lookup: AliyunCliProfileLookup): z.output<typeof CliConfigSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message may quote file content (a secret), so it is not passed on.
    throw createCredentialError(lookup, `${path} is not valid JSON.`, [path]);
  }
  const parsed = CliConfigSchema.safeParse(json);
  if (!parsed.success)
    throw createCredentialError(
      lookup,
      `${path} does not have the aliyun CLI layout ({ current, profiles: [{ name, mode, … }] }).`,
      [path],
    );
  return parsed.data;
}

function readProfileCredentials(
  profile: z.output<typeof ProfileSchema>,
  path: string,
  lookup: AliyunCliProfileLookup,
): AlibabaEcsCredentials & { source: string } {
  const mode = readNonEmpty(profile.mode) ?? "AK";
  const where = `profile "${profile.name}" in ${path}`;
  if (mode !== "AK" && mode !== "StsToken") {
    throw createCredentialError(
      lookup,
      `${where} uses mode ${mode}; ${ALIBABA_ECS_PROVIDER} reads AK and StsToken profiles (or pass settings.credentials).`,
      [where],
    );
  }
  const accessKeyId = readNonEmpty(profile.access_key_id);
  const accessKeySecret = readNonEmpty(profile.access_key_secret);
  const securityToken = readNonEmpty(profile.sts_token);
  const missing = [
    accessKeyId === undefined && "access_key_id",
    accessKeySecret === undefined && "access_key_secret",
    mode === "StsToken" && securityToken === undefined && "sts_token",
  ].filter(Boolean);
  if (accessKeyId === undefined || accessKeySecret === undefined || missing.length > 0) {
    throw createCredentialError(lookup, `${where} (mode ${mode}) lacks ${missing.join(", ")}.`, [where]);
  }
  return {
    accessKeyId,
    accessKeySecret,
    ...(mode === "StsToken" && securityToken !== undefined ? { securityToken } : {}),
    source: where,
  };
}
