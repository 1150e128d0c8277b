import { createCredentialError } from "./create-credential-error.js";
import { readNonEmpty } from "./read-non-empty.js";
import type { AlibabaEcsCredentials } from "./sign-alibaba-ecs-request.js";

/** Environment variables of the credential chain (the names the official SDK and CLI read). @public */
export const ALIBABA_CREDENTIAL_ENVIRONMENT = {
  accessKeyId: "ALIBABA_CLOUD_ACCESS_KEY_ID",
  accessKeySecret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
  securityToken: "ALIBABA_CLOUD_SECURITY_TOKEN",
  profile: "ALIBABA_CLOUD_PROFILE",
  profileDisabled: "ALIBABA_CLOUD_CLI_PROFILE_DISABLED",
} as const;

/**
 * Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET` (+ `ALIBABA_CLOUD_SECURITY_TOKEN`);
 * undefined when neither is set, so the chain moves on to the CLI profile.
 * @throws {IpAllocatorError} UNAUTHENTICATED when only one of the pair is set: a half-set pair is a mistake to report.
 * @internal
 */
export function readEnvironmentCredentials(input: {
  env: Readonly<Record<string, string | undefined>>;
  operation?: string | undefined;
}): (AlibabaEcsCredentials & { source: string }) | undefined {
  const names = ALIBABA_CREDENTIAL_ENVIRONMENT;
  const accessKeyId = readNonEmpty(input.env[names.accessKeyId]);
  const accessKeySecret = readNonEmpty(input.env[names.accessKeySecret]);
  if (accessKeyId === undefined && accessKeySecret === undefined) return undefined;
  if (accessKeyId === undefined || accessKeySecret === undefined) {
    const [set, missing] =
      accessKeyId === undefined
        ? [names.accessKeySecret, names.accessKeyId]
        : [names.accessKeyId, names.accessKeySecret];
    throw createCredentialError(
      input,
      `${set} is set but ${missing} is not: set both (and ${names.securityToken} for STS credentials).`,
      [`environment variables ${names.accessKeyId} and ${names.accessKeySecret}`],
    );
  }
  const securityToken = readNonEmpty(input.env[names.securityToken]);
  return {
    accessKeyId,
    accessKeySecret,
    ...(securityToken === undefined ? {} : { securityToken }),
    source: "environment",
  };
}
