import { describe, expect, it } from "vitest";
import { createSeededRandom } from "./create-seeded-random.js";
import { FaultInjector, describeFaultRuleProblem } from "./fault-rules.js";
import { StateEventLog } from "./state-event-log.js";

describe("createSeededRandom (mulberry32)", () => {
  it("is deterministic per seed and stays in [0, 1)", () => {
    const first = createSeededRandom(1);
    const again = createSeededRandom(1);
    const other = createSeededRandom(2);
    const drawn = Array.from({ length: 1000 }, () => first());
    expect(Array.from({ length: 1000 }, () => again())).toEqual(drawn);
    expect(other()).not.toBe(drawn[0]);
    expect(drawn.every((value) => value >= 0 && value < 1)).toBe(true);
    // Published mulberry32 reference value for seed 1.
    expect(drawn[0]).toBeCloseTo(0.6270739405881613, 12);
  });
});

describe("FaultInjector", () => {
  it("matches by provider and action, in insertion order, and assigns ids", () => {
    const injector = new FaultInjector([
      { provider: "alibaba", action: "AllocatePublicIpAddress", kind: "hang" },
      { provider: "alibaba", kind: "throttle" },
      { id: "zen", provider: "zenlayer", kind: "server-error" },
    ]);
    expect(injector.match("alibaba", "AllocatePublicIpAddress")?.kind).toBe("hang");
    expect(injector.match("alibaba", "DescribeInstances")?.kind).toBe("throttle");
    expect(injector.match("zenlayer", "AllocateEipAddresses")?.id).toBe("zen");
    expect(injector.list().map((rule) => rule.id)).toEqual(["fault-1", "fault-2", "zen"]);
    expect(injector.fired()).toEqual({ "fault-1": 1, "fault-2": 1, zen: 1 });
  });

  it("lets the first `skip` matches through and fires at most `times`", () => {
    const injector = new FaultInjector([{ provider: "alibaba", kind: "throttle", skip: 1, times: 2 }]);
    const outcomes = Array.from({ length: 5 }, () => injector.match("alibaba", "X")?.kind ?? "none");
    expect(outcomes).toEqual(["none", "throttle", "throttle", "none", "none"]);
  });

  it("draws probabilities from the seeded PRNG: same seed, same decisions", () => {
    const decide = (seed: number) => {
      const injector = new FaultInjector([{ provider: "alibaba", kind: "server-error", probability: 0.3 }], seed);
      return Array.from({ length: 200 }, () => (injector.match("alibaba", "X") === undefined ? 0 : 1)).join("");
    };
    expect(decide(5)).toBe(decide(5));
    expect(decide(5)).not.toBe(decide(6));
    const fired = [...decide(5)].filter((bit) => bit === "1").length;
    expect(fired).toBeGreaterThan(30);
    expect(fired).toBeLessThan(90);
  });

  it("removes, clears and returns copies", () => {
    const injector = new FaultInjector();
    const id = injector.add({ provider: "alibaba", kind: "hang" });
    const listed = injector.list();
    (listed[0] as { kind: string }).kind = "slow";
    expect(injector.list()[0]?.kind).toBe("hang");
    expect(injector.remove(id)).toBe(true);
    expect(injector.remove(id)).toBe(false);
    injector.add({ provider: "alibaba", kind: "hang" });
    injector.clear();
    expect(injector.list()).toEqual([]);
    expect(injector.match("alibaba", "X")).toBeUndefined();
  });

  it("rejects invalid rules with a message naming the field", () => {
    const injector = new FaultInjector();
    expect(() => injector.add({ provider: "gcp", kind: "hang" } as never)).toThrow(
      /"provider" must be one of alibaba, zenlayer, aws/,
    );
    expect(injector.add({ provider: "aws", kind: "hang" })).toMatch(/^fault-/);
    expect(() => injector.add({ provider: "alibaba", kind: "explode" } as never)).toThrow(/"kind"/);
    expect(() => injector.add({ provider: "alibaba", kind: "error-code" })).toThrow(/"code" is required/);
    expect(() => injector.add({ provider: "alibaba", kind: "slow" })).toThrow(/"delayMs" is required/);
    expect(() => injector.add({ provider: "alibaba", kind: "clock-skew" })).toThrow(/"skewSeconds" is required/);
    expect(() => injector.add({ provider: "alibaba", kind: "hang", probability: 2 })).toThrow(/"probability"/);
    expect(() => injector.add({ provider: "alibaba", kind: "hang", times: -1 })).toThrow(/"times"/);
    expect(describeFaultRuleProblem({ provider: "alibaba", kind: "error-code", code: "X", httpStatus: 99 })).toMatch(
      /"httpStatus"/,
    );
    injector.add({ id: "same", provider: "alibaba", kind: "hang" });
    expect(() => injector.add({ id: "same", provider: "alibaba", kind: "hang" })).toThrow(/duplicate id/);
  });
});

describe("StateEventLog", () => {
  it("stamps seq and the emulator clock, filters, counts and clears", () => {
    let now = 1000;
    const log = new StateEventLog(() => now);
    log.record({
      provider: "alibaba",
      action: "AllocatePublicIpAddress",
      kind: "allocate",
      resourceId: "i-1",
      detail: { ipAddress: "47.96.0.1" },
    });
    now = 2000;
    log.record({ provider: "zenlayer", action: "lifecycle", kind: "status", resourceId: "eip-1" });
    expect(log.list()).toEqual([
      {
        seq: 1,
        at: 1000,
        provider: "alibaba",
        action: "AllocatePublicIpAddress",
        kind: "allocate",
        resourceId: "i-1",
        detail: { ipAddress: "47.96.0.1" },
      },
      { seq: 2, at: 2000, provider: "zenlayer", action: "lifecycle", kind: "status", resourceId: "eip-1" },
    ]);
    expect(log.count({ provider: "alibaba", kind: "allocate" })).toBe(1);
    expect(log.count({ resourceId: "nope" })).toBe(0);
    log.clear();
    expect(log.count()).toBe(0);
    expect(log.record({ provider: "alibaba", action: "A", kind: "release", resourceId: "i-1" }).seq).toBe(3);
  });
});
