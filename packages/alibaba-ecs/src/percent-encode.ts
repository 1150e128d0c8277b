/**
 * Alibaba's RFC 3986 encoding: UTF-8 bytes, `A-Z a-z 0-9 - _ . ~` kept, everything else `%XX` in upper-case
 * hex (space is `%20`, never `+`; `*` is `%2A`). `URLSearchParams` output is not equivalent.
 * @public
 */
export function percentEncode(value: string): string {
  // Most ECS values (ids, actions, dates) need no encoding at all: skip the work for them.
  if (UNRESERVED_ONLY.test(value)) return value;
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

/** Sort order of names in canonical strings: UTF-16 code units, as the official SDKs sort. @internal */
export function compareCodeUnits(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/** `percentEncode(name)=percentEncode(value)` sorted by name in code-unit order and joined by `&`. @public */
export function buildCanonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort(compareCodeUnits)
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? "")}`)
    .join("&");
}
