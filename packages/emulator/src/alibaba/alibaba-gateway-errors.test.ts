import { request } from "undici";
import { describe, expect, it } from "vitest";
import { useAlibabaTestEmulator } from "./__fixtures__/use-alibaba-test-emulator.js";
import { buildV1Request, callV3, sendWireRequest } from "./__fixtures__/alibaba-test-client.js";

const harness = useAlibabaTestEmulator();
const start = harness.start;

describe("Alibaba gateway errors for bad input", () => {
  it("answers unknown actions, bad versions, missing action, methods and paths", async () => {
    const endpoint = await start();
    const unknown = await callV3(endpoint, "RunInstances");
    expect([unknown.status, unknown.json["Code"]]).toEqual([404, "InvalidAction.NotFound"]);
    const prototypeName = await callV3(endpoint, "constructor");
    expect(prototypeName.json["Code"]).toBe("InvalidAction.NotFound");
    const version = await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou" }, { version: "2016-04-28" });
    expect(version.json["Code"]).toBe("InvalidVersion");
    const noAction = await request(`${endpoint}/?Version=2014-05-26`);
    expect((await noAction.body.json()) as Record<string, unknown>).toMatchObject({ Code: "MissingParameter" });
    const put = await request(`${endpoint}/`, { method: "PUT", body: "x" });
    expect([put.statusCode, ((await put.body.json()) as Record<string, unknown>)["Code"]]).toEqual([
      403,
      "UnsupportedHTTPMethod",
    ]);
    const otherPath = await request(`${endpoint}/v2/instances?Action=DescribeInstances&Version=2014-05-26`);
    expect([otherPath.statusCode, ((await otherPath.body.json()) as Record<string, unknown>)["Code"]]).toEqual([
      404,
      "InvalidAction.NotFound",
    ]);
    const unsigned = await request(`${endpoint}/?Action=DescribeInstances&Version=2014-05-26&RegionId=cn-hangzhou`);
    expect(((await unsigned.body.json()) as Record<string, unknown>)["Code"]).toBe("MissingParameter");
  });

  it("answers badly encoded parameters and oversized bodies without crashing", async () => {
    const endpoint = await start({ alibaba: { maxBodyBytes: 1024 } });
    const badPercent = await request(`${endpoint}/?Action=DescribeInstances&Version=2014-05-26&RegionId=%E0%A4%A`);
    expect([badPercent.statusCode, ((await badPercent.body.json()) as Record<string, unknown>)["Code"]]).toEqual([
      400,
      "InvalidParameter",
    ]);
    const badUtf8 = await request(`${endpoint}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: Buffer.from([0x41, 0x3d, 0xff, 0xfe]),
    });
    expect(((await badUtf8.body.json()) as Record<string, unknown>)["Code"]).toBe("InvalidParameter");
    const huge = await request(`${endpoint}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "A=".padEnd(200_000, "x"),
    });
    const hugeBody = (await huge.body.json()) as Record<string, unknown>;
    expect([huge.statusCode, hugeBody["Code"]]).toEqual([400, "InvalidParameter"]);
    expect(hugeBody["Message"]).toContain("1024 bytes");
    // The emulator is still healthy afterwards.
    expect((await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou" })).status).toBe(200);
  });

  it("answers JSON even when Format=XML is requested (documented deviation)", async () => {
    const endpoint = await start();
    const response = await sendWireRequest(
      buildV1Request({
        endpoint,
        action: "DescribeInstanceAttribute",
        params: { InstanceId: "i-polycloud0001", Format: "XML" },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.json["InstanceId"]).toBe("i-polycloud0001");
  });
});
