import { createHash, timingSafeEqual } from "node:crypto";
import { readHeader, type ReceivedRequest } from "../shared/received-request.js";
import type { AwsCredentialSeed } from "./aws-seed.js";
import { AwsApiError } from "./aws-api-error.js";
import {
  SIGV4_ALGORITHM,
  buildSigV4CanonicalRequest,
  buildSigV4StringToSign,
  computeSigV4Signature,
  deriveSigV4SigningKey,
  hashSha256Hex,
} from "./sign-sigv4-request.js";

/** The service every credential scope must name. */
export const EC2_SIGNING_SERVICE = "ec2";

/** Where verification looks up keys, and the regions whose scopes it accepts. */
export interface SigV4Directory {
  findCredential(accessKeyId: string): (AwsCredentialSeed & { accountId: string }) | undefined;
  regions: readonly string[];
}

/** A request whose signature verified: who sent it, for which region, and when it says it was signed. */
export interface VerifiedAwsCaller {
  accessKeyId: string;
  accountId: string;
  credential: AwsCredentialSeed;
  /** The credential scope's region: the "endpoint" region the request is for. */
  region: string;
  /** X-Amz-Date as milliseconds. */
  signedAtMs: number;
}

/** The parts of `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

const AMZ_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function incomplete(detail: string): AwsApiError {
  return new AwsApiError("IncompleteSignature", `The request signature does not conform to AWS standards: ${detail}`);
}

function parseAuthorization(header: string): ParsedAuthorization {
  const space = header.indexOf(" ");
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) throw incomplete(`unsupported AWS 'algorithm': '${algorithm}'.`);
  const fields: Record<string, string> = {};
  for (const piece of header.slice(space + 1).split(",")) {
    const separator = piece.indexOf("=");
    if (separator > 0) fields[piece.slice(0, separator).trim()] = piece.slice(separator + 1).trim();
  }
  for (const name of ["Credential", "SignedHeaders", "Signature"]) {
    if (!fields[name]) throw incomplete(`Authorization header requires '${name}' parameter.`);
  }
  const scope = (fields["Credential"] as string).split("/");
  if (scope.length !== 5 || scope.some((part) => part === "")) {
    throw incomplete('the Credential is malformed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".');
  }
  const signedHeaders = (fields["SignedHeaders"] as string).split(";");
  if (signedHeaders.some((name) => name === "" || name !== name.toLowerCase()))
    throw incomplete("SignedHeaders must be lower-case names separated by ';'.");
  const [accessKeyId, date, region, service, terminator] = scope as [string, string, string, string, string];
  return { accessKeyId, date, region, service, terminator, signedHeaders, signature: fields["Signature"] as string };
}

function readAmzDate(received: ReceivedRequest): { text: string; ms: number } {
  const text = readHeader(received, "x-amz-date")?.trim();
  if (text === undefined)
    throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  const match = AMZ_DATE_PATTERN.exec(text);
  const [year, month, day, hours, minutes, seconds] = (match?.slice(1) ?? []).map(Number);
  const ms =
    match === null
      ? Number.NaN
      : Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0, hours ?? 0, minutes ?? 0, seconds ?? 0);
  if (Number.isNaN(ms)) throw incomplete(`X-Amz-Date '${text}' is not in the form YYYYMMDD'T'HHMMSS'Z'.`);
  return { text, ms };
}

function checkScope(authorization: ParsedAuthorization, amzDate: string, regions: readonly string[]): void {
  const mismatch = (detail: string): AwsApiError => new AwsApiError("SignatureDoesNotMatch", detail);
  if (authorization.date !== amzDate.slice(0, 8)) {
    throw mismatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${authorization.date}' != '${amzDate.slice(0, 8)}', from 'X-Amz-Date'.`,
    );
  }
  if (authorization.service !== EC2_SIGNING_SERVICE)
    throw mismatch(`Credential should be scoped to correct service: '${EC2_SIGNING_SERVICE}'.`);
  if (!regions.includes(authorization.region))
    throw mismatch(`Credential should be scoped to a valid region, not '${authorization.region}'.`);
  if (authorization.terminator !== "aws4_request")
    throw mismatch(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${authorization.terminator}'.`,
    );
}

/**
 * Verifies a SigV4 header-signed request from what was received: Authorization shape, X-Amz-Date presence,
 * that `host` and `x-amz-date` are signed, the credential scope (date, `ec2`, a served region, `aws4_request`),
 * the access key, the signature over the actual body bytes (compared in constant time), then the session
 * token. The clock is checked separately ({@link verifyRequestTime}) so a clock-skew fault can shift it.
 * Messages never contain a secret, a token or the expected signature.
 */
