import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  type EC2ServiceException,
} from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { useAwsHarness } from "./__fixtures__/aws-harness.js";
import { DEFAULT_AWS_CREDENTIALS } from "./aws-default-seed.js";

const harness = useAwsHarness();
const TAGGED = {
  ResourceType: "elastic-ip" as const,
  Tags: [
    { Key: "polycloud:token", Value: "token-1" },
    { Key: "team", Value: "a&b <c>" },
  ],
};

async function captureError(promise: Promise<unknown>): Promise<EC2ServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as EC2ServiceException;
  }
  throw new Error("expected the call to fail");
}

/** The SDK's parsed error: name, Code, HTTP status and request id (which must be the envelope's). */
function describeFailure(error: EC2ServiceException): [string, unknown, number | undefined, boolean] {
  const code = (error as unknown as { Code?: string }).Code;
  return [error.name, code, error.$metadata.httpStatusCode, /^[0-9a-f-]{36}$/.test(error.$metadata.requestId ?? "")];
}

describe("@aws-sdk/client-ec2 against the emulator", () => {
  it("allocates with tags, reads back by id and by tag, associates, disassociates and releases", async () => {
    await harness.start();
    const client = harness.createClient();
    const allocated = await client.send(new AllocateAddressCommand({ Domain: "vpc", TagSpecifications: [TAGGED] }));
    expect(allocated.AllocationId).toMatch(/^eipalloc-[0-9a-f]{17}$/);
    expect(allocated.PublicIp).toMatch(/^198\.51\.100\.\d+$/);
    expect([allocated.Domain, allocated.NetworkBorderGroup, allocated.PublicIpv4Pool]).toEqual([
      "vpc",
      "us-east-1",
      "amazon",
    ]);
    expect(allocated.$metadata.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);

    const byId = await client.send(new DescribeAddressesCommand({ AllocationIds: [allocated.AllocationId as string] }));
    expect(byId.Addresses).toEqual([
      {
        AllocationId: allocated.AllocationId,
        PublicIp: allocated.PublicIp,
        Domain: "vpc",
        Tags: [
          { Key: "polycloud:token", Value: "token-1" },
          { Key: "team", Value: "a&b <c>" },
        ],
        PublicIpv4Pool: "amazon",
        NetworkBorderGroup: "us-east-1",
      },
    ]);
    const byTag = await client.send(
      new DescribeAddressesCommand({ Filters: [{ Name: "tag:polycloud:token", Values: ["token-1"] }] }),
    );
    expect(byTag.Addresses?.map((address) => address.AllocationId)).toEqual([allocated.AllocationId]);
    expect(
      (
        await client.send(
          new DescribeAddressesCommand({ Filters: [{ Name: "tag:polycloud:token", Values: ["other"] }] }),
        )
      ).Addresses,
    ).toEqual([]);

    const associated = await client.send(
      new AssociateAddressCommand({ AllocationId: allocated.AllocationId, InstanceId: "i-0123456789abcdef0" }),
    );
    expect(associated.AssociationId).toMatch(/^eipassoc-[0-9a-f]{17}$/);
    const instances = await client.send(new DescribeInstancesCommand({ InstanceIds: ["i-0123456789abcdef0"] }));
    const instance = instances.Reservations?.[0]?.Instances?.[0];
    expect(instance?.State).toEqual({ Code: 16, Name: "running" });
    expect(instance?.Placement?.AvailabilityZone).toBe("us-east-1a");
    expect(instance?.PublicIpAddress).toBe(allocated.PublicIp);
    const described = (
      await client.send(new DescribeAddressesCommand({ AllocationIds: [allocated.AllocationId as string] }))
    ).Addresses?.[0];
    expect([described?.AssociationId, described?.InstanceId, described?.NetworkInterfaceId]).toEqual([
      associated.AssociationId,
      "i-0123456789abcdef0",
      "eni-0123456789abcdef0",
    ]);

    await client.send(new DisassociateAddressCommand({ AssociationId: associated.AssociationId }));
    await client.send(new ReleaseAddressCommand({ AllocationId: allocated.AllocationId }));
    expect((await client.send(new DescribeAddressesCommand({}))).Addresses).toEqual([]);
    expect(
      harness.emulator.events.list({ provider: "aws" }).map((event) => [event.kind, event.action, event.resourceId]),
    ).toEqual([
      ["allocate", "AllocateAddress", allocated.AllocationId],
      ["associate", "AssociateAddress", allocated.AllocationId],
      ["unassociate", "DisassociateAddress", allocated.AllocationId],
      ["release", "ReleaseAddress", allocated.AllocationId],
    ]);
  });

  it("surfaces state errors with the SDK's name, Code, status and request id", async () => {
    await harness.start();
    const client = harness.createClient();
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1)
      ids.push((await client.send(new AllocateAddressCommand({ Domain: "vpc" }))).AllocationId as string);
    const limit = await captureError(client.send(new AllocateAddressCommand({ Domain: "vpc" })));
    expect(describeFailure(limit)).toEqual(["AddressLimitExceeded", "AddressLimitExceeded", 400, true]);
    expect(limit.message).toBe("The maximum number of addresses has been reached.");

    const unknown = await captureError(
      client.send(new ReleaseAddressCommand({ AllocationId: "eipalloc-00000000000000000" })),
    );
    expect(describeFailure(unknown)).toEqual([
      "InvalidAllocationID.NotFound",
      "InvalidAllocationID.NotFound",
      400,
      true,
    ]);

    await client.send(new AssociateAddressCommand({ AllocationId: ids[0], InstanceId: "i-0123456789abcdef1" }));
    const inUse = await captureError(client.send(new ReleaseAddressCommand({ AllocationId: ids[0] })));
    expect(describeFailure(inUse)).toEqual(["InvalidIPAddress.InUse", "InvalidIPAddress.InUse", 400, true]);

    const stopped = await captureError(
      client.send(new AssociateAddressCommand({ AllocationId: ids[1], InstanceId: "i-0123456789abcdef9" })),
    );
    expect(describeFailure(stopped)).toEqual(["IncorrectInstanceState", "IncorrectInstanceState", 400, true]);
    const missing = await captureError(
      client.send(new DescribeInstancesCommand({ InstanceIds: ["i-0123456789abcdeff"] })),
    );
    expect(describeFailure(missing)).toEqual(["InvalidInstanceID.NotFound", "InvalidInstanceID.NotFound", 400, true]);
    const malformed = await captureError(client.send(new DescribeInstancesCommand({ InstanceIds: ["i-123"] })));
    expect(describeFailure(malformed)).toEqual([
      "InvalidInstanceID.Malformed",
      "InvalidInstanceID.Malformed",
      400,
      true,
    ]);
  });

  it("answers DryRunOperation (412) for a call that would succeed, without committing", async () => {
    await harness.start();
    const client = harness.createClient();
    const dryRun = await captureError(client.send(new AllocateAddressCommand({ Domain: "vpc", DryRun: true })));
    expect(describeFailure(dryRun)).toEqual(["DryRunOperation", "DryRunOperation", 412, true]);
    expect(harness.emulator.awsState.addresses).toEqual([]);
    const readOnly = harness.createClient({ credentials: DEFAULT_AWS_CREDENTIALS.readOnly });
    const denied = await captureError(readOnly.send(new AllocateAddressCommand({ Domain: "vpc", DryRun: true })));
    expect(describeFailure(denied)).toEqual(["UnauthorizedOperation", "UnauthorizedOperation", 403, true]);
    expect(denied.message).toMatch(
      /^You are not authorized to perform this operation\. Encoded authorization failure message: /,
    );
    expect((await readOnly.send(new DescribeAddressesCommand({}))).Addresses).toEqual([]);
  });

  it("authenticates like EC2: wrong secret, unknown key, session credentials", async () => {
    await harness.start();
    const wrongSecret = harness.createClient({
      credentials: { accessKeyId: DEFAULT_AWS_CREDENTIALS.accessKeyId, secretAccessKey: "wrong-secret" },
    });
    const mismatch = await captureError(wrongSecret.send(new AllocateAddressCommand({ Domain: "vpc" })));
    expect(describeFailure(mismatch)).toEqual(["SignatureDoesNotMatch", "SignatureDoesNotMatch", 403, true]);
    expect(mismatch.message).not.toContain("wrong-secret");
    expect(mismatch.message).not.toContain(DEFAULT_AWS_CREDENTIALS.secretAccessKey);
    const unknownKey = harness.createClient({
      credentials: { accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "x" },
    });
    expect(describeFailure(await captureError(unknownKey.send(new DescribeAddressesCommand({}))))).toEqual([
      "AuthFailure",
      "AuthFailure",
      401,
      true,
    ]);

    const session = harness.createClient({ credentials: DEFAULT_AWS_CREDENTIALS.session });
    const allocated = await session.send(new AllocateAddressCommand({ Domain: "vpc" }));
    expect(allocated.AllocationId).toMatch(/^eipalloc-/);
    const { sessionToken: _token, ...withoutToken } = DEFAULT_AWS_CREDENTIALS.session;
    const noToken = harness.createClient({ credentials: withoutToken });
    expect(describeFailure(await captureError(noToken.send(new DescribeAddressesCommand({}))))).toEqual([
      "AuthFailure",
      "AuthFailure",
      401,
      true,
    ]);
    const badToken = harness.createClient({
      credentials: { ...DEFAULT_AWS_CREDENTIALS.session, sessionToken: "stolen" },
    });
    const refused = await captureError(badToken.send(new DescribeAddressesCommand({})));
    expect(describeFailure(refused)).toEqual(["AuthFailure", "AuthFailure", 401, true]);
    expect(refused.message).not.toContain("stolen");
    expect(harness.emulator.events.count({ provider: "aws" })).toBe(1);
  });

  it("puts the XML envelope's request id in $metadata.requestId", async () => {
    // Request ids come from the seeded PRNG: under one seed the first answer of two runs has the same id.
    await harness.start({ randomSeed: 5 });
    const raw = await harness.call("ReleaseAddress", { AllocationId: "eipalloc-00000000000000001" });
    expect(raw.headers["x-amzn-requestid"]).toBe(raw.requestId);
    await harness.emulator.close();
    await harness.start({ randomSeed: 5 });
    const error = await captureError(
      harness.createClient().send(new ReleaseAddressCommand({ AllocationId: "eipalloc-00000000000000001" })),
    );
    expect([error.name, error.$metadata.httpStatusCode, error.$metadata.requestId]).toEqual([
      "InvalidAllocationID.NotFound",
      400,
      raw.requestId,
    ]);
  });
});
