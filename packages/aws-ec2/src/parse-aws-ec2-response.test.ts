import { describe, expect, it } from "vitest";
import { addressXml, ok } from "../test/ec2-wire.js";
import {
  mapAddressToAllocatedIp,
  parseAllocateAddress,
  parseDescribeAddresses,
  parseDescribeInstances,
  parseEc2Xml,
  parseReturn,
} from "./parse-aws-ec2-response.js";

/** The content of `<ActionResponse>`, as the client hands it to a parse function. */
function content(action: string, inner: string): unknown {
  return parseEc2Xml(ok(action, inner).body)?.[`${action}Response`];
}

describe("parseEc2Xml and the response schemas", () => {
  it("reads AllocateAddress (the documented answer) keeping ids as strings", () => {
    const allocated = parseAllocateAddress(
      content(
        "AllocateAddress",
        "<publicIp>198.51.100.1</publicIp><domain>vpc</domain><allocationId>eipalloc-0123456789abcdef0</allocationId><networkBorderGroup>us-east-1</networkBorderGroup>",
      ),
    );
    expect(allocated).toMatchObject({
      allocationId: "eipalloc-0123456789abcdef0",
      publicIp: "198.51.100.1",
      networkBorderGroup: "us-east-1",
      requestId: expect.stringMatching(/^req-/),
    });
  });

  it("reads DescribeAddresses lists of one, many and none, with tags, association and empty elements", () => {
    const one = addressXml({
      allocationId: "eipalloc-11111111",
      publicIp: "198.51.100.1",
      tags: { team: "web", "polycloud:idempotency-key": "k" },
    });
    const two = addressXml({
      allocationId: "eipalloc-22222222",
      publicIp: "198.51.100.2",
      associationId: "eipassoc-33333333",
      instanceId: "i-0123456789abcdef0",
    });
    expect(
      parseDescribeAddresses(content("DescribeAddresses", `<addressesSet>${one}</addressesSet>`))?.addressesSet,
    ).toHaveLength(1);
    const many = parseDescribeAddresses(
      content("DescribeAddresses", `<addressesSet>${one}${two}</addressesSet>`),
    )?.addressesSet;
    expect(many?.map((address) => address.allocationId)).toEqual(["eipalloc-11111111", "eipalloc-22222222"]);
    expect(many?.[0]?.associationId ?? many?.[0]?.instanceId).toBeUndefined();
    expect(many?.[0]?.tagSet).toEqual([
      { key: "team", value: "web" },
      { key: "polycloud:idempotency-key", value: "k" },
    ]);
    expect(many?.[1]).toMatchObject({
      associationId: "eipassoc-33333333",
      instanceId: "i-0123456789abcdef0",
      tagSet: [],
    });
    expect(parseDescribeAddresses(content("DescribeAddresses", "<addressesSet/>"))?.addressesSet).toEqual([]);
    const sparse = parseDescribeAddresses(
      content(
        "DescribeAddresses",
        "<addressesSet><item><publicIp>198.51.100.9</publicIp><allocationId>eipalloc-99999999</allocationId><instanceId/><tagSet/></item></addressesSet>",
      ),
    )?.addressesSet[0];
    expect(sparse?.instanceId).toBeUndefined();
    expect(sparse?.tagSet).toEqual([]);
  });

  it("reads DescribeInstances reservations and instance states", () => {
    const inner =
      "<reservationSet><item><reservationId>r-1</reservationId><instancesSet><item><instanceId>i-0123456789abcdef0</instanceId><instanceState><code>16</code><name>running</name></instanceState></item></instancesSet></item></reservationSet>";
    expect(
      parseDescribeInstances(content("DescribeInstances", inner))?.reservationSet[0]?.instancesSet[0],
    ).toMatchObject({ instanceId: "i-0123456789abcdef0", instanceState: { name: "running" } });
    expect(parseDescribeInstances(content("DescribeInstances", "<reservationSet/>"))?.reservationSet).toEqual([]);
  });

  it("rejects what it cannot read: a missing id, a truncated document, an HTML page", () => {
    expect(parseAllocateAddress(content("AllocateAddress", "<publicIp>198.51.100.1</publicIp>"))).toBeUndefined();
    expect(parseEc2Xml("<AllocateAddressResponse><requestId>r</requestId><allocationId>eipalloc-1234")).toBeUndefined();
    expect(parseEc2Xml("")).toBeUndefined();
    expect(parseReturn(content("ReleaseAddress", "<return>true</return>"))).toMatchObject({ return: "true" });
  });
});

describe("mapAddressToAllocatedIp", () => {
  it("is ready, names the instance when associated and hides polycloud's own tags", () => {
    const xml = addressXml({
      allocationId: "eipalloc-22222222",
      publicIp: "198.51.100.2",
      associationId: "eipassoc-3",
      instanceId: "i-0123456789abcdef0",
      tags: { team: "web", "polycloud:created-at": "2024-01-01T00:00:00.000Z" },
    });
    const address = parseDescribeAddresses(content("DescribeAddresses", `<addressesSet>${xml}</addressesSet>`))
      ?.addressesSet[0];
    if (address === undefined) throw new Error("unreadable");
    expect(mapAddressToAllocatedIp(address, "us-east-1")).toEqual({
      id: "eipalloc-22222222",
      address: "198.51.100.2",
      state: "ready",
      location: { region: "us-east-1" },
      instanceId: "i-0123456789abcdef0",
      tags: { team: "web" },
      providerState: "associated",
      raw: address,
    });
  });
});
