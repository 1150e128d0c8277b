import { IpAllocatorError } from "@polycloud/core";
import type { ZenlayerCredentials } from "./zenlayer-eip-settings.js";

/** Environment variables read when no credentials are configured (the official CLI's names). @public */
export const ZENLAYER_CREDENTIAL_ENVIRONMENT = {
  accessKeyId: "ZENLAYER_ACCESS_KEY_ID",
  accessKeySecret: "ZENLAYER_ACCESS_KEY_SECRET",
  token: "ZENLAYER_TOKEN",
} as const;

/** Credentials and where they came from (never the values, for diagnostics). @public */
export interface ResolvedZenlayerCredentials {
  credentials: ZenlayerCredentials;
  source: "settings" | "environment";
}

/**
 * Resolves credentials: explicit settings first, then `ZENLAYER_ACCESS_KEY_ID` + `ZENLAYER_ACCESS_KEY_SECRET`,
 * then `ZENLAYER_TOKEN`. Throws UNAUTHENTICATED naming what was looked for; values are never echoed.
 * @public
 */
export function resolveZenlayerEipCredentials(
  explicit: ZenlayerCredentials | undefined,
  environment: Readonly<Record<string, string | undefined>>,
): ResolvedZenlayerCredentials {
  if (explicit !== undefined) return { credentials: explicit, source: "settings" };
  const names = ZENLAYER_CREDENTIAL_ENVIRONMENT;
  // Values pasted into env files often carry a trailing newline; the Python SDK strips them too.
  const accessKeyId = readVariable(environment, names.accessKeyId);
  const accessKeySecret = readVariable(environment, names.accessKeySecret);
  const token = readVariable(environment, names.token);
  if (accessKeyId !== undefined && accessKeySecret !== undefined)
    return { credentials: { accessKeyId, accessKeySecret }, source: "environment" };
  if (token !== undefined) return { credentials: { token }, source: "environment" };
  const halfPair =
    accessKeyId !== undefined ? names.accessKeySecret : accessKeySecret !== undefined ? names.accessKeyId : undefined;
  const message =
    halfPair !== undefined
      ? `Zenlayer credentials are incomplete: ${halfPair} is not set (the access key id and secret must be set together).`
      : `No Zenlayer credentials found. Looked for: settings.credentials ({ accessKeyId, accessKeySecret } or { token }), ` +
        `environment ${names.accessKeyId} + ${names.accessKeySecret}, environment ${names.token}.`;
  return throwMissing(message, halfPair);
}

function readVariable(environment: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = environment[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function throwMissing(message: string, missingVariable: string | undefined): never {
  const names = ZENLAYER_CREDENTIAL_ENVIRONMENT;
  throw new IpAllocatorError({
    code: "UNAUTHENTICATED",
    message,
    provider: "zenlayer-eip",
    operation: "resolveCredentials",
    details: {
      lookedFor: ["settings.credentials", `${names.accessKeyId} + ${names.accessKeySecret}`, names.token],
      ...(missingVariable === undefined ? {} : { missing: missingVariable }),
    },
  });
}
