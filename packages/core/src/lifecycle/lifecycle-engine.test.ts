import { describe, expect, it, vi } from "vitest";
import { systemClock } from "../clock.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { silentLogger } from "../logger.js";
import { DEFAULT_RETRY_OPTIONS } from "../retry/retry-options.js";
import { LifecycleEngine, type LifecycleEngineOptions } from "./lifecycle-engine.js";

const createEngine = (options: Partial<LifecycleEngineOptions> = {}) =>
  new LifecycleEngine({
    provider: "fake",
    clock: systemClock,
    random: () => 0.5,
    logger: silentLogger,
    retry: { ...DEFAULT_RETRY_OPTIONS, budget: false },
    ...options,
  });

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("LifecycleEngine lifecycle", () => {
  it("refuses every call once closed with FAILED_PRECONDITION, without running the body", async () => {
    const engine = createEngine();
    expect(engine.closed).toBe(false);
    await engine.close();
    expect(engine.closed).toBe(true);
    const body = vi.fn(async () => "sent");
    await expect(engine.run("allocate", undefined, body)).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
      provider: "fake",
      operation: "allocate",
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("frees what it owns once, however often and concurrently close() is called", async () => {
    let finishClose!: () => void;
    const onClose = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    const engine = createEngine({ onClose });
    const first = engine.close();
    const second = engine.close();
    expect(second).toBe(first);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    let settled = false;
    void first.then(() => (settled = true));
    await delay(5);
    expect(settled).toBe(false); // close() waits for the resources to be freed
    finishClose();
    await Promise.all([first, second, engine.close()]);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe("LifecycleEngine.run", () => {
  it("applies the engine's default deadline to a call that sets none", async () => {
    const engine = createEngine({ defaultTimeoutMs: 50 });
    const started = Date.now();
    await expect(engine.run("allocate", undefined, (operation) => operation.sleep(5_000))).rejects.toMatchObject({
      code: "TIMEOUT",
      provider: "fake",
      operation: "allocate",
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("lets a per-call timeoutMs override the default deadline, both ways", async () => {
    const engine = createEngine({ defaultTimeoutMs: 20 });
    await expect(
      engine.run("allocate", { timeoutMs: 5_000 }, async (operation) => {
        await operation.sleep(80);
        return "done";
      }),
    ).resolves.toBe("done");
    const patient = createEngine({ defaultTimeoutMs: 60_000 });
    await expect(
      patient.run("allocate", { timeoutMs: 30 }, (operation) => operation.sleep(5_000)),
    ).rejects.toMatchObject({ code: "TIMEOUT" });
  });

  it("uses the per-kind default deadline passed to run() over the engine's", async () => {
    const engine = createEngine({ defaultTimeoutMs: 60_000 });
    await expect(
      engine.run("waitUntilReady", undefined, (operation) => operation.sleep(5_000), 30),
    ).rejects.toMatchObject({ code: "TIMEOUT", operation: "waitUntilReady" });
  });

  it("rejects an already aborted call with CANCELLED and runs nothing", async () => {
    const controller = new AbortController();
    controller.abort("caller gave up");
    const wire = vi.fn(async () => "sent");
    await expect(
      createEngine().run("allocate", { signal: controller.signal }, (operation) => operation.call(wire)),
    ).rejects.toMatchObject({ code: "CANCELLED", cause: "caller gave up" });
    expect(wire).not.toHaveBeenCalled();
  });

  it("rejects with CANCELLED when the caller aborts while the body runs", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    await expect(
      createEngine().run("release", { signal: controller.signal }, (operation) => operation.sleep(5_000)),
    ).rejects.toMatchObject({ code: "CANCELLED", operation: "release" });
  });

  it("turns anything else the body throws into INTERNAL with the original as cause, and passes typed errors through", async () => {
    const bug = new TypeError("undefined is not a function");
    const error = await createEngine()
      .run("describe", undefined, async () => {
        throw bug;
      })
      .catch((thrown: unknown) => thrown);
    expect(IpAllocatorError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "INTERNAL", provider: "fake", operation: "describe", cause: bug });
    const typed = new IpAllocatorError({ code: "NOT_FOUND", message: "gone" });
    await expect(createEngine().run("describe", undefined, () => Promise.reject(typed))).rejects.toBe(typed);
  });
});

describe("LifecycleEngine.serialize", () => {
  /** A task that records when it starts and ends, and takes `ms`. */
  function recorder() {
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await delay(ms);
      log.push(`end ${name}`);
      return name;
    };
    return { log, task };
  }

  it("runs tasks with the same key one after the other, in call order", async () => {
    const engine = createEngine();
    const { log, task } = recorder();
    const results = await Promise.all([
      engine.serialize("k", task("a", 20)),
      engine.serialize("k", task("b", 5)),
      engine.serialize("k", task("c", 1)),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("runs tasks with different keys (or no key) concurrently", async () => {
    const engine = createEngine();
    const { log, task } = recorder();
    await Promise.all([
      engine.serialize("k1", task("a", 20)),
      engine.serialize("k2", task("b", 5)),
      engine.serialize(undefined, task("c", 5)),
    ]);
    expect(log.slice(0, 3).sort()).toEqual(["start a", "start b", "start c"]);
  });

  it("still runs the next task when the earlier one failed", async () => {
    const engine = createEngine();
    const failed = engine.serialize("k", () =>
      Promise.reject(new IpAllocatorError({ code: "UNAVAILABLE", message: "down" })),
    );
    const next = engine.serialize("k", async () => "second");
    await expect(failed).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await expect(next).resolves.toBe("second");
  });

  it("returns the earlier result without running the task when reuse accepts it", async () => {
    const engine = createEngine();
    const second = vi.fn(async () => ({ id: "ip-2" }));
    const third = vi.fn(async () => ({ id: "ip-3" }));
    const [first, reused, fresh] = await Promise.all([
      engine.serialize("k", async () => ({ id: "ip-1" })),
      engine.serialize("k", second, (earlier) => earlier),
      engine.serialize("k", third, () => undefined),
    ]);
    expect(reused).toBe(first);
    expect(second).not.toHaveBeenCalled();
    expect(fresh).toEqual({ id: "ip-3" }); // reuse declined: the task ran
    expect(third).toHaveBeenCalledTimes(1);
  });
});
