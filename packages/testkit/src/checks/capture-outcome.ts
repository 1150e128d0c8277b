import { setTimeout as delay } from "node:timers/promises";

/** How a promise settled, captured so a rejection is never left unhandled while a check does other work. */
export type Outcome<T> = { status: "fulfilled"; value: T } | { status: "rejected"; error: unknown };

/** Attaches handlers at once: the returned promise always fulfils, with the outcome. */
export function captureOutcome<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ status: "fulfilled", value }),
    (error: unknown) => ({ status: "rejected", error }),
  );
}

/** The outcome, or a failure naming `what` when it does not settle within `limitMs` (a hung adapter). */
export async function settleWithin<T>(
  pending: Promise<Outcome<T>>,
  limitMs: number,
  what: string,
): Promise<Outcome<T>> {
  const deadline = new AbortController();
  const late = delay(limitMs, "late" as const, { signal: deadline.signal }).catch(() => "settled" as const);
  try {
    const first = await Promise.race([pending, late]);
    if (first === "late" || first === "settled") throw new Error(`${what} did not settle within ${limitMs} ms`);
    return first;
  } finally {
    deadline.abort();
  }
}

/** Polls `condition` every few milliseconds until it holds or `limitMs` passes; never fails by itself. */
export async function waitUntil(condition: () => boolean, limitMs: number): Promise<void> {
  const giveUpAt = Date.now() + limitMs;
  while (!condition() && Date.now() < giveUpAt) await delay(5);
}
