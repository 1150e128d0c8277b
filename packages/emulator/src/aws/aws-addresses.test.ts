import {
  AllocateAddressCommand,
  DescribeAddressesCommand,
  ReleaseAddressCommand,
  type EC2Client,
  type Filter,
} from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { useAwsHarness } from "./__fixtures__/aws-harness.js";
import { DEFAULT_AWS_SEED } from "./aws-default-seed.js";
import type { AwsSeed } from "./aws-seed.js";

const harness = useAwsHarness();

function allocateTagged(client: EC2Client, tags: Record<string, string>): Promise<string> {
  const Tags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  return client
    .send(new AllocateAddressCommand({ Domain: "vpc", TagSpecifications: [{ ResourceType: "elastic-ip", Tags }] }))
    .then((out) => out.AllocationId as string);
}

async function listIds(client: EC2Client, Filters: Filter[]): Promise<string[]> {
  return ((await client.send(new DescribeAddressesCommand({ Filters }))).Addresses ?? []).map(
    (address) => address.AllocationId as string,
  );
}

/** Two accounts in two regions: isolation and per-region limits. */
const TWO_ACCOUNTS: AwsSeed = {
  regions: ["us-east-1", "eu-west-1"],
  publicIpCidr: "198.51.100.0/24",
  accounts: [
    {
      accountId: "111111111111",
      addressLimit: 2,
      credentials: [{ accessKeyId: "AKIAONE0000000000001", secretAccessKey: "one" }],
      instances: [{ instanceId: "i-11111111", state: "running" }],
    },
    { accountId: "222222222222", credentials: [{ accessKeyId: "AKIATWO0000000000002", secretAccessKey: "two" }] },
  ],
};

