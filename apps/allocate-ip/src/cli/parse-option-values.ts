import { InvalidArgumentError } from "commander";

/** Commander parser for `--count` and `--timeout`: a whole number of at least 1. */
export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < 1) throw new InvalidArgumentError("must be a positive integer.");
  return parsed;
}

/** Commander collector for the repeatable `--tag key=value`. */
export function collectTag(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const separator = value.indexOf("=");
  if (separator <= 0) throw new InvalidArgumentError("must be key=value with a non-empty key.");
  return { ...previous, [value.slice(0, separator)]: value.slice(separator + 1) };
}
