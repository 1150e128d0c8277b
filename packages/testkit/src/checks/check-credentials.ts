import { expect } from "vitest";
import { collectHookEvents } from "../collect-hook-events.js";
import type { ConformanceSubject } from "../conformance-subject.js";
import { expectNoSecrets } from "../expect-no-secrets.js";
import { expectTypedRejection } from "./expect-typed-error.js";

/** `bad-credentials-rejected-without-secrets`: auth failures are where adapters most often echo a credential. */
export async function checkBadCredentialsRejectedWithoutSecrets(subject: ConformanceSubject): Promise<void> {
  expect(
    subject.secrets.filter((secret) => secret !== "").length,
    "ConformanceSubject.secrets lists the credentials to look for",
  ).toBeGreaterThan(0);
  const allocator = await subject.createAllocatorWithBadCredentials();
  try {
    const events = collectHookEvents();
    const pending = allocator.allocate(subject.validRequest(), { hooks: events.hooks });
    const error = await expectTypedRejection(
      pending,
      ["UNAUTHENTICATED", "PERMISSION_DENIED"],
      allocator.provider,
      "allocate with a wrong secret",
    );
    expectNoSecrets(error.message, subject.secrets, "error message");
    expectNoSecrets(JSON.stringify(error), subject.secrets, "JSON.stringify(error)");
    expectNoSecrets(error, subject.secrets, "error (stack, cause chain)");
    expectNoSecrets(events, subject.secrets, "hook events");
  } finally {
    await allocator.close();
  }
}
