import { IpStateSchema } from "@polycloud/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapEipToAllocatedIp } from "./map-eip-to-allocated-ip.js";
import type { EipAddress } from "./parse-zenlayer-eip-response.js";

const eip = (overrides: Partial<EipAddress>): EipAddress => ({
  eipId: "eip-1",
  zoneId: "SEL-A",
  ipAddress: null,
  instanceId: null,
  eipStatus: "AVAILABLE",
  tags: { tags: [] },
  ...overrides,
});

describe("mapEipToAllocatedIp", () => {
  it.each([
    ["CREATING", "pending"],
    ["AVAILABLE", "ready"],
    ["ASSOCIATING", "pending"],
    ["ASSOCIATED", "ready"],
    ["UNASSOCIATING", "pending"],
    ["CREATE_FAILED", "failed"],
    ["RECYCLING", "releasing"],
    ["RECYCLE", "releasing"],
    ["RELEASING", "releasing"],
    ["SOMETHING_NEW", "pending"],
  ])("%s → %s", (eipStatus, state) => {
    expect(mapEipToAllocatedIp(eip({ eipStatus }))).toMatchObject({ state, providerState: eipStatus });
  });

  it("keeps an AVAILABLE EIP requested for an instance pending until it is associated with it", () => {
    const tags = { tags: [{ key: "polycloud-instance-id", value: "bmc-1" }] };
    expect(mapEipToAllocatedIp(eip({ tags })).state).toBe("pending");
    expect(mapEipToAllocatedIp(eip({ tags, eipStatus: "ASSOCIATED", instanceId: "bmc-1" })).state).toBe("ready");
  });

  it("hides polycloud's own tags, keeps the caller's, the address and the instance", () => {
    const ip = mapEipToAllocatedIp(
      eip({
        ipAddress: "198.18.0.4",
        instanceId: "bmc-1",
        eipStatus: "ASSOCIATED",
        tags: {
          tags: [
            { key: "team", value: "edge" },
            { key: "polycloud-idempotency-key", value: "k" },
            { key: "empty", value: null },
          ],
        },
      }),
    );
    expect(ip).toMatchObject({
      id: "eip-1",
      address: "198.18.0.4",
      instanceId: "bmc-1",
      location: { zone: "SEL-A" },
      tags: { team: "edge", empty: "" },
    });
    expect(ip.raw).toMatchObject({ eipId: "eip-1" });
  });

  it("maps any status string to a neutral state (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        (eipStatus) => IpStateSchema.safeParse(mapEipToAllocatedIp(eip({ eipStatus })).state).success,
      ),
    );
  });
});
