import { describe, it } from "vitest";
import { runConformanceCheck } from "./conformance-check-runners.js";
import { CONFORMANCE_CHECKS } from "./conformance-checks.js";
import type { IpAllocatorConformanceOptions } from "./conformance-subject.js";

/**
 * Upper bound per check. Conforming adapters stay far below it against an emulator (the slowest checks wait for an
 * asynchronous IP, or out a one-second Retry-After); the checks bound their own calls tighter, with clearer failures.
 */
const CHECK_TIMEOUT_MS = 60_000;

/**
 * Registers a vitest `describe` block, `IpAllocator conformance: <name>`, with one test per check in
 * {@link CONFORMANCE_CHECKS}. Each test calls `options.setup()` for a fresh subject and tears it down after.
 * Call it at the top level of a test file (e.g. `src/<provider>.conformance.test.ts`).
 * @throws {TypeError} when `skip` names a check that does not exist (a typo would silently run nothing).
 * @public
 */
export function runIpAllocatorConformance(options: IpAllocatorConformanceOptions): void {
  const skipped = new Set<string>(options.skip ?? []);
  const unknown = [...skipped].filter((check) => !(CONFORMANCE_CHECKS as readonly string[]).includes(check));
  if (unknown.length > 0)
    throw new TypeError(
      `Unknown conformance check(s) in skip: ${unknown.join(", ")}. Known: ${CONFORMANCE_CHECKS.join(", ")}`,
    );
  describe(`IpAllocator conformance: ${options.name}`, () => {
    for (const check of CONFORMANCE_CHECKS) {
      const register = skipped.has(check) ? it.skip : it;
      register(check, { timeout: CHECK_TIMEOUT_MS }, () => runConformanceCheck(check, () => options.setup()));
    }
  });
}
