import { InvalidArgumentError } from "commander";

/** Commander parser for `--count` and `--timeout`: a whole number of at least 1. */
export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError("must be a positive integer.");
  return parsed;
}

/** Commander collector for the repeatable `--tag key=value`. */
export function collectTag(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const separator = value.indexOf("=");
  if (separator <= 0) throw new InvalidArgumentError("must be key=value with a non-empty key.");
  return { ...previous, [value.slice(0, separator)]: value.slice(separator + 1) };
}

/**
 * Commander collector for the repeatable `--provider-option key=value`: one of the selected provider's
 * `providerOptions`. A dotted key sets a nested field (`eipChargePrepaid.period=12`). The value is read as JSON
 * when it is a number, `true`, `false`, `null` or a quoted string, array or object, else as plain text
 * (`method=modify-instance-network-spec`); the provider's own schema then checks it before anything is sent.
 */
export function collectProviderOption(
  value: string,
  previous: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const separator = value.indexOf("=");
  const path = value.slice(0, Math.max(0, separator)).split(".");
  if (separator <= 0 || path.some((segment) => segment === ""))
    throw new InvalidArgumentError(
      "must be key=value (a dotted key sets a nested option, e.g. eipChargePrepaid.period=12).",
    );
  const options = structuredClone(previous ?? {});
  let parent = options;
  for (const segment of path.slice(0, -1)) {
    const child = parent[segment];
    parent = parent[segment] =
      typeof child === "object" && child !== null && !Array.isArray(child) ? (child as Record<string, unknown>) : {};
  }
  parent[path[path.length - 1] as string] = parseOptionValue(value.slice(separator + 1));
  return options;
}

function parseOptionValue(text: string): unknown {
  if (!/^(?:-?\d|true$|false$|null$|["[{])/.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
