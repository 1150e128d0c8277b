/**
 * Masking of known credential values in text that came back from a server (bodies, headers, request ids).
 *
 * What is masked, for each value of at least {@link MIN_SECRET_LENGTH} characters:
 * - the value itself and its encoded forms: percent-encoded (once and twice, `encodeURIComponent` and RFC 3986),
 *   JSON-escaped, and base64 / base64url at every byte alignment (so `base64("id:" + secret)`, as in an HTTP
 *   Basic header, is caught without knowing the id);
 * - any fragment of {@link FRAGMENT_LENGTH} or more consecutive characters of one of those forms: a truncated
 *   echo, or a value split across two fields. Shorter fragments are not masked: they would hide ordinary words.
 */

/** Shorter values would mask unrelated text; real credentials are long. */
export const MIN_SECRET_LENGTH = 6;
/** The shortest run of a secret's characters that is masked on its own. */
export const FRAGMENT_LENGTH = 12;

const REPLACEMENT = "[REDACTED]";
const HASH_BASE = 131;
/** HASH_BASE^(FRAGMENT_LENGTH-1) modulo 2^32: the weight of the character leaving the rolling window. */
const LEADING_WEIGHT = Array.from({ length: FRAGMENT_LENGTH - 1 }).reduce<number>(
  (weight) => Math.imul(weight, HASH_BASE),
  1,
);

/** A function masking the given values (and their forms and fragments) in a text. @internal */
export type SecretMask = (text: string) => string;

/** The forms a server may echo a secret in: raw, percent-encoded, JSON-escaped, base64 at every alignment. @internal */
export function listSecretForms(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const rfc3986 = percent.replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  const forms = [
    secret,
    percent,
    rfc3986,
    encodeURIComponent(percent),
    encodeURIComponent(rfc3986),
    JSON.stringify(secret).slice(1, -1),
  ];
  const bytes = Buffer.from(secret, "utf8");
  for (let offset = 0; offset < 3; offset += 1) {
    // Base64 of the secret preceded by `offset` other bytes: the groups holding only secret bytes are the same
    // whatever those bytes are, so the first (mixed) group and the last (padded) one are left out.
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const stable = encoded.slice(offset === 0 ? 0 : 4, Math.floor((offset + bytes.length) / 3) * 4);
    forms.push(stable, stable.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...new Set(forms)].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * Builds a mask for `secrets` (undefined and too-short values ignored). The work of listing forms and
 * fragments is done once here; masking a text is one pass with a rolling hash. `allForms: false` keeps the
 * value and its percent-encoding only: enough for one request's signature, and cheap to build per request.
 * @internal
 */
export function createSecretMask(
  secrets: readonly (string | undefined)[],
  options: { allForms?: boolean } = {},
): SecretMask {
  const wholeValues = new Set<string>();
  const fragments = new Set<string>();
  const hashes = new Set<number>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) continue;
    const forms =
      options.allForms === false ? [...new Set([secret, encodeURIComponent(secret)])] : listSecretForms(secret);
    for (const form of forms) {
      if (form.length < FRAGMENT_LENGTH) wholeValues.add(form);
      forEachWindowHash(form, (start, hash) => {
        const fragment = form.slice(start, start + FRAGMENT_LENGTH);
        fragments.add(fragment);
        hashes.add(hash);
      });
    }
  }
  // Longest first, so a value is not half-masked by a shorter one it contains.
  const shortValues = [...wholeValues].sort((left, right) => right.length - left.length);
  if (fragments.size === 0 && shortValues.length === 0) return (text) => text;
  return (text) => {
    let result = fragments.size === 0 ? text : maskFragments(text, fragments, hashes);
    for (const value of shortValues) if (result.includes(value)) result = result.split(value).join(REPLACEMENT);
    return result;
  };
}

/** Calls `visit` with the start and the rolling hash (32-bit integer arithmetic) of every window of the text. */
function forEachWindowHash(text: string, visit: (start: number, hash: number) => void): void {
  if (text.length < FRAGMENT_LENGTH) return;
  let hash = 0;
  for (let index = 0; index < FRAGMENT_LENGTH; index += 1)
    hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(index)) | 0;
  for (let start = 0; ; start += 1) {
    visit(start, hash);
    const next = start + FRAGMENT_LENGTH;
    if (next >= text.length) return;
    hash = (Math.imul(hash - Math.imul(text.charCodeAt(start), LEADING_WEIGHT), HASH_BASE) + text.charCodeAt(next)) | 0;
  }
}

/** Replaces every maximal run covered by known fragments with one placeholder (Rabin–Karp over the text). */
function maskFragments(text: string, fragments: ReadonlySet<string>, hashes: ReadonlySet<number>): string {
  let output = "";
  let copiedUpTo = 0;
  let maskedUpTo = -1;
  let runStart = -1;
  forEachWindowHash(text, (start, hash) => {
    if (!hashes.has(hash) || !fragments.has(text.slice(start, start + FRAGMENT_LENGTH))) return;
    if (start > maskedUpTo) {
      // A gap since the last run: that run is complete.
      if (runStart >= 0) {
        output += text.slice(copiedUpTo, runStart) + REPLACEMENT;
        copiedUpTo = maskedUpTo;
      }
      runStart = start;
    }
    maskedUpTo = start + FRAGMENT_LENGTH;
  });
  if (runStart < 0) return text;
  return output + text.slice(copiedUpTo, runStart) + REPLACEMENT + text.slice(maskedUpTo);
}
