import { DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { useAwsHarness } from "./__fixtures__/aws-harness.js";

const harness = useAwsHarness();

describe("DescribeInstances", () => {
  it("lists the caller's instances of the region with state, placement and private address", async () => {
    await harness.start();
    const out = await harness.createClient().send(new DescribeInstancesCommand({}));
    const instances = (out.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []);
    expect(
      instances.map((instance) => [
        instance.InstanceId,
        instance.State?.Name,
        instance.State?.Code,
        instance.Placement?.AvailabilityZone,
        instance.PrivateIpAddress,
      ]),
    ).toEqual([
      ["i-0123456789abcdef0", "running", 16, "us-east-1a", "10.0.0.10"],
      ["i-0123456789abcdef1", "running", 16, "us-east-1a", "10.0.0.11"],
      ["i-0123456789abcdef2", "running", 16, "us-east-1a", "10.0.0.12"],
      ["i-0123456789abcdef3", "running", 16, "us-east-1a", "10.0.0.13"],
      ["i-0123456789abcdef9", "stopped", 80, "us-east-1a", "10.0.0.14"],
    ]);
    expect(out.Reservations?.[0]).toMatchObject({ ReservationId: "r-0123456789abcdef0", OwnerId: "123456789012" });
    expect(instances[0]?.PublicIpAddress).toBeUndefined();
  });

  it("filters, and reports every missing or malformed id", async () => {
    await harness.start();
    const client = harness.createClient();
    const stopped = await client.send(
      new DescribeInstancesCommand({ Filters: [{ Name: "instance-state-name", Values: ["stopped", "terminated"] }] }),
    );
    expect(stopped.Reservations?.map((reservation) => reservation.Instances?.[0]?.InstanceId)).toEqual([
      "i-0123456789abcdef9",
    ]);
    const byIds = await client.send(
      new DescribeInstancesCommand({
        InstanceIds: ["i-0123456789abcdef3", "i-0123456789abcdef1"],
        Filters: [{ Name: "availability-zone", Values: ["us-east-1*"] }],
      }),
    );
    expect(byIds.Reservations?.map((reservation) => reservation.Instances?.[0]?.InstanceId)).toEqual([
      "i-0123456789abcdef1",
      "i-0123456789abcdef3",
    ]);
    const missing = await harness.call("DescribeInstances", {
      "InstanceId.1": "i-0123456789abcdef1",
      "InstanceId.2": "i-aaaaaaaa",
      "InstanceId.3": "i-bbbbbbbb",
    });
    expect([missing.code, missing.message]).toEqual([
      "InvalidInstanceID.NotFound",
      "The instance IDs 'i-aaaaaaaa, i-bbbbbbbb' do not exist",
    ]);
    const malformed = await harness.call("DescribeInstances", { "InstanceId.1": "i-0123456789ABCDEF0" });
    expect([malformed.code, malformed.message]).toEqual([
      "InvalidInstanceID.Malformed",
      'Invalid id: "i-0123456789ABCDEF0" (expecting "i-...")',
    ]);
    expect(
      (await harness.call("DescribeInstances", { "Filter.1.Name": "tag:Name", "Filter.1.Value.1": "x" })).code,
    ).toBe("InvalidParameterValue");
    expect((await harness.call("DescribeInstances", { MaxResults: "3" })).code).toBe("InvalidParameterValue");
    expect((await harness.call("DescribeInstances", { MaxResults: "5", DryRun: "true" })).code).toBe("DryRunOperation");
  });
});
