/** The text that replaces every secret polycloud masks. @public */
export const REDACTED = "[REDACTED]";

const SENSITIVE_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-acs-security-token", "x-zc-token"]);
const SENSITIVE_QUERY_PARAMETERS = new Set(["signature", "securitytoken", "accesskeysecret", "token", "password"]);
const SENSITIVE_JSON_FIELD = /("(?:[A-Za-z_-]*(?:secret|password|token|signature|authorization)[A-Za-z_-]*)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

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
    else if (lower === "authorization" || lower === "proxy-authorization") result[name] = `${value.split(" ")[0] ?? ""} ${REDACTED}`.trim();
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
 * Masks every occurrence of the given secret values, JSON fields whose names look secret, and
 * signature query parameters inside free text (error bodies, messages).
 * @public
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of secrets) {
    // Very short values would mask unrelated text; real credentials are long.
    if (secret !== undefined && secret.length >= 6) result = result.split(secret).join(REDACTED);
  }
  result = result.replace(SENSITIVE_JSON_FIELD, `$1"${REDACTED}"`);
  return result.replace(/([?&](?:Signature|SecurityToken)=)[^&\s"]*/g, `$1${REDACTED}`);
}

/** Binds {@link redactText} to one set of secrets. @public */
export interface Redactor {
  text(text: string): string;
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  url(url: string): string;
}

/** Creates a redactor that also masks the given credential values wherever they appear. @public */
export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  return {
    text: (text) => redactText(text, secrets),
    headers: (headers) => {
      const masked = redactHeaders(headers);
      for (const name of Object.keys(masked)) masked[name] = redactText(masked[name] ?? "", secrets);
      return masked;
    },
    url: (url) => redactText(redactUrl(url), secrets),
  };
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
