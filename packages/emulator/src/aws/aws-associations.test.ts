import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { useAwsHarness } from "./__fixtures__/aws-harness.js";

const harness = useAwsHarness();
const [I0, I1] = ["i-0123456789abcdef0", "i-0123456789abcdef1"];

async function allocate(client: EC2Client): Promise<string> {
  return (await client.send(new AllocateAddressCommand({ Domain: "vpc" }))).AllocationId as string;
}

function associate(
  client: EC2Client,
  AllocationId: string,
  InstanceId: string,
  AllowReassociation?: boolean,
): Promise<string> {
  return client
    .send(
      new AssociateAddressCommand({
        AllocationId,
        InstanceId,
        ...(AllowReassociation === undefined ? {} : { AllowReassociation }),
      }),
    )
    .then((out) => out.AssociationId as string);
}

function eventsOf(kind: string): Array<[string, unknown, unknown]> {
  return harness.emulator.events
    .list({ provider: "aws", kind: kind as "associate" })
    .map((event) => [event.resourceId, event.detail?.["instanceId"], event.detail?.["reason"]]);
}

describe("AssociateAddress", () => {
  it("is idempotent for the same address and instance, and refuses moves without AllowReassociation", async () => {
    await harness.start();
    const client = harness.createClient();
    const [a, b] = [await allocate(client), await allocate(client)];
    const first = await associate(client, a, I0);
    expect(await associate(client, a, I0)).toBe(first);
    expect(harness.emulator.events.count({ kind: "associate" })).toBe(1);
    const moved = await harness.call("AssociateAddress", { AllocationId: a, InstanceId: I1 });
    expect([moved.status, moved.code, moved.message]).toEqual([
      400,
      "Resource.AlreadyAssociated",
      `resource ${a} is already associated with associate-id ${first}`,
    ]);
    const occupied = await harness.call("AssociateAddress", {
      AllocationId: b,
      InstanceId: I0,
      AllowReassociation: "false",
    });
    expect([occupied.code, occupied.message]).toEqual([
      "Resource.AlreadyAssociated",
      `resource ${I0} is already associated with associate-id ${first}`,
    ]);
    expect(harness.emulator.awsState.instances.find((instance) => instance.instanceId === I0)?.allocationId).toBe(a);
  });

  it("moves an address and replaces an instance's address with AllowReassociation=true", async () => {
    await harness.start();
    const client = harness.createClient();
    const [a, b] = [await allocate(client), await allocate(client)];
    await associate(client, a, I0);
    const movedTo1 = await associate(client, a, I1, true);
    expect(eventsOf("unassociate")).toEqual([[a, I0, "reassociated"]]);
    await associate(client, b, I1, true);
    expect(eventsOf("unassociate")).toEqual([
      [a, I0, "reassociated"],
      [a, I1, "reassociated"],
    ]);
    expect(eventsOf("associate")).toEqual([
      [a, I0, undefined],
      [a, I1, undefined],
      [b, I1, undefined],
    ]);
    const state = harness.emulator.awsState;
    expect(state.addresses.map((address) => [address.allocationId, address.instanceId])).toEqual([
      [a, null],
      [b, I1],
    ]);
    expect(
      state.instances.filter((instance) => instance.publicIp !== null).map((instance) => instance.instanceId),
    ).toEqual([I1]);
    const ended = await harness.call("DisassociateAddress", { AssociationId: movedTo1 });
    expect(ended.code).toBe("InvalidAssociationID.NotFound");
  });

  it("checks the instance and the parameters", async () => {
    await harness.start({
      seed: {
        aws: {
          regions: ["us-east-1"],
          accounts: [
            {
              accountId: "123456789012",
              credentials: [{ accessKeyId: "polycloud-test-key-id", secretAccessKey: "polycloud-test-key-secret" }],
              instances: [
                { instanceId: I0, state: "running", privateIpAddress: "10.1.2.3" },
                { instanceId: "i-0000000a", state: "pending" },
                { instanceId: "i-0000000b", state: "terminated" },
              ],
            },
            {
              accountId: "210987654321",
              credentials: [{ accessKeyId: "AKIAOTHER00000000000", secretAccessKey: "x" }],
              instances: [{ instanceId: "i-0000000c", state: "running" }],
            },
          ],
        },
      },
    });
    const a = await allocate(harness.createClient());
    const cases: Array<[Record<string, string>, string]> = [
      [{ AllocationId: a, InstanceId: "i-0000000a" }, "IncorrectInstanceState"],
      [{ AllocationId: a, InstanceId: "i-0000000b" }, "IncorrectInstanceState"],
      [{ AllocationId: a, InstanceId: "i-0000000c" }, "InvalidInstanceID.NotFound"],
      [{ AllocationId: a, InstanceId: "i-0000000d" }, "InvalidInstanceID.NotFound"],
      [{ AllocationId: a, InstanceId: "instance-1" }, "InvalidInstanceID.Malformed"],
      [{ AllocationId: "eipalloc-00000000000000000", InstanceId: I0 }, "InvalidAllocationID.NotFound"],
      [{ AllocationId: a, InstanceId: I0, PrivateIpAddress: "10.9.9.9" }, "InvalidParameterValue"],
      [{ PublicIp: "198.51.100.1", InstanceId: I0 }, "InvalidParameterValue"],
      [{ AllocationId: a, NetworkInterfaceId: "eni-1" }, "InvalidParameterValue"],
      [{ AllocationId: a }, "MissingParameter"],
      [{ InstanceId: I0 }, "MissingParameter"],
      [{ AllocationId: a, InstanceId: I0, AllowReassociation: "maybe" }, "InvalidParameterValue"],
      [{ AllocationId: a, InstanceId: I0, DryRun: "true" }, "DryRunOperation"],
    ];
    for (const [parameters, code] of cases) {
      const response = await harness.call("AssociateAddress", parameters);
      expect(response.code, JSON.stringify(parameters)).toBe(code);
    }
    expect(
      (await harness.call("AssociateAddress", { AllocationId: a, InstanceId: I0, PrivateIpAddress: "10.1.2.3" }))
        .status,
    ).toBe(200);
    expect(harness.emulator.awsState.addresses[0]?.privateIpAddress).toBe("10.1.2.3");
  });
});

