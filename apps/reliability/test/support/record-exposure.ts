import { inspect } from "node:util";
import type { Logger } from "@polycloud/core";
import type { Settled } from "./record-failure.js";

/** Everything an operator or caller could get to see from a run: results, errors, logs, hook events. */
export type Exposure = unknown[];

/** A verbose logger (debug and warn) that keeps every message and its fields in `exposure`. */
export function createRecordingLogger(exposure: Exposure): Logger {
  return {
    debug: (message, fields) => exposure.push({ level: "debug", message, fields }),
    warn: (message, fields) => exposure.push({ level: "warn", message, fields }),
  };
}

/**
 * Adds a settled call to `exposure` in every form it could be shown: the result or error object itself (the
 * search walks message, stack, `toJSON()`, `details` and the `cause` chain), its JSON, and what `console.log`
 * would print for it.
 */
export function recordSettled(exposure: Exposure, settled: Settled<unknown>): void {
  const shown = settled.result ?? settled.error;
  exposure.push(shown, safelyStringify(shown), inspect(shown, { depth: 10 }));
}

function safelyStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch (error) {
    return `unserialisable: ${String(error)}`;
  }
}
