import { afterEach, describe, expect, it } from "vitest";
import { TEST_TOKEN, rejectionOf, startHarness, type Harness } from "../test/zenlayer-eip-harness.js";

let harness: Harness;
afterEach(async () => harness?.close());

function actionsOf(harness: Harness, resourceId: string): string[] {
  return harness.emulator.events
    .list({ provider: "zenlayer", resourceId })
    .map((event) => `${event.kind}:${event.action}`);
}

describe("allocate → waitUntilReady → describe → release (real HTTP against the emulator)", () => {
  it.each(["2026-02-01", "2022-11-20"] as const)("runs the whole lifecycle with API version %s", async (apiVersion) => {
    // Provisioning long enough that the describe right after allocate still sees CREATING on a loaded machine.
    harness = await startHarness({ settings: { apiVersion }, emulator: { provisioningDelayMs: 500 } });
    const { allocator } = harness;
    const allocated = await allocator.allocate({ location: { zone: "SEL-A" }, tags: { team: "edge" } });
    expect(allocated).toMatchObject({
      provider: "zenlayer-eip",
      reconciled: false,
      metadata: { attempts: 1, totalRetryDelayMs: 0 },
    });
    expect(allocated.ips).toHaveLength(1);
    const [ip] = allocated.ips;
    expect(ip).toMatchObject({
      state: "pending",
      providerState: "CREATING",
      location: { zone: "SEL-A" },
      tags: { team: "edge" },
    });
    expect(allocated.warnings.some((warning) => warning.includes("deprecated"))).toBe(apiVersion === "2022-11-20");
    const id = ip?.id as string;

    expect((await allocator.describe(id)).ip.state).toBe("pending");
    const ready = await allocator.waitUntilReady(id);
    expect(ready.ip).toMatchObject({ id, state: "ready", providerState: "AVAILABLE", tags: { team: "edge" } });
    expect(ready.ip.address).toMatch(/^198\.18\.\d+\.\d+$/);
    expect((await allocator.describe(id)).ip).toMatchObject({ state: "ready", address: ready.ip.address });

    const released = await allocator.release(id);
    expect(released).toMatchObject({ provider: "zenlayer-eip", id, state: "released" });
    // Terminate moved it through RECYCLING to RECYCLE, then ReleaseEipAddresses deleted it.
    expect(actionsOf(harness, id)).toEqual([
      "allocate:AllocateEipAddresses",
      "status:lifecycle",
      "status:TerminateEipAddress",
      "status:lifecycle",
      "release:ReleaseEipAddresses",
    ]);
    expect(harness.emulator.events.list({ resourceId: id, kind: "status" }).map((event) => event.detail?.to)).toEqual([
      "AVAILABLE",
      "RECYCLING",
      "RECYCLE",
    ]);
    expect(await rejectionOf(allocator.describe(id))).toMatchObject({ code: "NOT_FOUND", provider: "zenlayer-eip" });
    expect(await rejectionOf(allocator.release(id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("allocates up to 100 EIPs in one call, each tagged with the idempotency key", async () => {
    harness = await startHarness();
    const result = await harness.allocator.allocate({ location: { zone: "HKG-A" }, count: 3 });
    expect(result.ips).toHaveLength(3);
    expect(harness.allocations()).toBe(3);
    const tags = harness.emulator.zenlayerState.eips.map((eip) => eip.tags.tags);
    expect(
      tags.every((list) =>
        list.some((tag) => tag.key === "polycloud-idempotency-key" && tag.value === result.idempotencyKey),
      ),
    ).toBe(true);
  });

  it("works with a Bearer token instead of an access key", async () => {
    harness = await startHarness();
    const allocator = harness.createAllocator({ credentials: { token: TEST_TOKEN } });
    const { ips } = await allocator.allocate({ location: { zone: "SEL-A" } });
    expect((await allocator.waitUntilReady(ips[0]?.id as string)).ip.state).toBe("ready");
  });

  it("releases an EIP that is still CREATING by waiting for a state Terminate accepts", async () => {
    harness = await startHarness();
    const { ips } = await harness.allocator.allocate({ location: { zone: "SEL-A" } });
    expect(await harness.allocator.release(ips[0]?.id as string)).toMatchObject({ state: "released" });
  });

  it("stops at the recycle bin in recycle-bin mode (releasing), and describe reports releasing", async () => {
    harness = await startHarness({ settings: { releaseMode: "recycle-bin" } });
    const { allocator } = harness;
    const id = (await allocator.allocate({ location: { zone: "SEL-A" } })).ips[0]?.id as string;
    await allocator.waitUntilReady(id);
    const released = await allocator.release(id);
    expect(released.state).toBe("releasing");
    expect(released.warnings.join(" ")).toContain("recycle bin");
    expect((await allocator.describe(id)).ip.state).toBe("releasing");
    // A later permanent release finishes the job ("already recycled" counts as progress).
    expect(await allocator.release(id, { releaseMode: "permanent" })).toMatchObject({ state: "released" });
  });

  it("refuses to release a PREPAID EIP with FAILED_PRECONDITION and leaves it untouched", async () => {
    harness = await startHarness();
    const { allocator } = harness;
    const prepaid = { "zenlayer-eip": { eipChargeType: "PREPAID", eipChargePrepaid: { period: 1 } } };
    const id = (await allocator.allocate({ location: { zone: "SEL-A" }, providerOptions: prepaid })).ips[0]
      ?.id as string;
    await allocator.waitUntilReady(id);
    const error = await rejectionOf(allocator.release(id));
    expect(error).toMatchObject({
      code: "FAILED_PRECONDITION",
      providerCode: "OPERATION_DENIED_EIP_SUBSCRIPTION",
      retryable: false,
    });
    expect(error.message).toContain("PREPAID");
    expect((await allocator.describe(id)).ip.state).toBe("ready");
  });
});

describe("association with an instance", () => {
  it("associates once AVAILABLE; the state follows the association", async () => {
    harness = await startHarness();
    const { allocator } = harness;
    const allocated = await allocator.allocate({
      location: { zone: "SEL-A" },
      instanceId: "bmc-sel-0001",
      tags: { role: "web" },
    });
    const id = allocated.ips[0]?.id as string;
    const ready = await allocator.waitUntilReady(id);
    expect(ready.ip).toMatchObject({
      state: "ready",
      providerState: "ASSOCIATED",
      instanceId: "bmc-sel-0001",
      tags: { role: "web" },
    });
    expect(harness.emulator.events.list({ resourceId: id, kind: "associate" }).map((event) => event.action)).toEqual([
      "AssociateEipAddress",
    ]);
    // Terminate unbinds an ASSOCIATED EIP itself (reference §4.1).
    expect(await allocator.release(id)).toMatchObject({ state: "released" });
    expect(
      harness.emulator.zenlayerState.instances.find((instance) => instance.instanceId === "bmc-sel-0001")?.eipIds,
    ).toEqual([]);
  });

  it("reports an AVAILABLE EIP waiting for its association as pending", async () => {
    harness = await startHarness({ emulator: { provisioningDelayMs: 0 } });
    const id = (await harness.allocator.allocate({ location: { zone: "SEL-A" }, instanceId: "bmc-sel-0002" })).ips[0]
      ?.id as string;
    expect((await harness.allocator.describe(id)).ip).toMatchObject({ state: "pending", providerState: "AVAILABLE" });
  });

  it("fails the wait with the provider's reason when the instance cannot take the EIP", async () => {
    harness = await startHarness();
    const id = (await harness.allocator.allocate({ location: { zone: "SEL-A" }, instanceId: "bmc-sel-0099" })).ips[0]
      ?.id as string;
    const error = await rejectionOf(harness.allocator.waitUntilReady(id));
    expect(error).toMatchObject({
      code: "FAILED_PRECONDITION",
      providerCode: "OPERATION_DENIED_INSTANCE_NOT_RUNNING",
      details: { lastState: "pending", providerState: "AVAILABLE" },
    });
  });
});