describe("DisassociateAddress and ReleaseAddress", () => {
  it("disassociates by AssociationId or PublicIp", async () => {
    await harness.start();
    const client = harness.createClient();
    const a = await allocate(client);
    const ip = harness.emulator.awsState.addresses[0]?.publicIp as string;
    const associationId = await associate(client, a, I0);
    const both = await harness.call("DisassociateAddress", { AssociationId: associationId, PublicIp: ip });
    expect(both.code).toBe("InvalidParameterCombination");
    expect((await harness.call("DisassociateAddress")).code).toBe("MissingParameter");
    expect((await harness.call("DisassociateAddress", { AssociationId: associationId, DryRun: "true" })).status).toBe(
      412,
    );
    await client.send(new DisassociateAddressCommand({ PublicIp: ip }));
    expect(eventsOf("unassociate")).toEqual([[a, I0, "disassociated"]]);
    expect((await harness.call("DisassociateAddress", { PublicIp: ip })).status).toBe(200);
    expect(harness.emulator.events.count({ kind: "unassociate" })).toBe(1);
    expect((await harness.call("DisassociateAddress", { PublicIp: "203.0.113.1" })).code).toBe(
      "InvalidAddress.NotFound",
    );
    expect((await harness.call("DisassociateAddress", { AssociationId: associationId })).code).toBe(
      "InvalidAssociationID.NotFound",
    );
  });

  it("releases by AllocationId only, refuses while associated, and forgets the address", async () => {
    await harness.start();
    const client = harness.createClient();
    const a = await allocate(client);
    const ip = harness.emulator.awsState.addresses[0]?.publicIp as string;
    await associate(client, a, I0);
    const inUse = await harness.call("ReleaseAddress", { AllocationId: a });
    expect([inUse.code, inUse.message]).toEqual(["InvalidIPAddress.InUse", `Address ${ip} is in use.`]);
    await client.send(new DisassociateAddressCommand({ PublicIp: ip }));
    expect((await harness.call("ReleaseAddress", { PublicIp: ip })).message).toBe(
      "You must specify an allocation id when releasing a VPC elastic IP address",
    );
    expect((await harness.call("ReleaseAddress", { AllocationId: a, NetworkBorderGroup: "us-west-2" })).code).toBe(
      "InvalidParameterValue",
    );
    expect((await harness.call("ReleaseAddress", { AllocationId: a, DryRun: "true" })).code).toBe("DryRunOperation");
    await client.send(new ReleaseAddressCommand({ AllocationId: a, NetworkBorderGroup: "us-east-1" }));
    await expect(client.send(new ReleaseAddressCommand({ AllocationId: a }))).rejects.toMatchObject({
      name: "InvalidAllocationID.NotFound",
    });
    expect(harness.emulator.events.list({ provider: "aws", kind: "release" }).map((event) => event.detail)).toEqual([
      { accountId: "123456789012", region: "us-east-1", publicIp: ip, tags: [] },
    ]);
    expect(harness.emulator.awsState.addresses).toEqual([]);
  });
});
