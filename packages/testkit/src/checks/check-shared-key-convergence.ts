import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { AllocationResult, IpAllocator } from "@polycloud/core";
import { expect } from "vitest";
import type { ConformanceSubject } from "../conformance-subject.js";
import { captureOutcome, settleWithin } from "./capture-outcome.js";
import { expectNoProblems } from "./expect-no-problems.js";
import { describeThrown } from "./expect-typed-error.js";
import { FAULTED_CALL_LIMIT_MS } from "./run-with-wire-faults.js";

/** Enough callers to interleave every way two can, few enough for any emulator. */
const PEERS = 4;
/** How long a release of surplus may take to show on the far side after every call returned. */
const LIVE_SETTLE_MS = 2_000;

/**
 * `shared-key-converges-on-one`: processes retrying one job share its idempotency key. Racing allocate calls
 * with it (from peer allocators, whose in-process state cannot help) must all return the same IPs, and the
 * far side must end up holding exactly one allocation's worth: surplus made by the race is released.
 */
export async function checkSharedKeyConvergesOnOne(subject: ConformanceSubject): Promise<void> {
  const request = { ...subject.validRequest(), idempotencyKey: `polycloud-conformance-${randomUUID()}` };
  const count = request.count ?? 1;
  const before = await subject.countLiveAllocations();
  const peers: IpAllocator[] = [];
  try {
    for (let index = 0; index < PEERS; index += 1) peers.push(await subject.createPeerAllocator());
    const racing = Promise.all(peers.map((peer) => captureOutcome(peer.allocate(request))));
    const settled = await settleWithin(
      captureOutcome(racing),
      FAULTED_CALL_LIMIT_MS,
      `${PEERS} peers allocating with one idempotencyKey`,
    );
    const outcomes = settled.status === "fulfilled" ? settled.value : [];
    const problems: string[] = [];
    const results: AllocationResult[] = [];
    outcomes.forEach((outcome, index) => {
      if (outcome.status === "rejected")
        problems.push(`peer #${index + 1} rejected with ${describeThrown(outcome.error)}`);
      else results.push(outcome.value);
    });
    const idLists = results.map((result) => JSON.stringify(result.ips.map((ip) => ip.id).sort()));
    if (new Set(idLists).size > 1) problems.push(`the peers got different IPs: ${idLists.join(" / ")}`);
    expectNoProblems(problems, `${PEERS} peers allocating concurrently with one idempotencyKey`);
    const grown = await waitForLiveGrowth(subject, before, count);
    expect(
      grown,
      `live allocations on the far side after ${PEERS} peers allocated ${count} IP(s) with one idempotencyKey`,
    ).toBe(count);
  } finally {
    await Promise.all(peers.map((peer) => peer.close()));
  }
}

/** Growth of the live count once it reaches `expected`, or after {@link LIVE_SETTLE_MS}. */
async function waitForLiveGrowth(subject: ConformanceSubject, before: number, expected: number): Promise<number> {
  const giveUpAt = Date.now() + LIVE_SETTLE_MS;
  for (;;) {
    const grown = (await subject.countLiveAllocations()) - before;
    if (grown === expected || Date.now() >= giveUpAt) return grown;
    await delay(25);
  }
}
