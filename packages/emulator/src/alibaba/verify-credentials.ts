import { createHash, timingSafeEqual } from "node:crypto";
import { AlibabaApiError } from "./alibaba-envelope.js";
import type { AlibabaAccountSeed } from "./alibaba-seed.js";

/** What signature verification needs besides the request: accounts, the server clock, the tolerance. */
export interface VerificationContext {
  findAccount(accessKeyId: string): AlibabaAccountSeed | undefined;
  /** Server clock in ms: STS token expiry, and the timestamp window in {@link checkRequestTime} (a clock-skew fault shifts it there). */
  nowMs: number;
  /** Allowed difference between the request timestamp and `nowMs`, in seconds. */
  toleranceSeconds: number;
}

/** The request's signed `Timestamp` / `x-acs-date`, well formed; its window is checked separately. */
export interface RequestTimestamp {
  name: string;
  value: string;
  epochMs: number;
}

/** Who a verified request comes from, the nonce it used (checked for reuse by the caller) and its timestamp. */
export interface VerifiedCaller {
  accessKeyId: string;
  /** Undefined when a V3 request omitted the optional nonce header. */
  nonce: string | undefined;
  timestamp: RequestTimestamp;
}

const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * Reads a V1 `Timestamp` / V3 `x-acs-date`: present (`IllegalTimestamp`) and `yyyy-MM-ddTHH:mm:ssZ`
 * (`InvalidTimeStamp.Format`). Its distance to the server clock is {@link checkRequestTime}'s job: the emulator
 * checks it after picking the fault rule, whose clock-skew shifts that clock.
 */
export function readTimestamp(value: string | undefined, name: string): RequestTimestamp {
  if (value === undefined || value === "") {
    throw new AlibabaApiError(
      "IllegalTimestamp",
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    );
  }
  const epochMs = TIMESTAMP_PATTERN.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(epochMs))
    throw new AlibabaApiError(
      "InvalidTimeStamp.Format",
      `Specified time stamp or date value is not well formatted: "${name}".`,
    );
  return { name, value, epochMs };
}

/** `InvalidTimeStamp.Expired` when the verified request's timestamp is further than the tolerance from `context.nowMs`. */
export function checkRequestTime(
  caller: VerifiedCaller,
  context: Pick<VerificationContext, "nowMs" | "toleranceSeconds">,
): void {
  if (Math.abs(caller.timestamp.epochMs - context.nowMs) > context.toleranceSeconds * 1000) {
    throw new AlibabaApiError(
      "InvalidTimeStamp.Expired",
      `Specified time stamp or date value is expired. Request time ${caller.timestamp.value}, server time ${formatServerTime(context.nowMs)}.`,
    );
  }
}

function formatServerTime(nowMs: number): string {
  return new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Finds the account of an AccessKey id: `InvalidAccessKeyId.NotFound` (404) or `.Inactive` (400) otherwise. */
export function findActiveAccount(accessKeyId: string, context: VerificationContext): AlibabaAccountSeed {
  const account = context.findAccount(accessKeyId);
  if (account === undefined) throw new AlibabaApiError("InvalidAccessKeyId.NotFound");
  if (account.active === false) throw new AlibabaApiError("InvalidAccessKeyId.Inactive");
  return account;
}

/**
 * Checks an STS token (V1 `SecurityToken`, V3 `x-acs-security-token`) after the signature verified.
 * No token is fine; a token must be the account's and not expired. Messages never contain the token.
 */
export function verifySecurityToken(account: AlibabaAccountSeed, token: string | undefined, nowMs: number): void {
  if (token === undefined) return;
  if (token.trim() === "") throw new AlibabaApiError("InvalidSecurityToken.Malformed");
  if (account.securityToken === undefined || !equalSecrets(token, account.securityToken)) {
    throw new AlibabaApiError("InvalidSecurityToken.MismatchWithAccessKey");
  }
  if (account.securityTokenExpiration !== undefined && Date.parse(account.securityTokenExpiration) <= nowMs) {
    throw new AlibabaApiError("InvalidSecurityToken.Expired");
  }
}

/** Constant-time string comparison (hashing first hides the length too). */
export function equalSecrets(received: string, expected: string): boolean {
  const receivedDigest = createHash("sha256").update(received, "utf8").digest();
  const expectedDigest = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(receivedDigest, expectedDigest);
}

/** `SignatureDoesNotMatch` carrying the server's string to sign, as ECS does, so clients can diff canonicalisation. */
export function signatureMismatch(serverStringToSign: string): AlibabaApiError {
  return new AlibabaApiError(
    "SignatureDoesNotMatch",
    `Specified signature is not matched with our calculation. server string to sign is:${serverStringToSign}`,
  );
}