export function verifySigV4Request(received: ReceivedRequest, directory: SigV4Directory): VerifiedAwsCaller {
  const header = readHeader(received, "authorization");
  if (header === undefined) throw new AwsApiError("AuthFailure");
  const authorization = parseAuthorization(header.trim());
  const amzDate = readAmzDate(received);
  for (const required of ["host", "x-amz-date"]) {
    if (!authorization.signedHeaders.includes(required))
      throw incomplete(`'${required}' must be a 'SignedHeader' in the AWS Authorization.`);
  }
  checkScope(authorization, amzDate.text, directory.regions);
  const credential = directory.findCredential(authorization.accessKeyId);
  if (credential === undefined) throw new AwsApiError("AuthFailure");
  // Non-S3 services sign the real body: the hash is computed here, never taken from x-amz-content-sha256.
  const canonicalRequest = buildSigV4CanonicalRequest(
    received,
    authorization.signedHeaders,
    hashSha256Hex(received.body),
  );
  if (canonicalRequest === undefined) throw incomplete("a header listed in SignedHeaders is missing from the request.");
  const scope = `${authorization.date}/${authorization.region}/${authorization.service}/aws4_request`;
  const signingKey = deriveSigV4SigningKey(
    credential.secretAccessKey,
    authorization.date,
    authorization.region,
    authorization.service,
  );
  const expected = computeSigV4Signature(signingKey, buildSigV4StringToSign(amzDate.text, scope, canonicalRequest));
  if (!equalSecrets(authorization.signature, expected)) throw new AwsApiError("SignatureDoesNotMatch");
  const token = readHeader(received, "x-amz-security-token");
  const tokenValid =
    credential.sessionToken === undefined
      ? token === undefined
      : token !== undefined && equalSecrets(token, credential.sessionToken);
  if (!tokenValid) throw new AwsApiError("AuthFailure");
  return {
    accessKeyId: authorization.accessKeyId,
    accountId: credential.accountId,
    credential,
    region: authorization.region,
    signedAtMs: amzDate.ms,
  };
}

/**
 * Checks X-Amz-Date against the (possibly skewed) server clock and the session token's expiry:
 * `RequestExpired` 400 beyond `toleranceSeconds` either way, or after `sessionTokenExpiration`.
 */
export function verifyRequestTime(caller: VerifiedAwsCaller, serverNowMs: number, toleranceSeconds: number): void {
  if (Math.abs(caller.signedAtMs - serverNowMs) > toleranceSeconds * 1000) {
    throw new AwsApiError(
      "RequestExpired",
      `Request has expired. Timestamp date is ${new Date(caller.signedAtMs).toISOString()}, server time is ${new Date(serverNowMs).toISOString()}.`,
    );
  }
  const expiration = caller.credential.sessionTokenExpiration;
  if (expiration !== undefined && Date.parse(expiration) <= serverNowMs)
    throw new AwsApiError("RequestExpired", "Request has expired. The session token has expired.");
}

/** Constant-time string comparison (hashing first hides the length too). */
function equalSecrets(received: string, expected: string): boolean {
  const receivedDigest = createHash("sha256").update(received, "utf8").digest();
  const expectedDigest = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(receivedDigest, expectedDigest);
}
