import { describe, expect, it, vi } from "vitest";
import { systemClock } from "../clock.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { silentLogger } from "../logger.js";
import { RetryBudget } from "../retry/retry-budget.js";
import { DEFAULT_RETRY_OPTIONS } from "../retry/retry-options.js";
import type { OperationOptions } from "../spec/operation-options.js";
import { convergeAllocation } from "./converge-allocation.js";
import type { KeyedAllocation, SentAllocation } from "./keyed-allocation.js";
import { LifecycleEngine } from "./lifecycle-engine.js";

// The far side: a fake provider whose listing can lag and whose answers can be lost (it stands for the cloud).
interface Resource {
  id: string;
  key: string;
  zone: string;
}
type Fault = { commit: boolean; error: IpAllocatorError };
const tick = () => new Promise((resolve) => setImmediate(resolve));

class FakeCloud {
  readonly live = new Map<string, { resource: Resource; hiddenFor: number }>(); // insertion order = creation order
  /** Listings made before each send: shows how many read-backs preceded a (re)send. */
  readonly sends: number[] = [];
  listings = 0;
  /** Listings a new resource stays invisible for. */
  lag = 0;
  sendFaults: Fault[] = [];
  listFailure: IpAllocatorError | undefined;
  private next = 1;

  create(key: string, zone = "zone-a", hiddenFor = this.lag): Resource {
    const resource = { id: `ip-${this.next++}`, key, zone };
    this.live.set(resource.id, { resource, hiddenFor });
    return { ...resource };
  }
  async send(key: string, count: number): Promise<SentAllocation<Resource>> {
    await tick();
    this.sends.push(this.listings);
    const fault = this.sendFaults.shift();
    if (fault !== undefined && !fault.commit) throw fault.error;
    const created = Array.from({ length: count }, () => this.create(key));
    if (fault !== undefined) throw fault.error; // committed, answer lost
    return { resources: created, requestId: `req-${this.sends.length}` };
  }
  async findByKey(key: string): Promise<Resource[]> {
    await tick();
    this.listings += 1;
    if (this.listFailure !== undefined) throw this.listFailure;
    const entries = [...this.live.values()];
    const visible = entries
      .filter((entry) => entry.hiddenFor === 0 && entry.resource.key === key)
      .map((entry) => ({ ...entry.resource }));
    for (const entry of entries) entry.hiddenFor = Math.max(0, entry.hiddenFor - 1);
    return visible;
  }
  async release(id: string): Promise<void> {
    await tick();
    if (!this.live.delete(id)) throw new IpAllocatorError({ code: "NOT_FOUND", message: `${id} not found` });
  }
  ids(): string[] {
    return [...this.live.keys()];
  }
}

const lost = () => new IpAllocatorError({ code: "NETWORK", message: "socket hang up", ambiguous: true });
const unreadable2xx = () =>
  new IpAllocatorError({
    code: "INTERNAL",
    message: "HTTP 200 with a body polycloud cannot read",
    httpStatus: 200,
    retryable: true,
    ambiguous: true,
  });

function allocation(cloud: FakeCloud, overrides: Partial<KeyedAllocation<Resource>> = {}): KeyedAllocation<Resource> {
  const key = overrides.key ?? "key-1";
  const count = overrides.count ?? 1;
  return {
    key,
    shared: false,
    count,
    send: () => cloud.send(key, count),
    findByKey: () => cloud.findByKey(key),
    release: (_operation, id) => cloud.release(id),
    idOf: (resource) => resource.id,
    settle: { reads: 3, intervalMs: 1 },
    ...overrides,
  };
}

