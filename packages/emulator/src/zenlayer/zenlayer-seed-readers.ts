import { SeedValidationError } from "../shared/seed-validation.js";

/** An optional number of at least `minimum`, or `fallback` when absent; the shared readers take integers only. */
export function readNumber(value: unknown, field: string, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < minimum) {
    throw new SeedValidationError(
      field,
      minimum === Number.NEGATIVE_INFINITY ? "must be a finite number" : `must be a number >= ${minimum}`,
    );
  }
  return value;
}

/** Records `value` in `seen` and returns it; a value seen already is a duplicate id, which the seed rejects. */
export function requireUnique(seen: Set<string>, value: string, field: string): string {
  if (seen.has(value)) throw new SeedValidationError(field, `duplicates "${value}"`);
  seen.add(value);
  return value;
}
