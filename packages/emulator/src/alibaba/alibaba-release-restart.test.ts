import { request } from "undici";
import { describe, expect, it } from "vitest";
import { useAlibabaTestEmulator } from "./__fixtures__/use-alibaba-test-emulator.js";
import { buildV3Request, callV3 } from "./__fixtures__/alibaba-test-client.js";

const harness = useAlibabaTestEmulator();

async function allocate(endpoint: string, instanceId: string): Promise<string> {
  const answer = await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: instanceId });
  expect(answer.status).toBe(200);
  return answer.json["IpAddress"] as string;
}

const effective = (instanceId: string): boolean | undefined =>
  harness.emulator?.alibabaState.getInstance(instanceId)?.publicIpEffective;

describe("ReleasePublicIpAddress as its API page documents it", () => {
  it("denies a VPC instance with OperationDenied 400 and keeps its IP", async () => {
    const endpoint = await harness.start();
    const ipAddress = await allocate(endpoint, "i-polycloud0020");
    const denied = await callV3(endpoint, "ReleasePublicIpAddress", {
      InstanceId: "i-polycloud0020",
      PublicIpAddress: ipAddress,
    });
    expect([denied.status, denied.json["Code"], denied.json["Message"]]).toEqual([
      400,
      "OperationDenied",
      "Specified operation is denied as your instance is in VPC.",
    ]);
    expect(harness.emulator?.alibabaState.getInstance("i-polycloud0020")?.publicIpAddress).toBe(ipAddress);
  });

  it("releases a classic instance's IP once; a second release answers InvalidIpAddress.NotFound 400", async () => {
    const endpoint = await harness.start();
    const ipAddress = await allocate(endpoint, "i-polycloud0001");
    const query = { InstanceId: "i-polycloud0001", PublicIpAddress: ipAddress };
    expect((await callV3(endpoint, "ReleasePublicIpAddress", query)).status).toBe(200);
    const again = await callV3(endpoint, "ReleasePublicIpAddress", query);
    expect([again.status, again.json["Code"], again.json["Message"]]).toEqual([
      400,
      "InvalidIpAddress.NotFound",
      'The specified parameter "IpAddress" is not found in your records.',
    ]);
    const noInstance = await callV3(endpoint, "ReleasePublicIpAddress", { PublicIpAddress: ipAddress });
    expect([noInstance.status, noInstance.json["Code"]]).toEqual([403, "InvalidIpAddress.NeedInstanceId"]);
  });
});

describe("a new public IP takes effect after StartInstance / RebootInstance", () => {
  it("is not effective after AllocatePublicIpAddress on a Running instance until RebootInstance", async () => {
    const endpoint = await harness.start();
    await allocate(endpoint, "i-polycloud0001");
    expect(effective("i-polycloud0001")).toBe(false);
    expect((await callV3(endpoint, "RebootInstance", { InstanceId: "i-polycloud0001" })).status).toBe(200);
    expect(effective("i-polycloud0001")).toBe(true);
  });

  it("takes effect on StartInstance after a stop; power actions check the status", async () => {
    const endpoint = await harness.start();
    expect((await callV3(endpoint, "StopInstance", { InstanceId: "i-polycloud0002" })).status).toBe(200);
    await allocate(endpoint, "i-polycloud0002");
    const reboot = await callV3(endpoint, "RebootInstance", { InstanceId: "i-polycloud0002" });
    expect([reboot.status, reboot.json["Code"]]).toEqual([403, "IncorrectInstanceStatus"]);
    expect(effective("i-polycloud0002")).toBe(false);
    expect((await callV3(endpoint, "StartInstance", { InstanceId: "i-polycloud0002" })).status).toBe(200);
    expect(harness.emulator?.alibabaState.getInstance("i-polycloud0002")).toMatchObject({
      status: "Running",
      publicIpEffective: true,
    });
    expect((await callV3(endpoint, "StartInstance", { InstanceId: "i-polycloud0002" })).json["Code"]).toBe(
      "IncorrectInstanceStatus",
    );
  });

  it("counts an IP from ModifyInstanceNetworkSpec as effective (its docs name no restart)", async () => {
    const endpoint = await harness.start();
    const modified = await callV3(endpoint, "ModifyInstanceNetworkSpec", {
      InstanceId: "i-polycloud0003",
      AllocatePublicIp: "true",
    });
    expect(modified.status).toBe(200);
    expect(effective("i-polycloud0003")).toBe(true);
  });
});

describe("authentication comes before fault rules", () => {
  it("an unsigned or wrongly signed request neither consumes the rule nor gets its fault", async () => {
    const endpoint = await harness.start({
      faults: [{ provider: "alibaba", action: "AllocatePublicIpAddress", kind: "throttle", times: 1 }],
    });
    const signed = buildV3Request({
      endpoint,
      action: "AllocatePublicIpAddress",
      query: { InstanceId: "i-polycloud0001" },
    });
    const { authorization, ...unsignedHeaders } = signed.headers;
    expect(authorization).toBeDefined();
    const unsigned = await request(
      `${endpoint}/?Action=AllocatePublicIpAddress&Version=2014-05-26&InstanceId=i-polycloud0001`,
      { method: "POST", headers: unsignedHeaders },
    );
    expect([unsigned.statusCode, ((await unsigned.body.json()) as Record<string, unknown>)["Code"]]).toEqual([
      400,
      "MissingParameter",
    ]);
    const wrong = await callV3(
      endpoint,
      "AllocatePublicIpAddress",
      { InstanceId: "i-polycloud0001" },
      { accessKeySecret: "not-the-secret" },
    );
    expect([wrong.status, wrong.json["Code"]]).toEqual([400, "SignatureDoesNotMatch"]);
    const throttled = await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" });
    expect([throttled.status, throttled.json["Code"]]).toEqual([400, "Throttling.User"]);
    expect((await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" })).status).toBe(200);
  });
});
