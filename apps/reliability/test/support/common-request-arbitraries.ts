import fc from "fast-check";

/** An allocate input and the one way it was made invalid (shown in a counterexample). */
export interface InvalidInput {
  corruption: string;
  input: unknown;
}

/** A mutable allocate request as the generators build it. */
export type RequestRecord = Record<string, unknown>;

/** Printable ASCII without spaces, the alphabet of ids and idempotency keys. */
export function printableAscii(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
    minLength,
    maxLength,
  });
}

/** Any JSON-ish value, for fields that must be of another type. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);

/** Values that are not a plain object (what a schema expecting one must refuse). */
export const notAnObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
);

/** A string of exactly one character class the key schema refuses: space, control or non-ASCII. */
const badKeyCharacter = fc.constantFrom(" ", "\t", "\n", "é", "中", "\u0000", "😀");

/** Valid idempotency keys: 1–64 printable ASCII characters. */
export const validIdempotencyKey = printableAscii(1, 64);

/** Tags every provider takes: up to 5, keys 1–64 printable characters (never polycloud's), values 1–64 characters (Zenlayer refuses empty ones). */
export const validTags: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  printableAscii(1, 64).filter((key) => !key.startsWith("polycloud-")),
  fc.string({ minLength: 1, maxLength: 64 }),
  { maxKeys: 5 },
);

/** Ways to break fields every provider shares; `maxCount` is the provider's `maxCountPerCall`. */
export function commonCorruptions(maxCount: number): fc.Arbitrary<[string, (request: RequestRecord) => unknown]> {
  const set = (field: string, label: string, values: fc.Arbitrary<unknown>) =>
    values.map((value): [string, (request: RequestRecord) => unknown] => [
      `${label}: ${safeStringify(value)}`,
      (request) => ({ ...request, [field]: value }),
    ]);
  const knownFields = ["location", "instanceId", "count", "tags", "idempotencyKey", "providerOptions"];
  return fc.oneof(
    fc.constant<[string, (request: RequestRecord) => unknown]>([
      "location missing",
      ({ location: _location, ...rest }) => rest,
    ]),
    set("location", "location not an object", notAnObject),
    set("location", "location empty", fc.constant({})),
    fc
      .tuple(
        fc.string({ minLength: 1 }).filter((key) => key !== "region" && key !== "zone"),
        anyValue,
      )
      .map(([key, value]): [string, (request: RequestRecord) => unknown] => [
        `location has unknown key ${JSON.stringify(key)}`,
        (request) => ({ ...request, location: { ...(request["location"] as object), [key]: value } }),
      ]),
    set(
      "count",
      "count out of range",
      fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: maxCount + 1, max: 1_000_000 })),
    ),
    set(
      "count",
      "count not an integer",
      fc.oneof(
        fc.double({ min: 0.001, max: 99.999, noInteger: true }),
        fc.constant(Number.NaN),
        fc.constant(Number.POSITIVE_INFINITY),
        fc.string(),
        fc.constant(null),
      ),
    ),
    set("tags", "tags not an object", fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
    set(
      "tags",
      "tag key empty",
      fc.string({ maxLength: 10 }).map((value) => ({ "": value })),
    ),
    set(
      "tags",
      "tag key longer than 128",
      printableAscii(129, 200).map((key) => ({ [key]: "value" })),
    ),
    set(
      "tags",
      "tag value longer than 256",
      fc.string({ minLength: 257, maxLength: 300 }).map((value) => ({ team: value })),
    ),
    set(
      "tags",
      "tag value not a string",
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant({})).map((value) => ({ team: value })),
    ),
    set("idempotencyKey", "idempotencyKey empty", fc.constant("")),
    set("idempotencyKey", "idempotencyKey longer than 64", printableAscii(65, 100)),
    set(
      "idempotencyKey",
      "idempotencyKey with a forbidden character",
      fc.tuple(printableAscii(0, 30), badKeyCharacter, printableAscii(0, 30)).map((parts) => parts.join("")),
    ),
    set(
      "idempotencyKey",
      "idempotencyKey not a string",
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant({})),
    ),
    set("providerOptions", "providerOptions not an object", fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
    set(
      "providerOptions",
      "another provider's options not an object",
      notAnObject.map((value) => ({ "some-other-cloud": value })),
    ),
    fc
      .tuple(
        fc.string({ minLength: 1 }).filter((key) => !knownFields.includes(key)),
        anyValue,
      )
      .map(([key, value]): [string, (request: RequestRecord) => unknown] => [
        `unknown top-level key ${JSON.stringify(key)}`,
        (request) => ({ ...request, [key]: value }),
      ]),
  );
}

/** Inputs that are not an allocate request at all. */
export const notARequest: fc.Arbitrary<InvalidInput> = fc
  .oneof(fc.constant(undefined), notAnObject)
  .map((input) => ({ corruption: `input ${safeStringify(input)}`, input }));

/** Applies a corruption picked from `corruptions` to a request picked from `valid`. */
export function corrupt(
  valid: fc.Arbitrary<RequestRecord>,
  corruptions: fc.Arbitrary<[string, (request: RequestRecord) => unknown]>,
): fc.Arbitrary<InvalidInput> {
  return fc.tuple(valid, corruptions).map(([request, [corruption, apply]]) => ({ corruption, input: apply(request) }));
}

function safeStringify(value: unknown): string {
  const text =
    value === undefined
      ? "undefined"
      : typeof value === "number" && !Number.isFinite(value)
        ? String(value)
        : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
