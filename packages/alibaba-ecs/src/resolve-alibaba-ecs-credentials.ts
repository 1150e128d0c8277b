import { createCredentialError } from "./create-credential-error.js";
import { readAliyunCliProfile } from "./read-aliyun-cli-profile.js";
import { ALIBABA_CREDENTIAL_ENVIRONMENT, readEnvironmentCredentials } from "./read-environment-credentials.js";
import type { AlibabaEcsCredentials } from "./sign-alibaba-ecs-request.js";

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

/**
 * Resolves credentials: explicit settings → `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`
 * (+ `ALIBABA_CLOUD_SECURITY_TOKEN`) → the aliyun CLI file `~/.aliyun/config.json`, profile from the settings,
 * `ALIBABA_CLOUD_PROFILE` or the file's `current` (modes `AK` and `StsToken`).
 * @throws {IpAllocatorError} UNAUTHENTICATED listing what was looked for; messages never contain a secret.
 * @public
 */
export async function resolveAlibabaEcsCredentials(
  input: ResolveAlibabaEcsCredentialsInput,
): Promise<ResolvedAlibabaEcsCredentials> {
  if (input.credentials !== undefined) return { ...input.credentials, source: "settings" };
  const fromEnvironment = readEnvironmentCredentials(input);
  if (fromEnvironment !== undefined) return fromEnvironment;
  const names = ALIBABA_CREDENTIAL_ENVIRONMENT;
  const lookedFor = ["settings.credentials", `environment variables ${names.accessKeyId} and ${names.accessKeySecret}`];
  if (input.env[names.profileDisabled]?.toLowerCase() === "true") {
    throw createCredentialError(
      input,
      `No Alibaba Cloud credentials found. Looked for: ${lookedFor.join("; ")} (the CLI profile is disabled by ${names.profileDisabled}).`,
      lookedFor,
    );
  }
  return readAliyunCliProfile(input, lookedFor);
}
