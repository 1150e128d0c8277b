import { describe, expect, it } from "vitest";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { createOperationSignal } from "./create-operation-signal.js";

const context = { provider: "test-provider", operation: "allocate" };

describe("default deadlines shared by operations starting together", () => {
  it("gives concurrent operations of one kind one signal, and an explicit timeoutMs its own", () => {
    const first = createOperationSignal({}, context, 60_000);
    const second = createOperationSignal({}, context, 60_000);
    const explicit = createOperationSignal({ timeoutMs: 60_000 }, context, 60_000);
    const otherKind = createOperationSignal({}, { ...context, operation: "describe" }, 60_000);
    expect(second.signal).toBe(first.signal);
    expect(explicit.signal).not.toBe(first.signal);
    expect(otherKind.signal).not.toBe(first.signal);
    for (const operation of [first, second, explicit, otherKind]) operation.dispose();
  });

  it("times out no earlier than promised and at most the granularity later, with a typed TIMEOUT", async () => {
    const started = Date.now();
    const { signal } = createOperationSignal({}, { ...context, operation: "shortDeadline" }, 50);
    const reason = await new Promise<unknown>((resolve) =>
      signal.addEventListener("abort", () => resolve(signal.reason), { once: true }),
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(50);
    expect(IpAllocatorError.hasCode(reason, "TIMEOUT")).toBe(true);
    expect((reason as IpAllocatorError).message).toContain("within 50 ms");
  });

  it("starts a new bucket once the shared one has fired, so a later operation gets its full time", async () => {
    const early = createOperationSignal({}, { ...context, operation: "rolling" }, 20);
    await new Promise((resolve) => early.signal.addEventListener("abort", resolve, { once: true }));
    const later = createOperationSignal({}, { ...context, operation: "rolling" }, 20);
    expect(later.signal).not.toBe(early.signal);
    expect(later.signal.aborted).toBe(false);
  });

  it("still combines a caller's signal with the default deadline", () => {
    const caller = new AbortController();
    const operation = createOperationSignal({ signal: caller.signal }, context, 60_000);
    caller.abort();
    expect(IpAllocatorError.hasCode(operation.signal.reason, "CANCELLED")).toBe(true);
    operation.dispose();
  });
});
