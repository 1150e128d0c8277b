import { createHash, createHmac } from "node:crypto";
import { parseUrlEncodedPairs, type ReceivedRequest } from "../shared/received-request.js";
import { buildCanonicalQuery } from "./sign-v1.js";

/** The only V3 algorithm the emulator (and ECS through the official SDK) uses. */
export const V3_ALGORITHM = "ACS3-HMAC-SHA256";

/** The three pieces of an `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header. */
export interface V3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/**
 * Parses a V3 Authorization header; undefined when a piece is missing or malformed
 * (the caller answers `IncompleteSignature`).
 */
export function parseV3Authorization(header: string): V3Authorization | undefined {
  const match = /^(ACS3-[A-Z0-9-]+) (.*)$/.exec(header);
  if (match === null) return undefined;
  const pieces: Record<string, string> = {};
  for (const piece of (match[2] as string).split(",")) {
    const separator = piece.indexOf("=");
    if (separator <= 0) return undefined;
    pieces[piece.slice(0, separator)] = piece.slice(separator + 1);
  }
  const accessKeyId = pieces["Credential"];
  const signedHeaders = pieces["SignedHeaders"];
  const signature = pieces["Signature"];
  if (!accessKeyId || !signedHeaders || signature === undefined || Object.keys(pieces).length !== 3) return undefined;
  if (!/^[0-9a-f]{64}$/.test(signature)) return undefined;
  const names = signedHeaders.split(";");
  if (names.some((name) => name === "" || name !== name.toLowerCase())) return undefined;
  return { algorithm: match[1] as string, accessKeyId, signedHeaders: names, signature };
}

/** Hex SHA-256 of the exact body bytes. */
export function hashPayload(body: Buffer | string): string {
  return createHash("sha256").update(body).digest("hex");
}

/**
 * Builds the V3 canonical request from what was received: method, raw path, the re-encoded sorted query,
 * the signed headers with their received values (so `host` keeps its port), and the hashed payload.
 * Returns undefined when a signed header was not received.
 * @throws MalformedEncodingError when the query string is badly encoded.
 */
export function buildV3CanonicalRequest(
  received: ReceivedRequest,
  signedHeaderNames: readonly string[],
  hashedPayload: string,
): string | undefined {
  const names = [...signedHeaderNames].sort();
  const headerLines: string[] = [];
  for (const name of names) {
    const values = received.headers[name];
    if (values === undefined) return undefined;
    headerLines.push(
      `${name}:${values
        .map((value) => value.trim())
        .sort()
        .join(",")}\n`,
    );
  }
  const canonicalQuery = buildCanonicalQuery(parseUrlEncodedPairs(received.rawQuery, "query string"));
  return [
    received.method.toUpperCase(),
    received.path,
    canonicalQuery,
    headerLines.join(""),
    names.join(";"),
    hashedPayload,
  ].join("\n");
}

/** V3 string to sign and signature: lower-case hex HMAC-SHA256 keyed by the raw secret (no `&`). */
export function signV3(canonicalRequest: string, accessKeySecret: string): { stringToSign: string; signature: string } {
  const stringToSign = `${V3_ALGORITHM}\n${hashPayload(canonicalRequest)}`;
  const signature = createHmac("sha256", accessKeySecret).update(stringToSign, "utf8").digest("hex");
  return { stringToSign, signature };
}
