import { describe, expect, it } from "vitest";
import { systemClock } from "../clock.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { silentLogger } from "../logger.js";
import { DEFAULT_RETRY_OPTIONS } from "../retry/retry-options.js";
import type { RequestEvent } from "../spec/operation-options.js";
import { LifecycleEngine } from "./lifecycle-engine.js";
import type { Operation } from "./operation.js";
import { attachAllocatedIds, releaseAllocated } from "./release-allocated.js";

const engine = new LifecycleEngine({
  provider: "fake",
  clock: systemClock,
  random: () => 0.5,
  logger: silentLogger,
  retry: { ...DEFAULT_RETRY_OPTIONS, budget: false },
});

/** The far side: live ids, and a release that waits on the operation's clock like a wire call would. */
function fakeProvider(ids: string[], failures: Record<string, IpAllocatorError> = {}) {
  const live = new Set(ids);
  const seen: Array<{ id: string; operation: string; aborted: boolean }> = [];
  const release = async (operation: Operation, id: string) => {
    seen.push({ id, operation: operation.name, aborted: operation.signal.aborted });
    await operation.sleep(5); // rejects if this operation's signal has fired
    const failure = failures[id];
    if (failure !== undefined) throw failure;
    if (!live.delete(id)) throw new IpAllocatorError({ code: "NOT_FOUND", message: `${id} is gone` });
  };
  return { live, seen, release };
}

describe("releaseAllocated", () => {
  it("releases under a deadline of its own even when the failed operation's signal has already aborted", async () => {
    const provider = fakeProvider(["ip-1", "ip-2"]);
    const controller = new AbortController();
    const outcome = await engine.run("allocate", { signal: controller.signal }, async (failed) => {
      controller.abort();
      expect(failed.signal.aborted).toBe(true);
      return releaseAllocated(failed, ["ip-1", "ip-2"], provider.release);
    });
    expect(outcome).toEqual({ released: ["ip-1", "ip-2"], unreleased: [] });
    expect(provider.live.size).toBe(0);
    expect(provider.seen).toEqual([
      { id: "ip-1", operation: "release", aborted: false },
      { id: "ip-2", operation: "release", aborted: false },
    ]);
  });

  it("counts NOT_FOUND as released, reports other failures in unreleased, and never throws", async () => {
    const denied = new IpAllocatorError({ code: "PERMISSION_DENIED", message: "no release right" });
    const provider = fakeProvider(["ip-1", "ip-3"], { "ip-3": denied });
    const outcome = await engine.run("allocate", undefined, (failed) =>
      releaseAllocated(failed, ["ip-1", "ip-2", "ip-3"], provider.release),
    );
    expect(outcome).toEqual({ released: ["ip-1", "ip-2"], unreleased: [{ id: "ip-3", error: denied }] });
  });

  it("reports what its own deadline cut off, as TIMEOUT, and wraps foreign throws as INTERNAL", async () => {
    const slow = async (operation: Operation) => operation.sleep(5_000);
    const timedOut = await engine.run("allocate", undefined, (failed) => releaseAllocated(failed, ["ip-1"], slow, 30));
    expect(timedOut.released).toEqual([]);
    expect(timedOut.unreleased).toEqual([
      { id: "ip-1", error: expect.objectContaining({ code: "TIMEOUT", operation: "release" }) },
    ]);
    const buggy = await engine.run("allocate", undefined, (failed) =>
      releaseAllocated(failed, ["ip-1"], () => Promise.reject(new TypeError("boom"))),
    );
    expect(buggy.unreleased[0]?.error).toMatchObject({ code: "INTERNAL", provider: "fake", operation: "release" });
  });

  it("passes the failed operation's hooks on, and does nothing for no ids", async () => {
    const events: RequestEvent[] = [];
    const hooks = { onRequest: (event: RequestEvent) => events.push(event) };
    const release = async (operation: Operation, id: string) =>
      operation.hooks?.onRequest?.({
        provider: "fake",
        operation: operation.name,
        attempt: 1,
        method: "DELETE",
        url: id,
        headers: {},
      });
    await engine.run("allocate", { hooks }, async (failed) => {
      expect(await releaseAllocated(failed, [], release)).toEqual({ released: [], unreleased: [] });
      await releaseAllocated(failed, ["ip-9"], release);
    });
    expect(events.map((event) => event.url)).toEqual(["ip-9"]);
  });
});

describe("attachAllocatedIds", () => {
  const original = new IpAllocatorError({
    code: "TIMEOUT",
    message: "waitUntilReady did not finish within 30000 ms.",
    provider: "fake",
    operation: "allocate",
    requestId: "req-1",
    details: { lastState: "pending" },
  });

  it("names allocated, released and kept ids in the message and details, keeping everything else", () => {
    const error = attachAllocatedIds(original, {
      allocatedIds: ["ip-1", "ip-2", "ip-3"],
      releasedIds: ["ip-1", "ip-3"],
      idempotencyKey: "key-1",
    });
    expect(error).toMatchObject({
      code: "TIMEOUT",
      provider: "fake",
      operation: "allocate",
      requestId: "req-1",
      retryable: true,
    });
    expect(error.details).toEqual({
      lastState: "pending",
      allocatedIds: ["ip-1", "ip-2", "ip-3"],
      releasedIds: ["ip-1", "ip-3"],
      keptIds: ["ip-2"],
      idempotencyKey: "key-1",
    });
    expect(error.message).toBe(
      `${original.message} This call allocated ip-1, ip-2, ip-3; released ip-1, ip-3; still allocated (release it, or it keeps billing): ip-2.`,
    );
  });

  it("treats every id as kept when none was released, or uses the given kept ids", () => {
    const kept = attachAllocatedIds(original, { allocatedIds: ["ip-1", "ip-2"] });
    expect(kept.details).toMatchObject({ allocatedIds: ["ip-1", "ip-2"], releasedIds: [], keptIds: ["ip-1", "ip-2"] });
    expect(kept.message).toMatch(
      /This call allocated ip-1, ip-2; still allocated \(release them[^)]*\): ip-1, ip-2\.$/,
    );
    expect(kept.details).not.toHaveProperty("idempotencyKey");
    expect(
      attachAllocatedIds(original, { allocatedIds: ["ip-1"], releasedIds: [], keptIds: [] }).message,
    ).not.toContain("still allocated");
  });

  it("returns the error itself when the call allocated nothing", () => {
    expect(attachAllocatedIds(original, { allocatedIds: [] })).toBe(original);
  });
});
