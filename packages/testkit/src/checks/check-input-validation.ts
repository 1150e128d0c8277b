import type { AllocateRequestInput, IpAllocatorErrorCode } from "@polycloud/core";
import type { ConformanceSubject } from "../conformance-subject.js";
import { captureOutcome, type Outcome } from "./capture-outcome.js";
import { expectNoProblems } from "./expect-no-problems.js";
import { describeThrown, findRejectionProblem } from "./expect-typed-error.js";

/** Names that no provider schema accepts, so the check cannot collide with a real field. */
const UNKNOWN_KEY = "polycloudConformanceUnknownKey";
const UNKNOWN_ID = "polycloud-conformance-unknown-id";

interface InvalidCase {
  label: string;
  run(): Promise<unknown>;
  codes: readonly IpAllocatorErrorCode[];
}

/** Runs every case and returns one line per case that sent a request or rejected the wrong way. */
async function listValidationProblems(
  subject: ConformanceSubject,
  cases: readonly InvalidCase[],
  requireNoRequest: boolean,
): Promise<string[]> {
  const problems: string[] = [];
  for (const invalid of cases) {
    const requestsBefore = subject.countRequests();
    let outcome: Outcome<unknown>;
    try {
      outcome = await captureOutcome(invalid.run());
    } catch (thrown) {
      // Callers chain `.catch()` on these methods: a synchronous throw escapes that chain.
      problems.push(
        `${invalid.label}: threw synchronously instead of returning a rejected promise (${describeThrown(thrown)})`,
      );
      continue;
    }
    const sent = subject.countRequests() - requestsBefore;
    const problem = findRejectionProblem(outcome, invalid.codes, subject.allocator.provider);
    if (problem !== undefined) problems.push(`${invalid.label}: ${problem}`);
    if (requireNoRequest && sent > 0) problems.push(`${invalid.label}: sent ${sent} request(s) before rejecting`);
  }
  return problems;
}

/** `rejects-invalid-allocate-request`: bad input fails fast, typed, and costs no request (and no money). */
export async function checkRejectsInvalidAllocateRequest(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const valid = subject.validRequest();
  const { location: _location, ...withoutLocation } = valid;
  const ownOptions = valid.providerOptions?.[allocator.provider] ?? {};
  const inputs: Array<[string, unknown]> = [
    ["missing location", withoutLocation],
    ["count 0", { ...valid, count: 0 }],
    ["count 101", { ...valid, count: 101 }],
    ["count 1.5", { ...valid, count: 1.5 }],
    ["unknown top-level key", { ...valid, [UNKNOWN_KEY]: true }],
    [
      `unknown providerOptions["${allocator.provider}"] key`,
      {
        ...valid,
        providerOptions: { ...valid.providerOptions, [allocator.provider]: { ...ownOptions, [UNKNOWN_KEY]: true } },
      },
    ],
  ];
  const cases = inputs.map(
    ([label, input]): InvalidCase => ({
      label,
      run: () => allocator.allocate(input as AllocateRequestInput),
      codes: ["INVALID_ARGUMENT"],
    }),
  );
  expectNoProblems(await listValidationProblems(subject, cases, true), "invalid allocate requests");
}

/** `rejects-empty-id`. */
export async function checkRejectsEmptyId(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const releaseCodes: IpAllocatorErrorCode[] =
    allocator.capabilities.release === "unsupported" ? ["INVALID_ARGUMENT", "UNSUPPORTED"] : ["INVALID_ARGUMENT"];
  const cases: InvalidCase[] = [
    { label: 'describe("")', run: () => allocator.describe(""), codes: ["INVALID_ARGUMENT"] },
    { label: 'release("")', run: () => allocator.release(""), codes: releaseCodes },
    { label: 'waitUntilReady("")', run: () => allocator.waitUntilReady(""), codes: ["INVALID_ARGUMENT"] },
  ];
  expectNoProblems(await listValidationProblems(subject, cases, true), "empty ids");
}

/** `rejects-unknown-id-with-typed-error`: a provider's "no such resource" must not surface as a plain Error. */
export async function checkRejectsUnknownIdWithTypedError(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const codes: IpAllocatorErrorCode[] = ["NOT_FOUND", "INVALID_ARGUMENT"];
  const releaseCodes: IpAllocatorErrorCode[] =
    allocator.capabilities.release === "unsupported" ? [...codes, "UNSUPPORTED"] : codes;
  const cases: InvalidCase[] = [
    { label: `describe("${UNKNOWN_ID}")`, run: () => allocator.describe(UNKNOWN_ID), codes },
    { label: `release("${UNKNOWN_ID}")`, run: () => allocator.release(UNKNOWN_ID), codes: releaseCodes },
  ];
  expectNoProblems(await listValidationProblems(subject, cases, false), "unknown ids");
}
