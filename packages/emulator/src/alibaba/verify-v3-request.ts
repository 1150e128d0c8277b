import { AlibabaApiError } from "./alibaba-envelope.js";
import { readHeader, type ReceivedRequest } from "../shared/received-request.js";
import { V3_ALGORITHM, buildV3CanonicalRequest, hashPayload, parseV3Authorization, signV3 } from "./sign-v3.js";
import {
  equalSecrets,
  findActiveAccount,
  signatureMismatch,
  verifySecurityToken,
  readTimestamp,
  type VerificationContext,
  type VerifiedCaller,
} from "./verify-credentials.js";

/** Headers every V3 request must sign (reference §1.2). */
const REQUIRED_SIGNED_HEADERS = ["host", "x-acs-action", "x-acs-version", "x-acs-date"];

/**
 * Verifies a V3 (`ACS3-HMAC-SHA256`) request from what was received (the timestamp's window is checked by the caller, {@link checkRequestTime}): method, raw path and query, the signed
 * headers' received values (the `host` header with its port) and the actual body hash. Throws the cloud's error.
 */
export function verifyV3Request(received: ReceivedRequest, context: VerificationContext): VerifiedCaller {
  const header = readHeader(received, "authorization") ?? "";
  const authorization = parseV3Authorization(header);
  if (authorization === undefined) {
    throw new AlibabaApiError(
      "IncompleteSignature",
      "The request signature does not conform to Aliyun standards: malformed Authorization header.",
    );
  }
  if (authorization.algorithm !== V3_ALGORITHM) {
    throw new AlibabaApiError(
      "InvalidSignatureMethod",
      `Specified signature method "${authorization.algorithm}" is not supported.`,
    );
  }
  const timestamp = readTimestamp(readHeader(received, "x-acs-date"), "x-acs-date");
  const unsigned = findUnsignedHeader(received, authorization.signedHeaders);
  if (unsigned !== undefined) {
    throw new AlibabaApiError(
      "IncompleteSignature",
      `The request signature does not conform to Aliyun standards: header "${unsigned}" must be signed.`,
    );
  }
  const account = findActiveAccount(authorization.accessKeyId, context);
  const declaredAccessKeyId = readHeader(received, "x-acs-accesskey-id");
  if (declaredAccessKeyId !== undefined && declaredAccessKeyId !== authorization.accessKeyId) {
    throw new AlibabaApiError(
      "IncompleteSignature",
      "The request signature does not conform to Aliyun standards: x-acs-accesskey-id differs from the Credential.",
    );
  }
  const actualHash = hashPayload(received.body);
  const declaredHash = readHeader(received, "x-acs-content-sha256");
  if (declaredHash !== undefined && declaredHash.trim() !== actualHash) {
    throw new AlibabaApiError(
      "SignatureDoesNotMatch",
      "The x-acs-content-sha256 header does not match the SHA-256 of the request body.",
    );
  }
  const canonicalRequest = buildV3CanonicalRequest(received, authorization.signedHeaders, actualHash);
  if (canonicalRequest === undefined) {
    throw new AlibabaApiError(
      "IncompleteSignature",
      "The request signature does not conform to Aliyun standards: a signed header is missing.",
    );
  }
  const { stringToSign, signature } = signV3(canonicalRequest, account.accessKeySecret);
  if (!equalSecrets(authorization.signature, signature)) throw signatureMismatch(stringToSign);
  verifySecurityToken(account, readHeader(received, "x-acs-security-token"), context.nowMs);
  return { accessKeyId: authorization.accessKeyId, nonce: readHeader(received, "x-acs-signature-nonce"), timestamp };
}

/**
 * "All common headers present except Authorization must be signed": host, the x-acs-* headers, and
 * content-type when a body is sent. Returns the first one left out.
 */
function findUnsignedHeader(received: ReceivedRequest, signedHeaders: readonly string[]): string | undefined {
  const signed = new Set(signedHeaders);
  const mustSign = new Set(REQUIRED_SIGNED_HEADERS);
  for (const name of Object.keys(received.headers)) {
    if (name.startsWith("x-acs-")) mustSign.add(name);
  }
  if (received.body.length > 0 && received.headers["content-type"] !== undefined) mustSign.add("content-type");
  return [...mustSign].sort().find((name) => !signed.has(name));
}