describe("AllocateAddress and DescribeAddresses", () => {
  it("filters by tag:<key>, tag-key, wildcards and address fields; filters AND, values OR", async () => {
    await harness.start();
    const client = harness.createClient();
    const web = await allocateTagged(client, { role: "web", token: "t-1" });
    const db = await allocateTagged(client, { role: "db", token: "t-2" });
    const bare = (await client.send(new AllocateAddressCommand({}))).AllocationId as string;
    expect(await listIds(client, [{ Name: "tag:role", Values: ["web", "db"] }])).toEqual([web, db]);
    expect(await listIds(client, [{ Name: "tag:role", Values: ["w*"] }])).toEqual([web]);
    expect(
      await listIds(client, [
        { Name: "tag:token", Values: ["t-?"] },
        { Name: "tag:role", Values: ["db"] },
      ]),
    ).toEqual([db]);
    expect(await listIds(client, [{ Name: "tag-key", Values: ["token"] }])).toEqual([web, db]);
    expect(
      await listIds(client, [
        { Name: "domain", Values: ["vpc"] },
        { Name: "allocation-id", Values: [bare] },
      ]),
    ).toEqual([bare]);
    const bareIp = harness.emulator.awsState.addresses.find((address) => address.allocationId === bare)
      ?.publicIp as string;
    expect(await listIds(client, [{ Name: "public-ip", Values: [bareIp] }])).toEqual([bare]);
    expect(
      ((await client.send(new DescribeAddressesCommand({ PublicIps: [bareIp] }))).Addresses ?? []).map(
        (address) => address.AllocationId,
      ),
    ).toEqual([bare]);
    const badFilter = await harness.call("DescribeAddresses", { "Filter.1.Name": "color", "Filter.1.Value.1": "red" });
    expect([badFilter.code, badFilter.message]).toEqual(["InvalidParameterValue", "The filter 'color' is invalid"]);
    const unknownIp = await harness.call("DescribeAddresses", { "PublicIp.1": "203.0.113.9" });
    expect([unknownIp.status, unknownIp.code]).toEqual([400, "InvalidAddress.NotFound"]);
    const twoMissing = await harness.call("DescribeAddresses", {
      "AllocationId.1": "eipalloc-1",
      "AllocationId.2": web,
      "AllocationId.3": "eipalloc-2",
    });
    expect(twoMissing.message).toBe("The allocation IDs 'eipalloc-1, eipalloc-2' do not exist");
  });

  it("validates tags and placement like EC2", async () => {
    await harness.start();
    const tag = (index: number, key: string, value = "v"): Record<string, string> => ({
      [`TagSpecification.1.Tag.${index}.Key`]: key,
      [`TagSpecification.1.Tag.${index}.Value`]: value,
    });
    const spec = { "TagSpecification.1.ResourceType": "elastic-ip" };
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ ...spec, ...tag(1, "aws:name") }, "InvalidParameterValue", /reserved/],
      [{ ...spec, ...tag(1, "a"), ...tag(2, "a") }, "InvalidParameterValue", /Duplicate tag key 'a'/],
      [{ ...spec, ...tag(1, "k".repeat(129)) }, "InvalidParameterValue", /1 to 128/],
      [{ ...spec, ...tag(1, "k", "v".repeat(257)) }, "InvalidParameterValue", /at most 256/],
      [
        { "TagSpecification.1.ResourceType": "instance", ...tag(1, "k") },
        "InvalidParameterValue",
        /not a valid taggable resource type/,
      ],
      [tag(1, "k"), "MissingParameter", /ResourceType/],
      [
        { ...spec, ...Object.assign({}, ...Array.from({ length: 51 }, (_, index) => tag(index + 1, `k${index}`))) },
        "InvalidParameterValue",
        /limit of 50/,
      ],
      [{ Domain: "standard" }, "InvalidParameterValue", /EC2-Classic/],
      [{ NetworkBorderGroup: "us-west-2-lax-1" }, "InvalidParameterValue", /network border group/],
      [{ PublicIpv4Pool: "ipv4pool-ec2-012345" }, "InvalidParameterValue", /only pool/],
      [{ Address: "198.51.100.7" }, "InvalidParameterValue", /not emulated/],
    ];
    for (const [parameters, code, message] of cases) {
      const response = await harness.call("AllocateAddress", parameters);
      expect([response.status, response.code], JSON.stringify(parameters).slice(0, 80)).toEqual([400, code]);
      expect(response.message).toMatch(message);
    }
    const empty = await harness.call("AllocateAddress", { ...spec, ...tag(1, "empty", "") });
    expect(empty.status).toBe(200);
    expect(harness.emulator.awsState.addresses.map((address) => address.tags)).toEqual([[{ key: "empty", value: "" }]]);
  });

  it("hides a new address from DescribeAddresses for describeLagMs, by filter and by id", async () => {
    await harness.start({ aws: { describeLagMs: 500 } });
    const client = harness.createClient();
    const id = await allocateTagged(client, { token: "lagging" });
    expect(await listIds(client, [{ Name: "tag:token", Values: ["lagging"] }])).toEqual([]);
    const byId = await harness.call("DescribeAddresses", { "AllocationId.1": id });
    expect([byId.code, byId.message]).toEqual([
      "InvalidAllocationID.NotFound",
      `The allocation ID '${id}' does not exist`,
    ]);
    expect(harness.emulator.awsState.addresses.map((address) => address.listedByDescribe)).toEqual([false]);
    expect(harness.emulator.awsState.limits.describeLagMs).toBe(500);
    harness.clock.advance(500);
    expect(await listIds(client, [{ Name: "tag:token", Values: ["lagging"] }])).toEqual([id]);
  });

  it("takes describeLagMs from the seed when no option overrides it", async () => {
    await harness.start({ seed: { aws: { ...DEFAULT_AWS_SEED, describeLagMs: 250 } } });
    expect(harness.emulator.awsState.limits.describeLagMs).toBe(250);
  });

  it("counts the address limit per account and region, and isolates accounts", async () => {
    await harness.start({ seed: { aws: TWO_ACCOUNTS } });
    const one = harness.createClient({ credentials: { accessKeyId: "AKIAONE0000000000001", secretAccessKey: "one" } });
    const oneInEurope = harness.createClient({
      region: "eu-west-1",
      credentials: { accessKeyId: "AKIAONE0000000000001", secretAccessKey: "one" },
    });
    const two = harness.createClient({ credentials: { accessKeyId: "AKIATWO0000000000002", secretAccessKey: "two" } });
    const first = (await one.send(new AllocateAddressCommand({}))).AllocationId as string;
    await one.send(new AllocateAddressCommand({}));
    await expect(one.send(new AllocateAddressCommand({}))).rejects.toMatchObject({ name: "AddressLimitExceeded" });
    const european = await oneInEurope.send(new AllocateAddressCommand({}));
    expect(european.NetworkBorderGroup).toBe("eu-west-1");
    expect(
      (await oneInEurope.send(new DescribeAddressesCommand({}))).Addresses?.map((address) => address.AllocationId),
    ).toEqual([european.AllocationId]);
    expect(
      harness.emulator.awsState.accounts.map((account) => [
        account.accountId,
        account.addressLimit,
        account.addressCountByRegion,
      ]),
    ).toEqual([
      ["111111111111", 2, { "us-east-1": 2, "eu-west-1": 1 }],
      ["222222222222", 5, { "us-east-1": 0, "eu-west-1": 0 }],
    ]);
    expect((await two.send(new DescribeAddressesCommand({}))).Addresses).toEqual([]);
    await expect(two.send(new ReleaseAddressCommand({ AllocationId: first }))).rejects.toMatchObject({
      name: "InvalidAllocationID.NotFound",
    });
    await one.send(new ReleaseAddressCommand({ AllocationId: first }));
    expect((await one.send(new AllocateAddressCommand({}))).AllocationId).toMatch(/^eipalloc-/);
  });

  it("holds the limit exactly under parallel allocations, with unique addresses", async () => {
    await harness.start();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => harness.call("AllocateAddress", { Domain: "vpc" })),
    );
    expect(results.filter((result) => result.status === 200)).toHaveLength(5);
    expect(new Set(results.filter((result) => result.status !== 200).map((result) => result.code))).toEqual(
      new Set(["AddressLimitExceeded"]),
    );
    expect(new Set(harness.emulator.awsState.addresses.map((address) => address.publicIp)).size).toBe(5);
    expect(harness.emulator.events.count({ provider: "aws", kind: "allocate" })).toBe(5);
  });

  it("answers InsufficientAddressCapacity when the pool runs dry, and reuses released addresses", async () => {
    await harness.start({ seed: { aws: { ...TWO_ACCOUNTS, publicIpCidr: "198.51.100.0/31" } } });
    const one = harness.createClient({ credentials: { accessKeyId: "AKIAONE0000000000001", secretAccessKey: "one" } });
    const allocated = await one.send(new AllocateAddressCommand({}));
    await one.send(new AllocateAddressCommand({}));
    const two = harness.createClient({ credentials: { accessKeyId: "AKIATWO0000000000002", secretAccessKey: "two" } });
    await expect(two.send(new AllocateAddressCommand({}))).rejects.toMatchObject({
      name: "InsufficientAddressCapacity",
      $metadata: { httpStatusCode: 503 },
    });
    await one.send(new ReleaseAddressCommand({ AllocationId: allocated.AllocationId }));
    expect((await two.send(new AllocateAddressCommand({}))).PublicIp).toBe(allocated.PublicIp);
  });

  it("draws the same ids and addresses under the same random seed", async () => {
    const draw = async (randomSeed: number): Promise<string[]> => {
      await harness.start({ randomSeed });
      const client = harness.createClient();
      const drawn: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        const out = await client.send(new AllocateAddressCommand({}));
        drawn.push(`${out.AllocationId} ${out.PublicIp}`);
        await client.send(new DescribeAddressesCommand({}));
      }
      await harness.emulator.close();
      return drawn;
    };
    const first = await draw(11);
    expect(await draw(11)).toEqual(first);
    expect(await draw(12)).not.toEqual(first);
  });
});
