import { createSecretMask } from "./mask-secret-values.js";

/** The text that replaces every secret polycloud masks. @public */
export const REDACTED = "[REDACTED]";

const SENSITIVE_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-acs-security-token",
  "x-zc-token",
  "x-amz-security-token",
]);
const SENSITIVE_QUERY_PARAMETERS = new Set([
  "signature",
  "securitytoken",
  "accesskeysecret",
  "token",
  "password",
  "x-amz-signature",
  "x-amz-security-token",
]);
const SENSITIVE_JSON_FIELD =
  /("(?:[A-Za-z_-]*(?:secret|password|token|signature|authorization)[A-Za-z_-]*)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

/**
 * Masks credential-bearing headers. The Authorization scheme is kept (it tells which signing mode was
 * used); credential id, signed headers and signature are not.
 * @public
 */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!SENSITIVE_HEADERS.has(lower)) result[name] = value;
    else if (lower === "authorization" || lower === "proxy-authorization")
      result[name] = `${value.split(" ")[0] ?? ""} ${REDACTED}`.trim();
    else result[name] = REDACTED;
  }
  return result;
}

/** Masks signature and token query parameters (Alibaba V1 carries them in the URL). @public */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf("?");
  if (queryStart < 0) return url;
  const query = url
    .slice(queryStart + 1)
    .split("&")
    .map((pair) => {
      const name = pair.split("=")[0] ?? "";
      return SENSITIVE_QUERY_PARAMETERS.has(decodeSafely(name).toLowerCase()) ? `${name}=${REDACTED}` : pair;
    })
    .join("&");
  return `${url.slice(0, queryStart)}?${query}`;
}

/**
 * Masks the given secret values in free text (error bodies, messages) — as sent, percent-encoded, JSON-escaped,
 * base64 (also inside `base64(id:secret)`), and any fragment of 12 or more of their characters — then JSON fields
 * whose names look secret and signature query parameters. Values shorter than 6 characters are ignored.
 * @public
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  return redactPatterns(createSecretMask(secrets)(text));
}

/** Binds {@link redactText} to one set of secrets. @public */
export interface Redactor {
  text(text: string): string;
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  url(url: string): string;
  /**
   * Masks only the bound secret values (every form and fragment {@link redactText} masks), without the field-name
   * rules: safe on a response body that is still to be parsed (a `NextToken` field stays readable).
   */
  values?(text: string): string;
}

/**
 * Creates a redactor that also masks the given credential values wherever they appear. The forms and fragments
 * of the values are listed once, here: build one redactor per set of credentials, not one per call.
 * @public
 */
export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  const mask = createSecretMask(secrets);
  const text = (value: string) => redactPatterns(mask(value));
  return {
    text,
    headers: (headers) => {
      const masked = redactHeaders(headers);
      for (const name of Object.keys(masked)) masked[name] = text(masked[name] ?? "");
      return masked;
    },
    url: (url) => text(redactUrl(url)),
    values: mask,
  };
}

function redactPatterns(text: string): string {
  return text
    .replace(SENSITIVE_JSON_FIELD, `$1"${REDACTED}"`)
    .replace(/([?&](?:Signature|SecurityToken|X-Amz-Signature|X-Amz-Security-Token)=)[^&\s"]*/gi, `$1${REDACTED}`);
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