function converge(
  spec: KeyedAllocation<Resource>,
  options: OperationOptions = {},
  budget: RetryBudget | false = false,
) {
  const engine = new LifecycleEngine({
    provider: "fake",
    clock: systemClock,
    random: () => 0.5,
    logger: silentLogger,
    retry: { ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 1, budget },
  });
  return engine.run("allocate", options, async (operation) => {
    const result = await convergeAllocation(operation, spec);
    return { ...result, ids: result.resources.map((resource) => resource.id), metadata: operation.metadata() };
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

describe("convergeAllocation: one caller", () => {
  it("sends once and reads nothing when the answer arrives (key not shared)", async () => {
    const cloud = new FakeCloud();
    const result = await converge(allocation(cloud, { count: 2 }));
    expect(result).toMatchObject({
      ids: ["ip-1", "ip-2"],
      reconciled: false,
      releasedSurplus: [],
      warnings: [],
      metadata: { attempts: 1, requestId: "req-1" },
    });
    expect(cloud.sends).toEqual([0]);
    expect(cloud.listings).toBe(0);
  });

  it("reads back an answer lost after the commit and returns the committed resource instead of sending again", async () => {
    const cloud = new FakeCloud();
    cloud.sendFaults = [{ commit: true, error: lost() }];
    const result = await converge(allocation(cloud));
    expect(result).toMatchObject({ ids: ["ip-1"], reconciled: true });
    expect(cloud.sends).toEqual([0]);
    expect(cloud.ids()).toEqual(["ip-1"]);
  });

  it("after an ambiguous failure that committed nothing, reads settle.reads times, then retries once with the same key", async () => {
    const cloud = new FakeCloud();
    cloud.sendFaults = [{ commit: false, error: lost() }];
    const onRetry = vi.fn();
    const result = await converge(allocation(cloud), { hooks: { onRetry } });
    expect(cloud.sends).toEqual([0, 3]); // the second send came after three empty read-backs
    expect(cloud.ids()).toEqual(["ip-1"]);
    expect(result).toMatchObject({ ids: ["ip-1"], reconciled: false, metadata: { attempts: 2 } }); // the extra round is counted
    expect(onRetry).toHaveBeenCalledWith(
      expect.objectContaining({
        operation: "allocate",
        attempt: 1,
        error: expect.objectContaining({ code: "NETWORK", ambiguous: false }),
      }),
    );
  });

  it("gives up with a non-ambiguous error saying nothing was allocated when the retry budget is exhausted", async () => {
    const cloud = new FakeCloud();
    cloud.sendFaults = [{ commit: false, error: lost() }];
    const error = await rejection(converge(allocation(cloud), {}, new RetryBudget({ capacity: 0 })));
    expect(error).toMatchObject({
      code: "NETWORK",
      ambiguous: false,
      details: { idempotencyKey: "key-1", reconciliation: "nothing allocated" },
    });
    expect(error.message).toContain("nothing was allocated");
    expect(cloud.sends).toEqual([0]);
  });

  it("with retryWhenAbsent false, reports OUTCOME_UNKNOWN naming the key and the checks instead of sending again", async () => {
    const cloud = new FakeCloud();
    cloud.sendFaults = [{ commit: false, error: lost() }];
    const error = await rejection(converge(allocation(cloud, { retryWhenAbsent: false })));
    expect(error).toMatchObject({
      code: "OUTCOME_UNKNOWN",
      ambiguous: true,
      retryable: false,
      details: { idempotencyKey: "key-1", reconciliationChecks: 3 },
    });
    expect(error.details).not.toHaveProperty("stoppedBy");
    expect(error.message).toContain('idempotencyKey "key-1"');
    expect(cloud.sends).toEqual([0]);
  });

  it.each([
    ["retryably, past twice the settle reads", new IpAllocatorError({ code: "UNAVAILABLE", message: "down" }), 7],
    ["non-retryably", new IpAllocatorError({ code: "PERMISSION_DENIED", message: "no list right" }), 1],
  ])("reports OUTCOME_UNKNOWN with stoppedBy when the read-backs fail %s", async (_how, readError, listings) => {
    const cloud = new FakeCloud();
    cloud.sendFaults = [{ commit: true, error: lost() }];
    cloud.listFailure = readError;
    await expect(converge(allocation(cloud))).rejects.toMatchObject({
      code: "OUTCOME_UNKNOWN",
      details: { idempotencyKey: "key-1", reconciliationChecks: 0, stoppedBy: readError.code },
      cause: { code: "NETWORK" },
    });
    expect(cloud.listings).toBe(listings);
    expect(cloud.sends).toEqual([0]);
  });

  it("after an unreadable 2xx keeps reading past settle.reads until the allocation is listed, and never sends again", async () => {
    const cloud = new FakeCloud();
    cloud.lag = 6;
    cloud.sendFaults = [{ commit: true, error: unreadable2xx() }];
    const result = await converge(allocation(cloud));
    expect(result).toMatchObject({ ids: ["ip-1"], reconciled: true });
    expect(cloud.listings).toBe(7);
    expect(cloud.sends).toEqual([0]);
  });

  it("after an unreadable 2xx whose listing outlasts the deadline, reports OUTCOME_UNKNOWN stopped by TIMEOUT", async () => {
    const cloud = new FakeCloud();
    cloud.lag = 1_000_000;
    cloud.sendFaults = [{ commit: true, error: unreadable2xx() }];
    await expect(converge(allocation(cloud), { timeoutMs: 150 })).rejects.toMatchObject({
      code: "OUTCOME_UNKNOWN",
      httpStatus: 200,
      details: { idempotencyKey: "key-1", stoppedBy: "TIMEOUT" },
    });
    expect(cloud.sends).toEqual([0]);
    expect(cloud.listings).toBeGreaterThan(3);
  });

  it("reports OUTCOME_UNKNOWN when the deadline fires while the send is in flight", async () => {
    const cloud = new FakeCloud();
    const send = (context: { signal: AbortSignal }) =>
      new Promise<SentAllocation<Resource>>((_resolve, reject) =>
        context.signal.addEventListener("abort", () =>
          reject(new IpAllocatorError({ ...(context.signal.reason as IpAllocatorError).toOptions(), ambiguous: true })),
        ),
      );
    await expect(converge(allocation(cloud, { send }), { timeoutMs: 30 })).rejects.toMatchObject({
      code: "OUTCOME_UNKNOWN",
      details: { idempotencyKey: "key-1", reconciliationChecks: 0, stoppedBy: "TIMEOUT" },
    });
  });

  it("throws a failure that certainly did nothing at once, without reading back", async () => {
    const cloud = new FakeCloud();
    cloud.sendFaults = [
      { commit: false, error: new IpAllocatorError({ code: "INVALID_ARGUMENT", message: "no such zone" }) },
    ];
    await expect(converge(allocation(cloud))).rejects.toMatchObject({ code: "INVALID_ARGUMENT", attempts: 1 });
    expect(cloud.sends).toEqual([0]);
    expect(cloud.listings).toBe(0);
  });

  it("resends a retryable failure that certainly did nothing, without reading back", async () => {
    const cloud = new FakeCloud();
    cloud.sendFaults = [
      { commit: false, error: new IpAllocatorError({ code: "RATE_LIMITED", message: "slow down", retryAfterMs: 1 }) },
    ];
    await expect(converge(allocation(cloud))).resolves.toMatchObject({ ids: ["ip-1"], metadata: { attempts: 2 } });
    expect(cloud.sends).toEqual([0, 0]);
  });

  it("reads back an 'already done' answer and returns what exists; rethrows it when nothing is found", async () => {
    const isAlreadyDone = (error: IpAllocatorError) => error.providerCode === "AllocatedAlready";
    const alreadyDone = () =>
      new IpAllocatorError({
        code: "FAILED_PRECONDITION",
        message: "allocated already",
        providerCode: "AllocatedAlready",
      });
    const cloud = new FakeCloud();
    cloud.create("key-1");
    cloud.sendFaults = [{ commit: false, error: alreadyDone() }];
    await expect(converge(allocation(cloud, { isAlreadyDone }))).resolves.toMatchObject({
      ids: ["ip-1"],
      reconciled: true,
    });
    expect(cloud.sends).toEqual([0]);
    const empty = new FakeCloud();
    empty.sendFaults = [{ commit: false, error: alreadyDone() }];
    await expect(converge(allocation(empty, { isAlreadyDone }))).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
      providerCode: "AllocatedAlready",
    });
    expect(empty.sends).toEqual([0]);
  });
});
