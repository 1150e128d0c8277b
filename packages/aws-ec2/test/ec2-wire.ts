// Test support: EC2 answers as the wire carries them, and an independent SigV4 verifier (node:crypto only), so the
// adapter's pure tests check its output against something other than its own code.
import { createHash, createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

const NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
let requestCounter = 0;

/** `<ActionResponse xmlns=…><requestId>…</requestId>inner</ActionResponse>` with status 200. */
export function ok(action: string, inner = ""): { body: string } {
  requestCounter += 1;
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NAMESPACE}">\n  <requestId>req-${requestCounter}</requestId>\n  ${inner}\n</${action}Response>`,
  };
}

/** An `addressesSet` item. */
export function addressXml(address: {
  allocationId: string;
  publicIp: string;
  associationId?: string;
  instanceId?: string;
  tags?: Record<string, string>;
}): string {
  const tags = Object.entries(address.tags ?? {})
    .map(([key, value]) => `<item><key>${key}</key><value>${value}</value></item>`)
    .join("");
  const association =
    address.associationId === undefined
      ? ""
      : `<associationId>${address.associationId}</associationId><instanceId>${address.instanceId}</instanceId>`;
  return `<item><publicIp>${address.publicIp}</publicIp><allocationId>${address.allocationId}</allocationId><domain>vpc</domain>${association}<tagSet>${tags}</tagSet></item>`;
}

/**
 * Recomputes a request's SigV4 signature from what arrived (method, path, the headers its `SignedHeaders`
 * names, the body) with node:crypto, and returns it with the one in the Authorization header.
 */
export function recomputeSignature(
  request: { method: string; path: string; headers: IncomingHttpHeaders | Record<string, string>; body: string },
  secretAccessKey: string,
): { sent: string | undefined; expected: string; scope: string | undefined } {
  const authorization = String(request.headers.authorization ?? "");
  const match =
    /^AWS4-HMAC-SHA256 Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  const [, day = "", region = "", service = "", signedHeaders = "", sent] = match ?? [];
  const canonicalHeaders = signedHeaders
    .split(";")
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`,
    )
    .join("");
  const canonicalRequest = [
    request.method,
    request.path,
    "",
    canonicalHeaders,
    signedHeaders,
    sha256(request.body),
  ].join("\n");
  const date = String(request.headers["x-amz-date"] ?? "");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", date, scope, sha256(canonicalRequest)].join("\n");
  const key = [day, region, service, "aws4_request"].reduce<Buffer | string>(
    (previous, part) => hmac(previous, part),
    `AWS4${secretAccessKey}`,
  );
  return { sent, expected: hmac(key, stringToSign).toString("hex"), scope: match ? scope : undefined };
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function hmac(key: Buffer | string, text: string): Buffer {
  return createHmac("sha256", key).update(text, "utf8").digest();
}
