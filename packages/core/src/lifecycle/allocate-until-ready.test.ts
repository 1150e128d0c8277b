import { afterEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../clock.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { silentLogger } from "../logger.js";
import { DEFAULT_RETRY_OPTIONS } from "../retry/retry-options.js";
import type { AllocateRequestInput } from "../spec/allocate-request.js";
import type { AllocatedIp, AllocationResult, DescribeResult, ReleaseResult } from "../spec/allocation-result.js";
import type { IpAllocator } from "../spec/ip-allocator.js";
import type { OperationOptions, WaitOptions } from "../spec/operation-options.js";
import { allocateUntilReady } from "./allocate-until-ready.js";
import { LifecycleEngine } from "./lifecycle-engine.js";
import type { Operation } from "./operation.js";

afterEach(() => {
  vi.useRealTimers();
});

const metadata = { attempts: 1, totalRetryDelayMs: 0 };

/** The subject's far side: an IpAllocator over a map of fake IPs, its waits framed like a real adapter's. */
class FakeAllocator implements IpAllocator {
  readonly provider = "fake";
  readonly capabilities = {
    provisioning: "asynchronous",
    requiresInstance: false,
    supportsInstance: false,
    locationKind: "region",
    maxCountPerCall: 10,
    release: "supported",
    idempotency: "reconciled",
    billsOnAllocate: true,
  } as const;
  readonly live = new Map<string, AllocatedIp>();
  readonly waits: Array<{ id: string; options: WaitOptions | undefined }> = [];
  readonly releases: Array<{ id: string; options: OperationOptions | undefined }> = [];
  /** State of new IPs. */
  initialState: AllocatedIp["state"] = "pending";
  /** Runs inside allocate after the IPs exist (a caller aborting, time passing). */
  afterAllocate: () => void = () => {};
  /** What waiting for one IP does, in an operation with the caller's signal and deadline. */
  waitFor: (id: string, operation: Operation) => Promise<void> = async () => {};
  releaseFailures: Record<string, IpAllocatorError> = {};
  beforeRelease: (id: string) => void = () => {};
  private readonly engine = new LifecycleEngine({
    provider: "fake",
    clock: systemClock,
    random: () => 0.5,
    logger: silentLogger,
    retry: { ...DEFAULT_RETRY_OPTIONS, budget: false },
  });
  private next = 1;

  async allocate(request: AllocateRequestInput): Promise<AllocationResult> {
    const ips = Array.from(
      { length: request.count ?? 1 },
      (): AllocatedIp => ({ id: `ip-${this.next++}`, state: this.initialState, location: request.location, tags: {} }),
    );
    for (const ip of ips) this.live.set(ip.id, ip);
    this.afterAllocate();
    return {
      provider: this.provider,
      ips,
      idempotencyKey: request.idempotencyKey ?? "generated-key",
      reconciled: false,
      metadata,
      warnings: [],
    };
  }
  async describe(id: string): Promise<DescribeResult> {
    const ip = this.live.get(id);
    if (ip === undefined) throw new IpAllocatorError({ code: "NOT_FOUND", message: `${id} not found` });
    return { provider: this.provider, ip, metadata };
  }
  async waitUntilReady(id: string, options?: WaitOptions): Promise<DescribeResult> {
    this.waits.push({ id, options });
    return this.engine.run(
      "waitUntilReady",
      { signal: options?.signal, timeoutMs: options?.timeoutMs },
      async (operation) => {
        await this.waitFor(id, operation);
        const ip = this.live.get(id);
        if (ip !== undefined) this.live.set(id, { ...ip, state: "ready", address: `203.0.113.${id.slice(3)}` });
        return this.describe(id);
      },
    );
  }
  async release(id: string, options?: OperationOptions): Promise<ReleaseResult> {
    this.releases.push({ id, options });
    this.beforeRelease(id);
    const failure = this.releaseFailures[id];
    if (failure !== undefined) throw failure;
    if (!this.live.delete(id)) throw new IpAllocatorError({ code: "NOT_FOUND", message: `${id} not found` });
    return { provider: this.provider, id, state: "released", metadata, warnings: [] };
  }
  async close(): Promise<void> {}
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

const request = { location: { region: "r-1" }, count: 3 };
const waitFailed = () =>
  new IpAllocatorError({
    code: "FAILED_PRECONDITION",
    message: "ip-2 failed to provision",
    provider: "fake",
    operation: "waitUntilReady",
  });

describe("allocateUntilReady", () => {
  it("waits for every pending IP and returns them ready", async () => {
    const allocator = new FakeAllocator();
    const result = await allocateUntilReady(allocator, request, { pollIntervalMs: 5 });
    expect(result.ips.map((ip) => [ip.id, ip.state])).toEqual([
      ["ip-1", "ready"],
      ["ip-2", "ready"],
      ["ip-3", "ready"],
    ]);
    expect(allocator.waits.map((wait) => wait.options?.pollIntervalMs)).toEqual([5, 5, 5]);
  });

  it("makes no wait call when every IP is ready at once", async () => {
    const allocator = new FakeAllocator();
    allocator.initialState = "ready";
    const result = await allocateUntilReady(allocator, request);
    expect(result.ips.map((ip) => ip.id)).toEqual(["ip-1", "ip-2", "ip-3"]);
    expect(allocator.waits).toEqual([]);
  });

  it("releases every allocated IP when a wait fails, and names them all in the error", async () => {
    const allocator = new FakeAllocator();
    allocator.waitFor = async (id) => {
      if (id === "ip-2") throw waitFailed();
    };
    const error = await rejection(allocateUntilReady(allocator, request, { compensationTimeoutMs: 7_000 }));
    expect(error).toMatchObject({
      code: "FAILED_PRECONDITION",
      details: { allocatedIds: ["ip-1", "ip-2", "ip-3"], releasedIds: ["ip-1", "ip-2", "ip-3"], keptIds: [] },
    });
    expect(error.message).toContain("This call allocated ip-1, ip-2, ip-3; released ip-1, ip-2, ip-3");
    expect(error.message).not.toContain("still allocated");
    expect(allocator.live.size).toBe(0);
    expect(allocator.releases.map((release) => release.options?.timeoutMs)).toEqual([7_000, 7_000, 7_000]);
  });

  it("names an IP whose compensating release failed as kept; one already gone counts as released", async () => {
    const allocator = new FakeAllocator();
    allocator.waitFor = async (id) => {
      if (id === "ip-1") throw waitFailed();
    };
    allocator.releaseFailures = {
      "ip-2": new IpAllocatorError({ code: "UNAVAILABLE", message: "down" }),
      "ip-3": new IpAllocatorError({ code: "NOT_FOUND", message: "gone" }),
    };
    await expect(allocateUntilReady(allocator, request)).rejects.toMatchObject({
      details: { allocatedIds: ["ip-1", "ip-2", "ip-3"], releasedIds: ["ip-1", "ip-3"], keptIds: ["ip-2"] },
    });
  });

  it("stops the other waits before it releases their IPs (nothing keeps polling or associating a released IP)", async () => {
    const allocator = new FakeAllocator();
    const waiting = new Set<string>();
    allocator.waitFor = async (id, operation) => {
      if (id === "ip-1") throw waitFailed();
      waiting.add(id);
      try {
        await operation.sleep(300);
      } finally {
        waiting.delete(id);
      }
    };
    const releasedWhileWaiting: string[] = [];
    allocator.beforeRelease = (id) => {
      if (waiting.has(id)) releasedWhileWaiting.push(id);
    };
    await expect(allocateUntilReady(allocator, request)).rejects.toMatchObject({
      details: { releasedIds: ["ip-1", "ip-2", "ip-3"] },
    });
    expect(releasedWhileWaiting).toEqual([]);
  });

  it("reports the wait that failed, not the CANCELLED of the waits that were stopped because of it", async () => {
    const allocator = new FakeAllocator();
    allocator.waitFor = async (id, operation) => {
      if (id !== "ip-2") return operation.sleep(300);
      await operation.sleep(5);
      throw waitFailed();
    };
    await expect(allocateUntilReady(allocator, request)).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
      message: expect.stringContaining("ip-2 failed to provision"),
    });
  });

  it("with keepOnFailure releases nothing and names every id as kept, with the key to get them back", async () => {
    const allocator = new FakeAllocator();
    allocator.waitFor = async () => {
      throw waitFailed();
    };
    const error = await rejection(
      allocateUntilReady(allocator, { ...request, idempotencyKey: "key-1" }, { keepOnFailure: true }),
    );
    expect(error.details).toMatchObject({
      allocatedIds: ["ip-1", "ip-2", "ip-3"],
      releasedIds: [],
      keptIds: ["ip-1", "ip-2", "ip-3"],
      idempotencyKey: "key-1",
    });
    expect(error.message).toMatch(/still allocated \(release them[^)]*\): ip-1, ip-2, ip-3/);
    expect(allocator.releases).toEqual([]);
    expect(allocator.live.size).toBe(3);
  });

  it("gives back what allocate returned when the caller aborted meanwhile: CANCELLED, released without the aborted signal", async () => {
    const allocator = new FakeAllocator();
    allocator.initialState = "ready";
    const controller = new AbortController();
    allocator.afterAllocate = () => controller.abort();
    const error = await rejection(
      allocateUntilReady(allocator, { ...request, count: 2 }, { signal: controller.signal }),
    );
    expect(error).toMatchObject({
      code: "CANCELLED",
      details: { allocatedIds: ["ip-1", "ip-2"], releasedIds: ["ip-1", "ip-2"] },
    });
    expect(allocator.live.size).toBe(0);
    expect(allocator.releases.every((release) => release.options?.signal === undefined)).toBe(true);
  });

  it("shares one deadline: each wait gets the time allocate left", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_700_000_000_000);
    const allocator = new FakeAllocator();
    allocator.afterAllocate = () => vi.setSystemTime(1_700_000_000_400); // allocate took 400 ms
    await allocateUntilReady(allocator, { ...request, count: 2 }, { timeoutMs: 1_000 });
    expect(allocator.waits.map((wait) => wait.options?.timeoutMs)).toEqual([600, 600]);
  });

  it("releases and reports TIMEOUT when the shared deadline runs out while waiting", async () => {
    const allocator = new FakeAllocator();
    allocator.waitFor = (_id, operation) => operation.sleep(10_000); // the deadline ends it
    const started = Date.now();
    await expect(allocateUntilReady(allocator, { ...request, count: 1 }, { timeoutMs: 50 })).rejects.toMatchObject({
      code: "TIMEOUT",
      details: { allocatedIds: ["ip-1"], releasedIds: ["ip-1"] },
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
