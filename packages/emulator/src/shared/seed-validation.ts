/** Thrown when a seed (file or object) is invalid; the message names the offending field path. */
export class SeedValidationError extends Error {
  /** Dotted path of the bad field, e.g. `alibaba.instances[2].status`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`Invalid emulator seed: "${field}" ${problem}`);
    this.name = "SeedValidationError";
    this.field = field;
  }
}

/** Reads a plain object, or throws naming `field`. */
export function readObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SeedValidationError(field, "must be an object");
  }
  return value as Record<string, unknown>;
}

/** Reads an array, or throws naming `field`. */
export function readArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new SeedValidationError(field, "must be an array");
  return value;
}

/** Reads a non-empty string, or throws naming `field`. */
export function readString(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") throw new SeedValidationError(field, "must be a non-empty string");
  return value;
}

/** Reads an optional non-empty string. */
export function readOptionalString(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : readString(value, field);
}

/** Reads an optional boolean. */
export function readOptionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw new SeedValidationError(field, "must be a boolean");
  return value;
}

/** Reads an integer within [minimum, maximum], or throws naming `field`. */
export function readInteger(value: unknown, field: string, minimum: number, maximum: number): number {
  if (!Number.isInteger(value) || (value as number) < minimum || (value as number) > maximum) {
    throw new SeedValidationError(field, `must be an integer between ${minimum} and ${maximum}`);
  }
  return value as number;
}

/** Reads an optional integer within [minimum, maximum]. */
export function readOptionalInteger(
  value: unknown,
  field: string,
  minimum: number,
  maximum: number,
): number | undefined {
  return value === undefined ? undefined : readInteger(value, field, minimum, maximum);
}

/** Reads one of `allowed`, or throws listing them. */
export function readEnum<Value extends string>(value: unknown, field: string, allowed: readonly Value[]): Value {
  if (!allowed.includes(value as Value)) throw new SeedValidationError(field, `must be one of ${allowed.join(", ")}`);
  return value as Value;
}

/** Reads an optional list of non-empty strings. */
export function readOptionalStringArray(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  return readArray(value, field).map((item, index) => readString(item, `${field}[${index}]`));
}

/** Throws when `object` has a key outside `known` (catches typos in hand-written seed files). */
export function rejectUnknownKeys(object: Record<string, unknown>, known: readonly string[], field: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key))
      throw new SeedValidationError(field === "" ? key : `${field}.${key}`, "is not a known field");
  }
}
