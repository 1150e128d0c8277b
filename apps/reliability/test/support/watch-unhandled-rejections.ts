import { afterAll, beforeAll, expect } from "vitest";

/**
 * Registers `unhandledRejection` and `uncaughtException` listeners for the calling test file and asserts in
 * `afterAll` that none fired: a promise an adapter forgot (a lost retry, a timer racing a close) shows up here
 * even when the awaited call itself settled fine. Vitest reports them too; this makes the claim explicit.
 */
export function watchUnhandledRejections(): { readonly reasons: unknown[] } {
  const reasons: unknown[] = [];
  const record = (reason: unknown): void => {
    reasons.push(reason);
  };
  beforeAll(() => {
    process.on("unhandledRejection", record);
    process.on("uncaughtException", record);
  });
  afterAll(async () => {
    // Rejections are reported after the microtask queue drains; give stragglers a macrotask to surface.
    await new Promise((resolve) => setImmediate(resolve));
    process.off("unhandledRejection", record);
    process.off("uncaughtException", record);
    expect(
      reasons.map((reason) => (reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason))),
    ).toEqual([]);
  });
  return { reasons };
}
