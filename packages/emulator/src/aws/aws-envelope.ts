import type { EmulatorReply } from "../shared/http-exchange.js";
import type { AwsApiError } from "./aws-api-error.js";

/** The EC2 API version the emulator serves (the one every current SDK sends). */
export const EC2_API_VERSION = "2016-11-15";
/** XML namespace of every success answer. */
export const EC2_XML_NAMESPACE = `http://ec2.amazonaws.com/doc/${EC2_API_VERSION}/`;
/** Content type EC2 answers with, success and error alike. */
export const EC2_CONTENT_TYPE = "text/xml;charset=UTF-8";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * A value rendered as EC2 XML: text, nested elements (object keys in order), or a list whose entries each
 * become an `<item>` (EC2's list shape). `undefined` leaves the element out.
 */
export type XmlValue =
  | string
  | number
  | boolean
  | undefined
  | readonly XmlValue[]
  | { readonly [name: string]: XmlValue };

/** Escapes text for element content (quotes stay literal, as in EC2's messages). */
function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (character) => `&${{ "&": "amp", "<": "lt", ">": "gt" }[character]};`);
}

/** Renders `<name>…</name>` for a value (see {@link XmlValue}); empty content renders `<name/>`. */
export function renderXmlElement(name: string, value: XmlValue): string {
  if (value === undefined) return "";
  const inner = renderXmlContent(value);
  return inner === "" ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

function renderXmlContent(value: XmlValue): string {
  if (value === undefined) return "";
  if (typeof value === "string") return escapeXml(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value))
    return (value as readonly XmlValue[]).map((item) => renderXmlElement("item", item)).join("");
  return Object.entries(value as { readonly [name: string]: XmlValue })
    .map(([name, child]) => renderXmlElement(name, child))
    .join("");
}

/** A lower-case version-4 UUID drawn from the seeded PRNG, so request ids repeat across seeded runs. */
export function createRequestId(random: () => number): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, "0"),
  ).join("");
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Headers of every answer: the request id where the SDK reads it (`$metadata.requestId`), and EC2's server name. */
export function describeReplyHeaders(requestId: string, serverTimeMs: number): Record<string, string> {
  // The SDK corrects its clock from `date` after RequestExpired, so it follows the emulator clock, not the host's.
  return { "x-amzn-requestid": requestId, server: "AmazonEC2", date: new Date(serverTimeMs).toUTCString() };
}

/** Success: 200 `<{Action}Response xmlns="…"><requestId>…</requestId>…fields</{Action}Response>`. */
export function buildAwsSuccessReply(
  action: string,
  requestId: string,
  fields: Record<string, XmlValue>,
  headers: Record<string, string>,
): EmulatorReply {
  const body = `${XML_DECLARATION}<${action}Response xmlns="${EC2_XML_NAMESPACE}">${renderXmlElement("requestId", requestId)}${renderXmlContent(fields)}</${action}Response>`;
  return { status: 200, body, contentType: EC2_CONTENT_TYPE, headers };
}

/** Failure: the error's status with `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`. */
export function buildAwsErrorReply(
  requestId: string,
  error: AwsApiError,
  headers: Record<string, string>,
): EmulatorReply {
  const body = `${XML_DECLARATION}<Response>${renderXmlElement("Errors", { Error: { Code: error.code, Message: error.message } })}${renderXmlElement("RequestID", requestId)}</Response>`;
  return { status: error.httpStatus, body, contentType: EC2_CONTENT_TYPE, headers };
}
