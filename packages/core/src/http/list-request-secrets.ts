import type { HttpRequest } from "./send-http-request.js";

const SIGNATURE_PARAMETERS = new Set(["signature", "x-amz-signature"]);

/**
 * The values of one signed request that must never come back readable, beyond the credentials themselves: the
 * signature (Authorization `Signature=`, or a `Signature` query or form parameter, which could be replayed) and
 * the credential of a scheme without one (`Bearer …`, `Basic …`). An echoed Authorization header then shows its
 * scheme, key id and signed header names only.
 * @internal
 */
export function listRequestSecrets(request: HttpRequest): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (lower !== "authorization" && lower !== "proxy-authorization") continue;
    const signatures = [...value.matchAll(/Signature=([^,\s]+)/gi)].map((match) => match[1] as string);
    values.push(...(signatures.length > 0 ? signatures : [value.slice(value.indexOf(" ") + 1)]));
  }
  const queryStart = request.url.indexOf("?");
  if (queryStart >= 0) values.push(...listSignatureParameters(request.url.slice(queryStart + 1)));
  if (request.body !== undefined && /x-www-form-urlencoded/i.test(findHeader(request, "content-type") ?? ""))
    values.push(...listSignatureParameters(request.body));
  return values;
}

function listSignatureParameters(query: string): string[] {
  const values: string[] = [];
  for (const [name, value] of new URLSearchParams(query))
    if (SIGNATURE_PARAMETERS.has(name.toLowerCase()) && value !== "") values.push(value);
  return values;
}

function findHeader(request: HttpRequest, wanted: string): string | undefined {
  for (const [name, value] of Object.entries(request.headers)) if (name.toLowerCase() === wanted) return value;
  return undefined;
}
