import { describe, expect, it } from "vitest";
import { runConformanceCheck } from "../src/conformance-check-runners.js";
import type { ConformanceCheck } from "../src/conformance-checks.js";
import { runIpAllocatorConformance } from "../src/index.js";
import { createFixtureSubject } from "./fixtures/create-fixture-subject.js";
import type { FixtureFaults } from "./fixtures/fixture-allocator.js";

// A kit that passes everything is worthless: each contract violation must fail the check that covers it.
const FAULTS: ReadonlyArray<[keyof FixtureFaults, ConformanceCheck, RegExp]> = [
  ["skipValidation", "rejects-invalid-allocate-request", /count 0: sent 1 request\(s\) before rejecting/],
  ["dropIdempotencyKey", "idempotency-key-allocates-once", /commits nothing/],
  ["leakSecretInErrors", "bad-credentials-rejected-without-secrets", /error message leaks 1 secret\(s\)/],
  [
    "throwPlainErrors",
    "rejects-unknown-id-with-typed-error",
    /describe\("polycloud-conformance-unknown-id"\): rejected with Error \(not an IpAllocatorError\)/,
  ],
  [
    "throwSynchronously",
    "rejects-empty-id",
    /describe\(""\): threw synchronously instead of returning a rejected promise/,
  ],
  ["ignoreAbortSignal", "abort-cancels-hanging-describe", /did not settle within 2000 ms/],
];

describe("conformance checks", () => {
  it.each(FAULTS)("%s fails %s", async (fault, check, failure) => {
    await expect(runConformanceCheck(check, () => createFixtureSubject({ [fault]: true }))).rejects.toThrow(failure);
  });

  it("masks the leaked secret in the failure it reports", async () => {
    const failure = await runConformanceCheck("bad-credentials-rejected-without-secrets", () =>
      createFixtureSubject({ leakSecretInErrors: true }),
    ).catch((error: unknown) => error);
    expect(String(failure)).toContain("<secret #2>");
    expect(String(failure)).not.toContain("fixture-wrong-token");
  });

  it("refuses to skip a check that does not exist", () => {
    const options = {
      name: "typo",
      setup: () => createFixtureSubject(),
      skip: ["close-is-idempotnet" as ConformanceCheck],
    };
    expect(() => runIpAllocatorConformance(options)).toThrow(
      /Unknown conformance check\(s\) in skip: close-is-idempotnet/,
    );
  });
});
