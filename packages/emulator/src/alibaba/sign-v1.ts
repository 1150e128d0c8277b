import { createHmac } from "node:crypto";

/**
 * Alibaba's RFC 3986 percent-encoding: UTF-8 bytes, unreserved `A-Z a-z 0-9 - _ . ~` kept, everything else
 * `%XX` with upper-case hex (so space is `%20`, never `+`, and `*` is `%2A`).
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Orders pairs by key, then value, in UTF-16 code-unit order (what `Array.prototype.sort` and the SDKs do). */
export function sortPairs(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  return pairs
    .map(([key, value]): [string, string] => [key, value])
    .sort(([keyA, valueA], [keyB, valueB]) => compareCodeUnits(keyA, keyB) || compareCodeUnits(valueA, valueB));
}

function compareCodeUnits(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/** `percentEncode(k)=percentEncode(v)` of the sorted pairs, joined by `&`. */
export function buildCanonicalQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return sortPairs(pairs)
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join("&");
}

/**
 * V1 (`HMAC-SHA1`) string to sign: `METHOD&%2F&percentEncode(canonicalQuery)` over every parameter except
 * `Signature`, with the HTTP method actually used.
 */
export function buildV1StringToSign(method: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  const signed = pairs.filter(([key]) => key !== "Signature");
  return `${method}&${percentEncode("/")}&${percentEncode(buildCanonicalQuery(signed))}`;
}

/** V1 signature: base64(HMAC-SHA1(secret + "&", stringToSign)); the trailing `&` is mandatory. */
export function signV1(stringToSign: string, accessKeySecret: string): string {
  return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign, "utf8").digest("base64");
}
