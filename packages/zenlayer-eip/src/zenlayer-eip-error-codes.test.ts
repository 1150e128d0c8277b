import { ERROR_CODE_DEFAULTS } from "@polycloud/core";
import { ZENLAYER_ERROR_CODES } from "@polycloud/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rejectionOf, startHarness, type Harness } from "../test/zenlayer-eip-harness.js";
import { ZENLAYER_ERROR_MAP } from "./map-zenlayer-eip-error.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ settings: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } } });
});
beforeEach(() => harness.emulator.faults.clear());
afterAll(async () => harness.close());

// Every code the emulator can answer, injected with its status through an error-code fault rule.
const CODES = Object.entries(ZENLAYER_ERROR_CODES).map(([code, info]) => [code, info.httpStatus] as const);

describe("every Zenlayer error code end to end (emulator error-code faults)", () => {
  it.each(CODES)("%s (HTTP %i) arrives typed, with the table's neutral code", async (code, httpStatus) => {
    harness.fault({
      action: "DescribeEipAddresses",
      kind: "error-code",
      code,
      httpStatus,
      message: `injected ${code}`,
    });
    const before = harness.dispatcher.requests;
    const error = await rejectionOf(harness.allocator.describe("eip-00000001"));
    const mapping = ZENLAYER_ERROR_MAP[code];
    const retryable = mapping?.retryable ?? ERROR_CODE_DEFAULTS[mapping?.code ?? "INTERNAL"].retryable;
    expect(error).toMatchObject({
      code: mapping?.code,
      providerCode: code,
      httpStatus,
      provider: "zenlayer-eip",
      operation: "describe",
      retryable,
    });
    expect(error.requestId).toMatch(/^T[0-9A-F-]+$/);
    expect(error.message).toContain(`injected ${code}`);
    // Retryable answers are retried (reads may be), the others are not.
    expect(harness.dispatcher.requests - before).toBe(retryable ? 2 : 1);
    expect(error.attempts).toBe(retryable ? 2 : 1);
  });
});
