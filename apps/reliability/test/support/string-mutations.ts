import fc from "fast-check";

/** Printable ASCII, the alphabet of header values, parameters and secrets in these tests. */
export const printableCharacter = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));

/** A printable string of `minLength`–`maxLength` characters. */
export function printableString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: printableCharacter, minLength, maxLength });
}

/**
 * A non-empty string and a copy with exactly one character replaced by a different one, at any position
 * (`trimmed`: the change survives trimming, for values signers trim).
 */
export function stringWithOneCharacterChanged(
  minLength = 1,
  maxLength = 40,
  options: { trimmed?: boolean } = {},
): fc.Arbitrary<[string, string]> {
  return fc
    .tuple(printableString(Math.max(1, minLength), maxLength), fc.nat(), printableCharacter)
    .map(([original, position, replacement]): [string, string] => {
      const index = position % original.length;
      const changed =
        original[index] === replacement
          ? String.fromCharCode(((replacement.charCodeAt(0) - 0x20 + 1) % 95) + 0x20)
          : replacement;
      return [original, original.slice(0, index) + changed + original.slice(index + 1)];
    })
    .filter(([original, mutated]) => !options.trimmed || original.trim() !== mutated.trim());
}

/** Bytes and a copy with one byte flipped (every bit pattern but the original). */
export const bytesWithOneByteChanged: fc.Arbitrary<[Uint8Array, Uint8Array]> = fc
  .tuple(fc.uint8Array({ minLength: 1, maxLength: 256 }), fc.nat(), fc.integer({ min: 1, max: 255 }))
  .map(([original, position, flip]) => {
    const mutated = Uint8Array.from(original);
    const index = position % original.length;
    mutated[index] = (original[index] as number) ^ flip;
    return [original, mutated];
  });

/** Lower-case HTTP header names outside `excluded` (and not starting with an excluded prefix ending in "-"). */
export function headerNameOutside(excluded: readonly string[]): fc.Arbitrary<string> {
  return fc
    .stringMatching(/^[a-z][a-z0-9-]{0,20}$/)
    .filter((name) => !excluded.some((entry) => (entry.endsWith("-") ? name.startsWith(entry) : name === entry)));
}
