import { describe, expect, it } from "vitest";
import { systemClock } from "../clock.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { silentLogger } from "../logger.js";
import { DEFAULT_RETRY_OPTIONS } from "../retry/retry-options.js";
import { convergeAllocation } from "./converge-allocation.js";
import type { KeyedAllocation, SentAllocation } from "./keyed-allocation.js";
import { LifecycleEngine } from "./lifecycle-engine.js";

// The far side: one fake provider shared by several callers (each its own engine, as separate processes would be).
interface Resource {
  id: string;
  key: string;
  zone: string;
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

class FakeCloud {
  readonly live = new Map<string, { resource: Resource; hiddenFor: number; owner: string }>(); // insertion order = creation order
  readonly releases: Array<{ id: string; by: string; owner: string | undefined }> = [];
  readonly owners = new Map<string, string>();
  sends = 0;
  /** Listings (by anyone) a new resource stays invisible for. */
  lag = 0;
  /** Ambiguous failures of the next sends, nothing committed. */
  failSends = 0;
  private next = 1;

  create(key: string, owner: string, zone = "zone-a", hiddenFor = this.lag): Resource {
    const resource = { id: `ip-${this.next++}`, key, zone };
    this.live.set(resource.id, { resource, hiddenFor, owner });
    this.owners.set(resource.id, owner);
    return { ...resource };
  }
  async send(key: string, count: number, caller: string): Promise<SentAllocation<Resource>> {
    await tick();
    this.sends += 1;
    if (this.failSends > 0 && this.failSends--)
      throw new IpAllocatorError({ code: "NETWORK", message: "socket hang up", ambiguous: true });
    return { resources: Array.from({ length: count }, () => this.create(key, caller)) };
  }
  async findByKey(key: string): Promise<Resource[]> {
    await tick();
    const entries = [...this.live.values()];
    const visible = entries
      .filter((entry) => entry.hiddenFor === 0 && entry.resource.key === key)
      .map((entry) => ({ ...entry.resource }));
    for (const entry of entries) entry.hiddenFor = Math.max(0, entry.hiddenFor - 1);
    return visible;
  }
  async release(id: string, by: string): Promise<void> {
    await tick();
    this.releases.push({ id, by, owner: this.owners.get(id) });
    if (!this.live.delete(id)) throw new IpAllocatorError({ code: "NOT_FOUND", message: `${id} not found` });
  }
  ids(): string[] {
    return [...this.live.keys()];
  }
}

function allocation(
  cloud: FakeCloud,
  caller: string,
  overrides: Partial<KeyedAllocation<Resource>> = {},
): KeyedAllocation<Resource> {
  const key = overrides.key ?? "shared-key";
  const count = overrides.count ?? 1;
  return {
    key,
    shared: true,
    count,
    send: () => cloud.send(key, count, caller),
    findByKey: () => cloud.findByKey(key),
    release: (_operation, id) => cloud.release(id, caller),
    idOf: (resource) => resource.id,
    settle: { reads: 4, intervalMs: 1 },
    ...overrides,
  };
}

function converge(spec: KeyedAllocation<Resource>) {
  const engine = new LifecycleEngine({
    provider: "fake",
    clock: systemClock,
    random: () => 0.5,
    logger: silentLogger,
    retry: { ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 1, budget: false },
  });
  return engine.run("allocate", { timeoutMs: 10_000 }, async (operation) => {
    const result = await convergeAllocation(operation, spec);
    return { ...result, ids: result.resources.map((resource) => resource.id) };
  });
}

/** The error `promise` rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<IpAllocatorError> {
  try {
    await promise;
  } catch (thrown) {
    return thrown as IpAllocatorError;
  }
  throw new Error("expected a rejection");
}

const otherZone = (found: Resource[]) =>
  found.some((resource) => resource.zone !== "zone-a")
    ? new IpAllocatorError({ code: "ALREADY_EXISTS", message: "the key is used in another zone" })
    : undefined;

describe("convergeAllocation: a key shared by callers", () => {
  it("returns what already carries the key without sending", async () => {
    const cloud = new FakeCloud();
    cloud.create("shared-key", "earlier run");
    const result = await converge(allocation(cloud, "a"));
    expect(result).toMatchObject({ ids: ["ip-1"], reconciled: true, releasedSurplus: [] });
    expect(cloud.sends).toBe(0);
  });

  it.each([
    ["consistent", 0, 0],
    ["lagging a few reads", 3, 0],
    ["lagging, callers arriving one after the other", 10, 2],
  ])(
    "converges concurrent callers on the same oldest IPs when the listing is %s; each releases only its own surplus",
    async (_listing, lag, stagger) => {
      const cloud = new FakeCloud();
      cloud.lag = lag;
      const callers = ["a", "b", "c", "d", "e"];
      const start = async (caller: string, index: number) => {
        for (let ticks = 0; ticks < index * stagger; ticks += 1) await tick();
        return converge(allocation(cloud, caller, { count: 2 }));
      };
      const results = await Promise.all(callers.map(start));
      const kept = results[0]?.ids;
      expect(kept).toHaveLength(2);
      for (const result of results) expect(result.ids).toEqual(kept);
      expect(cloud.ids()).toEqual(kept); // surplus released: exactly `count` carry the key
      expect(cloud.sends).toBeGreaterThan(1); // the race really happened
      expect(cloud.releases.length).toBeGreaterThan(0);
      for (const release of cloud.releases) expect(release.by).toBe(release.owner);
      for (const [index, result] of results.entries())
        expect(result.releasedSurplus.every((id) => cloud.owners.get(id) === callers[index])).toBe(true);
    },
  );

  it("fails with ALREADY_EXISTS, sending nothing, when what carries the key does not fit the request", async () => {
    const cloud = new FakeCloud();
    cloud.create("shared-key", "earlier run", "zone-b");
    const error = await rejection(converge(allocation(cloud, "a", { checkExisting: otherZone })));
    expect(error).toMatchObject({ code: "ALREADY_EXISTS" });
    expect(error.details).not.toHaveProperty("allocatedIds");
    expect(cloud.sends).toBe(0);
  });

  it("names, and keeps, what this call allocated when a conflicting resource surfaces afterwards (shared key)", async () => {
    const cloud = new FakeCloud();
    cloud.create("shared-key", "other caller", "zone-b", 1); // not yet listed by the first lookup
    const error = await rejection(converge(allocation(cloud, "a", { checkExisting: otherZone })));
    expect(error).toMatchObject({
      code: "ALREADY_EXISTS",
      details: { allocatedIds: ["ip-2"], releasedIds: [], keptIds: ["ip-2"], idempotencyKey: "shared-key" },
    });
    expect(error.message).toContain("ip-2");
    expect(cloud.ids()).toEqual(["ip-1", "ip-2"]); // another caller with the key may hold ip-2
  });

  it("names and releases what this call allocated when a conflict surfaces after a retry (key not shared)", async () => {
    const cloud = new FakeCloud();
    cloud.failSends = 1; // ambiguous, nothing committed: read back, then retried with the same key
    cloud.create("own-key", "lost attempt", "zone-b", 4); // listed only after the settle reads
    const spec = allocation(cloud, "a", {
      key: "own-key",
      shared: false,
      checkExisting: otherZone,
      send: () => cloud.send("own-key", 1, "a"),
      findByKey: () => cloud.findByKey("own-key"),
    });
    const error = await rejection(converge(spec));
    expect(error).toMatchObject({
      code: "ALREADY_EXISTS",
      details: { allocatedIds: ["ip-2"], releasedIds: ["ip-2"], keptIds: [], idempotencyKey: "own-key" },
    });
    expect(error.message).toContain("released ip-2");
    expect(cloud.sends).toBe(2);
    expect(cloud.ids()).toEqual(["ip-1"]);
  });
});
