import { afterEach, describe, expect, it, vi } from "vitest";
import { createOperationSignal } from "./create-operation-signal.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("createOperationSignal", () => {
  it("aborts with TIMEOUT when the deadline passes", () => {
    vi.useFakeTimers();
    const operation = createOperationSignal({ timeoutMs: 1_000 }, { provider: "p", operation: "allocate" });
    vi.advanceTimersByTime(999);
    expect(operation.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(operation.signal.reason).toMatchObject({
      code: "TIMEOUT",
      provider: "p",
      operation: "allocate",
      retryable: true,
    });
    operation.dispose();
  });

  it("aborts with CANCELLED carrying the caller's reason, also when already aborted", () => {
    const caller = new AbortController();
    const operation = createOperationSignal({ signal: caller.signal }, { provider: "p", operation: "describe" });
    caller.abort("user pressed ctrl-c");
    expect(operation.signal.reason).toMatchObject({ code: "CANCELLED", cause: "user pressed ctrl-c" });
    expect(
      createOperationSignal({ signal: caller.signal }, { provider: "p", operation: "describe" }).signal.aborted,
    ).toBe(true);
  });

  it("clears the deadline on dispose so nothing fires later", () => {
    vi.useFakeTimers();
    const operation = createOperationSignal({ timeoutMs: 10 }, { provider: "p", operation: "release" });
    operation.dispose();
    vi.advanceTimersByTime(100);
    expect(operation.signal.aborted).toBe(false);
  });
});
