import { describe, expect, it, vi } from "vitest";
import { systemClock } from "../clock.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { silentLogger } from "../logger.js";
import { DEFAULT_RETRY_OPTIONS } from "../retry/retry-options.js";
import { CommonAdapterSettingsSchema, TimeoutMsSchema } from "./adapter-settings.js";
import { LifecycleEngine } from "./lifecycle-engine.js";
import { MAX_TIMEOUT_MS, validateOperationOptions } from "./validate-operation-options.js";

const context = { provider: "fake", operation: "allocate" };

/** The error `validateOperationOptions` throws for `options`, or undefined when it accepts them. */
function rejection(options: unknown): IpAllocatorError | undefined {
  try {
    validateOperationOptions(options, context);
    return undefined;
  } catch (thrown) {
    if (!IpAllocatorError.isInstance(thrown)) throw thrown;
    return thrown;
  }
}

describe("validateOperationOptions", () => {
  it.each([-1, 0, Number.NaN, 1.5, "5", 2 ** 31, Number.POSITIVE_INFINITY])(
    "rejects timeoutMs %s as INVALID_ARGUMENT naming options.timeoutMs",
    (timeoutMs) => {
      const error = rejection({ timeoutMs });
      expect(error).toMatchObject({
        code: "INVALID_ARGUMENT",
        provider: "fake",
        operation: "allocate",
        retryable: false,
      });
      expect(error?.issues.map((issue) => issue.path)).toEqual(["options.timeoutMs"]);
      expect(error?.message).toContain("options.timeoutMs");
    },
  );

  it("accepts the longest timer Node keeps (2^31-1 ms) and the shortest (1 ms)", () => {
    expect(MAX_TIMEOUT_MS).toBe(2 ** 31 - 1);
    expect(rejection({ timeoutMs: 2 ** 31 - 1 })).toBeUndefined();
    expect(rejection({ timeoutMs: 1 })).toBeUndefined();
  });

  it.each([
    [{ signal: "x" }, "options.signal"],
    [{ retry: { maxAttempts: 0 } }, "options.retry.maxAttempts"],
    [{ retry: { baseDelayMs: -1 } }, "options.retry.baseDelayMs"],
    [{ retry: { jitter: "half" } }, "options.retry.jitter"],
    [{ retry: true }, "options.retry"],
    [{ hooks: 5 }, "options.hooks"],
    [{ hooks: { onRequest: 5 } }, "options.hooks.onRequest"],
    [{ pollIntervalMs: -1 }, "options.pollIntervalMs"],
    [{ maxPollIntervalMs: 2.5 }, "options.maxPollIntervalMs"],
    ["fast", "options"],
    [null, "options"],
  ])("rejects %j naming %s", (options, path) => {
    const error = rejection(options);
    expect(error?.code).toBe("INVALID_ARGUMENT");
    expect(error?.issues.map((issue) => issue.path)).toEqual([path]);
    expect(error?.message).toContain(path);
  });

  it("lists every bad field in one error", () => {
    const error = rejection({ timeoutMs: 0, signal: {}, hooks: { onRetry: "log" } });
    expect(error?.issues.map((issue) => issue.path)).toEqual([
      "options.timeoutMs",
      "options.signal",
      "options.hooks.onRetry",
    ]);
  });

  it("returns valid options unchanged (and undefined as no options)", () => {
    const options = {
      timeoutMs: 5_000,
      signal: new AbortController().signal,
      retry: { maxAttempts: 1, jitter: "none" as const },
      hooks: { onRetry: () => {} },
    };
    expect(validateOperationOptions(options, context)).toBe(options);
    expect(validateOperationOptions({ retry: false }, context)).toEqual({ retry: false });
    expect(validateOperationOptions(undefined, context)).toEqual({});
  });
});

describe("LifecycleEngine.run with invalid options", () => {
  it("rejects with INVALID_ARGUMENT before the body (and so any wire call) runs", async () => {
    const engine = new LifecycleEngine({
      provider: "fake",
      clock: systemClock,
      random: () => 0.5,
      logger: silentLogger,
      retry: { ...DEFAULT_RETRY_OPTIONS, budget: false },
    });
    const body = vi.fn(async () => "sent");
    await expect(engine.run("allocate", { timeoutMs: -1 }, body)).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      provider: "fake",
      operation: "allocate",
      issues: [{ path: "options.timeoutMs" }],
    });
    await expect(engine.run("allocate", { hooks: { onRequest: 5 } } as never, body)).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
    expect(body).not.toHaveBeenCalled();
    await expect(engine.run("allocate", { timeoutMs: 1_000 }, body)).resolves.toBe("sent");
  });
});

describe("shared adapter settings", () => {
  it("bound timeouts like per-call options and reject unknown retry or reconcile fields", () => {
    expect(TimeoutMsSchema.safeParse(2 ** 31 - 1).success).toBe(true);
    expect(TimeoutMsSchema.safeParse(2 ** 31).success).toBe(false);
    expect(TimeoutMsSchema.safeParse(0).success).toBe(false);
    expect(
      CommonAdapterSettingsSchema.safeParse({
        operationTimeoutMs: 30_000,
        retry: { maxAttempts: 2 },
        reconcile: { checks: 3, retryWhenAbsent: false },
      }).success,
    ).toBe(true);
    expect(CommonAdapterSettingsSchema.safeParse({ retry: { budget: false } }).success).toBe(false);
    expect(CommonAdapterSettingsSchema.safeParse({ reconcile: { checks: 0 } }).success).toBe(false);
  });
});
