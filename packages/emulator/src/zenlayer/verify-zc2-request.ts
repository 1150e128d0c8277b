import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { ZenlayerApiError } from "./zenlayer-error-codes.js";
import { ZC2_ALGORITHM, computeZc2Signature } from "./sign-zc2-request.js";

/** An access key as the directory knows it; `allowedActions` undefined means every action. */
export interface ZenlayerAccessKeyRecord {
  accountId: string;
  accessKeySecret: string;
  allowedActions: ReadonlySet<string> | undefined;
}

/** Looks credentials up without exposing secrets to the rest of the emulator. */
export interface ZenlayerCredentialDirectory {
  findAccessKey(accessKeyId: string): ZenlayerAccessKeyRecord | undefined;
  findBearerToken(token: string): { accountId: string } | undefined;
}

/** Who sent a request whose credentials verified. */
export interface ZenlayerCaller {
  accountId: string;
  /** Rate-limit bucket: the access key id, or the account for Bearer tokens (the token itself is never stored). */
  rateLimitKey: string;
  /** Unix seconds from `X-ZC-Timestamp`; undefined in Bearer mode, which sends none. */
  timestampSeconds: number | undefined;
  /** Actions the access key may call; undefined means every action (Bearer tokens, unrestricted keys). */
  allowedActions: ReadonlySet<string> | undefined;
}

const AUTHORIZATION_PATTERN =
  /^ZC2-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-fA-F]+)\s*$/;
const TIMESTAMP_PATTERN = /^\d{1,12}$/;

function signatureFailure(reason: string): ZenlayerApiError {
  return new ZenlayerApiError(
    "AUTHFAILURE_SIGNATURE_FAILURE",
    `The request signature could not be verified: ${reason}.`,
  );
}

function invalidAuthorization(reason: string): ZenlayerApiError {
  return new ZenlayerApiError(
    "AUTHFAILURE_INVALID_AUTHORIZATION",
    `The Authorization header does not follow the Zenlayer Cloud format: ${reason}.`,
  );
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function equalSecrets(received: string, expected: string): boolean {
  const receivedBytes = Buffer.from(received, "utf8");
  const expectedBytes = Buffer.from(expected, "utf8");
  return receivedBytes.length === expectedBytes.length && timingSafeEqual(receivedBytes, expectedBytes);
}

function verifyBearerToken(token: string, directory: ZenlayerCredentialDirectory): ZenlayerCaller {
  const match = directory.findBearerToken(token);
  if (match === undefined)
    throw new ZenlayerApiError("AUTHFAILURE_INVALID_TOKEN", "The Bearer token is invalid or expired.");
  return {
    accountId: match.accountId,
    rateLimitKey: `account:${match.accountId}`,
    timestampSeconds: undefined,
    allowedActions: undefined,
  };
}

/**
 * Verifies a request's credentials over the raw received body and the received header values (reference
 * §2.1): Bearer token, or ZC2-HMAC-SHA256 with SignedHeaders ⊇ {content-type, host}. An Authorization header
 * that cannot be parsed is AUTHFAILURE_INVALID_AUTHORIZATION; one that parses but does not verify (unknown key
 * included: the common list has no code of its own for it) is AUTHFAILURE_SIGNATURE_FAILURE. The timestamp
 * window is checked separately by {@link verifyZc2Timestamp}, because a clock-skew fault is chosen after this step.
 * Error messages never contain a secret, the expected signature or the string to sign.
 */
export function verifyZc2Request(
  headers: IncomingHttpHeaders,
  body: Uint8Array,
  directory: ZenlayerCredentialDirectory,
): ZenlayerCaller {
  const authorization = headerValue(headers, "authorization")?.trim();
  if (authorization === undefined || authorization === "") throw invalidAuthorization("the header is missing");
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (bearer !== null) return verifyBearerToken(bearer[1] as string, directory);

  const parts = AUTHORIZATION_PATTERN.exec(authorization);
  if (parts === null) {
    throw invalidAuthorization(
      `it must read "${ZC2_ALGORITHM} Credential=<id>, SignedHeaders=<names>, Signature=<hex>" or "Bearer <token>"`,
    );
  }
  const [, accessKeyId, signedHeaderList, receivedSignature] = parts as unknown as [string, string, string, string];
  const method = headerValue(headers, "x-zc-signature-method");
  if (method !== ZC2_ALGORITHM) throw signatureFailure(`X-ZC-Signature-Method must be ${ZC2_ALGORITHM}`);
  const timestamp = headerValue(headers, "x-zc-timestamp")?.trim() ?? "";
  if (!TIMESTAMP_PATTERN.test(timestamp)) throw signatureFailure("X-ZC-Timestamp must be Unix seconds");

  const signedNames = signedHeaderList.split(";").map((name) => name.trim().toLowerCase());
  if (new Set(signedNames).size !== signedNames.length || signedNames.includes("")) {
    throw invalidAuthorization("SignedHeaders lists an empty or duplicated header name");
  }
  if (!signedNames.includes("content-type") || !signedNames.includes("host")) {
    throw invalidAuthorization("SignedHeaders must include content-type and host");
  }
  const signedHeaders = signedNames.map((name) => {
    const value = headerValue(headers, name);
    if (value === undefined) throw signatureFailure(`the signed header ${name} is missing`);
    return [name, value] as const;
  });

  const key = directory.findAccessKey(accessKeyId);
  if (key === undefined) throw signatureFailure(`the access key id ${accessKeyId} does not exist`);
  const expected = computeZc2Signature({ signedHeaders, body, timestamp, accessKeySecret: key.accessKeySecret });
  if (!equalSecrets(receivedSignature, expected.signature)) {
    throw signatureFailure(
      "the signature does not match the request (check the secret, body bytes, Content-Type and Host)",
    );
  }
  return {
    accountId: key.accountId,
    rateLimitKey: `key:${accessKeyId}`,
    timestampSeconds: Number(timestamp),
    allowedActions: key.allowedActions,
  };
}

/** Refuses an action the caller's access key is not allowed (seed `allowedActions`). */
export function verifyZc2Permission(caller: ZenlayerCaller, action: string): void {
  if (caller.allowedActions !== undefined && !caller.allowedActions.has(action)) {
    throw new ZenlayerApiError(
      "AUTHFAILURE_UNAUTHORIZED_OPERATION",
      `The access key is not authorized to call ${action}.`,
    );
  }
}

/**
 * Rejects a timestamp further than `windowSeconds` from the server clock (`nowMs` shifted by a clock-skew
 * fault's `skewSeconds`) with AUTHFAILURE_SIGNATURE_EXPIRED: the official common list gives five minutes.
 */
export function verifyZc2Timestamp(
  caller: ZenlayerCaller,
  nowMs: number,
  skewSeconds: number,
  windowSeconds: number,
): void {
  if (caller.timestampSeconds === undefined) return;
  const serverSeconds = Math.floor(nowMs / 1000) + skewSeconds;
  if (Math.abs(serverSeconds - caller.timestampSeconds) > windowSeconds) {
    throw new ZenlayerApiError(
      "AUTHFAILURE_SIGNATURE_EXPIRED",
      `The signature has expired: X-ZC-Timestamp is more than ${windowSeconds} s away from the server clock.`,
    );
  }
}
