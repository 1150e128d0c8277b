const MAX_DEPTH = 12;
const SNIPPET_MARGIN = 40;

/**
 * Throws when any of `secrets` appears in `value`: strings, nested objects and arrays (keys and values),
 * errors (message, stack, `toJSON()` output, `cause` chain) and the value's `JSON.stringify` form are all
 * searched, for each secret as is and URL-encoded. The failure message shows where, with the secrets masked,
 * so a test report never prints a credential.
 * @param label - What `value` is, for the failure message (e.g. `"hook events"`).
 * @public
 */
export function expectNoSecrets(value: unknown, secrets: readonly string[], label = "value"): void {
  const text = renderSearchableText(value);
  const leaks: string[] = [];
  secrets.forEach((secret, index) => {
    if (secret === "") return;
    const position = [secret, encodeURIComponent(secret)]
      .map((form) => ({ form, at: text.indexOf(form) }))
      .find((match) => match.at >= 0);
    if (position === undefined) return;
    const snippet = text.slice(
      Math.max(0, position.at - SNIPPET_MARGIN),
      position.at + position.form.length + SNIPPET_MARGIN,
    );
    leaks.push(`secret #${index + 1} appears in: …${maskSecrets(snippet, secrets)}…`);
  });
  if (leaks.length > 0) throw new Error(`${label} leaks ${leaks.length} secret(s):\n${leaks.join("\n")}`);
}

/** Every string reachable from `value`, joined, so one `indexOf` per secret finds a leak anywhere. */
function renderSearchableText(value: unknown): string {
  const parts: string[] = [];
  collectText(value, parts, new WeakSet(), 0);
  try {
    parts.push(JSON.stringify(value) ?? "");
  } catch {
    // Circular or BigInt values: the walk above already covered them.
  }
  return parts.join("\n");
}

function collectText(value: unknown, parts: string[], seen: WeakSet<object>, depth: number): void {
  if (typeof value === "string") parts.push(value);
  else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    parts.push(String(value));
  if (typeof value !== "object" || value === null || seen.has(value) || depth > MAX_DEPTH) return;
  seen.add(value);
  if (value instanceof Error) {
    parts.push(value.message, value.stack ?? "");
    collectText(value.cause, parts, seen, depth + 1);
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function")
    collectText(
      safely(() => toJSON.call(value)),
      parts,
      seen,
      depth + 1,
    );
  const entries =
    value instanceof Map
      ? [...value.entries()]
      : value instanceof Set
        ? [...value].map((item, index) => [index, item])
        : Object.entries(value);
  for (const [key, item] of entries) {
    collectText(key, parts, seen, depth + 1);
    collectText(item, parts, seen, depth + 1);
  }
}

function safely(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (masked, secret, index) =>
      secret === ""
        ? masked
        : masked
            .split(secret)
            .join(`<secret #${index + 1}>`)
            .split(encodeURIComponent(secret))
            .join(`<secret #${index + 1}>`),
    text,
  );
}
