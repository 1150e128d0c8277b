import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ConformanceSubject } from "../conformance-subject.js";

/** `idempotency-key-allocates-once`: a retried allocate must never bill twice. */
export async function checkIdempotencyKeyAllocatesOnce(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const request = { ...subject.validRequest(), idempotencyKey: `polycloud-conformance-${randomUUID()}` };
  const before = await subject.countAllocations();
  const first = await allocator.allocate(request);
  const afterFirst = await subject.countAllocations();
  const second = await allocator.allocate(request);
  const afterSecond = await subject.countAllocations();
  expect(afterFirst, "countAllocations() grows with the first allocate").toBeGreaterThan(before);
  expect(afterSecond, "the second allocate with the same idempotencyKey commits nothing").toBe(afterFirst);
  const ids = (result: typeof first) => result.ips.map((ip) => ip.id).sort();
  expect(ids(second), "the second allocate returns the first allocation").toEqual(ids(first));
}
