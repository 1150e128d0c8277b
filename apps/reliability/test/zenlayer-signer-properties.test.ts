// Property-based: the Zenlayer ZC2-HMAC-SHA256 signer changes the signature whenever a signed byte changes (body,
// Content-Type, Host, timestamp, secret), keeps it when only the access key id changes (it is not in the MAC), and
// agrees with the emulator's independent implementation of the verifier.
import { computeZc2Signature } from "@polycloud/emulator";
import { signZenlayerEipRequest, type ZenlayerSigningInput } from "@polycloud/zenlayer-eip/internal";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readReliabilitySettings } from "./support/reliability-settings.js";
import { bytesWithOneByteChanged, printableString, stringWithOneCharacterChanged } from "./support/string-mutations.js";

const settings = readReliabilitySettings();
const runs = {
  numRuns: settings.propertyRuns,
  ...(settings.propertySeed === undefined ? {} : { seed: settings.propertySeed }),
};

/** Lower-case hosts (as URL parsing yields them), with or without a port. */
const host = fc
  .tuple(fc.domain(), fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }))
  .map(([name, port]) => (port === undefined ? name : `${name}:${port}`));
const signingInput: fc.Arbitrary<ZenlayerSigningInput> = fc.record({
  host,
  contentType: fc.constantFrom("application/json", "application/json; charset=utf-8"),
  body: fc.oneof(printableString(0, 200), fc.uint8Array({ maxLength: 200 })),
  timestampSeconds: fc.integer({ min: 0, max: 4_102_444_800 }),
  accessKeyId: printableString(1, 40),
  accessKeySecret: printableString(1, 60),
});
const signatureOf = (input: ZenlayerSigningInput) => signZenlayerEipRequest(input).signature;

describe("ZC2-HMAC-SHA256", () => {
  it("changes with any body byte", () => {
    fc.assert(
      fc.property(signingInput, bytesWithOneByteChanged, (input, [original, changed]) => {
        expect(signatureOf({ ...input, body: changed })).not.toBe(signatureOf({ ...input, body: original }));
      }),
      runs,
    );
  });

  it("changes with the Host or Content-Type value, the timestamp and the secret", () => {
    fc.assert(
      fc.property(
        signingInput,
        stringWithOneCharacterChanged(1, 60, { trimmed: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (input, [original, changed], shift) => {
          expect(signatureOf({ ...input, host: changed })).not.toBe(signatureOf({ ...input, host: original }));
          expect(signatureOf({ ...input, contentType: changed })).not.toBe(
            signatureOf({ ...input, contentType: original }),
          );
          expect(signatureOf({ ...input, accessKeySecret: changed })).not.toBe(
            signatureOf({ ...input, accessKeySecret: original }),
          );
          expect(signatureOf({ ...input, timestampSeconds: input.timestampSeconds + shift })).not.toBe(
            signatureOf(input),
          );
        },
      ),
      runs,
    );
  });

  it("stays the same when only the access key id changes, which the Authorization header still names", () => {
    fc.assert(
      fc.property(signingInput, stringWithOneCharacterChanged(1, 40), (input, [original, changed]) => {
        const before = signZenlayerEipRequest({ ...input, accessKeyId: original });
        const after = signZenlayerEipRequest({ ...input, accessKeyId: changed });
        expect(after.signature).toBe(before.signature);
        expect(after.authorization).toContain(`Credential=${changed},`);
      }),
      runs,
    );
  });

  it("matches the emulator's verifier for every lower-case Host and Content-Type", () => {
    fc.assert(
      fc.property(signingInput, (input) => {
        const expected = computeZc2Signature({
          signedHeaders: [
            ["content-type", input.contentType],
            ["host", input.host],
          ],
          body: input.body,
          timestamp: String(input.timestampSeconds),
          accessKeySecret: input.accessKeySecret,
        });
        expect(signatureOf(input)).toBe(expected.signature);
      }),
      runs,
    );
  });
});
