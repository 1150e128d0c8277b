import { describe, expect, it } from "vitest";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { ManualClock } from "../testing/manual-clock.js";
import { pollUntil } from "./poll-until.js";

describe("pollUntil", () => {
  it("polls with growing, jittered, capped delays until done", async () => {
    const clock = new ManualClock();
    const states = ["CREATING", "CREATING", "CREATING", "CREATING", "AVAILABLE"];
    const result = await pollUntil({
      read: async (poll) => states[poll - 1],
      check: (state) => (state === "AVAILABLE" ? "done" : "continue"),
      clock,
      random: () => 1,
      intervalMs: 100,
      maxIntervalMs: 300,
    });
    expect(result).toEqual({ value: "AVAILABLE", polls: 5 });
    expect(clock.sleeps).toEqual([100, 200, 300, 300]);
    const jittered = new ManualClock();
    await pollUntil({
      read: async (poll) => poll,
      check: (poll) => (poll === 3 ? "done" : "continue"),
      clock: jittered,
      random: () => 0,
      intervalMs: 100,
    });
    expect(jittered.sleeps).toEqual([50, 100]); // half of each delay is fixed so polls never bunch up
  });

  it("stops with the signal's typed reason and lets read errors through", async () => {
    const controller = new AbortController();
    const reason = new IpAllocatorError({ code: "TIMEOUT", message: "deadline" });
    const pending = pollUntil({
      read: async (poll) => {
        if (poll === 2) controller.abort(reason);
        return poll;
      },
      check: () => "continue",
      clock: new ManualClock(),
      signal: controller.signal,
    });
    await expect(pending).rejects.toBe(reason);
    const failure = new IpAllocatorError({ code: "NOT_FOUND", message: "gone" });
    await expect(
      pollUntil({ read: async () => Promise.reject(failure), check: () => "done", clock: new ManualClock() }),
    ).rejects.toBe(failure);
  });
});
