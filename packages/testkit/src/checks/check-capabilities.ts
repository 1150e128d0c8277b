import type { ConformanceSubject } from "../conformance-subject.js";
import { expectNoProblems } from "./expect-no-problems.js";

const ALLOWED_VALUES = {
  provisioning: ["synchronous", "asynchronous"],
  locationKind: ["region", "zone"],
  release: ["supported", "deprecated", "unsupported"],
  idempotency: ["native", "reconciled"],
} as const;

const BOOLEAN_CAPABILITIES = ["requiresInstance", "supportsInstance", "billsOnAllocate"] as const;

/** `capabilities-are-well-formed`: callers branch on capabilities, so every one must hold an allowed value. */
export async function checkCapabilitiesAreWellFormed({ allocator }: ConformanceSubject): Promise<void> {
  const problems: string[] = [];
  if (typeof allocator.provider !== "string" || allocator.provider.trim() === "")
    problems.push("provider must be a non-empty name");
  const capabilities = (allocator.capabilities ?? {}) as unknown as Record<string, unknown>;
  for (const [name, allowed] of Object.entries(ALLOWED_VALUES)) {
    if (!(allowed as readonly unknown[]).includes(capabilities[name]))
      problems.push(
        `capabilities.${name} is ${JSON.stringify(capabilities[name])}, expected one of ${allowed.join(", ")}`,
      );
  }
  for (const name of BOOLEAN_CAPABILITIES) {
    if (typeof capabilities[name] !== "boolean") problems.push(`capabilities.${name} must be a boolean`);
  }
  const maxCount = capabilities.maxCountPerCall;
  if (typeof maxCount !== "number" || !Number.isInteger(maxCount) || maxCount < 1 || maxCount > 100)
    problems.push("capabilities.maxCountPerCall must be an integer from 1 to 100");
  if (capabilities.requiresInstance === true && capabilities.supportsInstance !== true)
    problems.push("capabilities.requiresInstance implies supportsInstance");
  expectNoProblems(problems, "capabilities");
}
