import { describe, expect, it } from "vitest";
import { useAlibabaTestEmulator } from "./__fixtures__/use-alibaba-test-emulator.js";
import {
  TEST_SECURITY_TOKEN,
  buildV1Request,
  buildV3Request,
  callV3,
  formatTimestamp,
  sendWireRequest,
} from "./__fixtures__/alibaba-test-client.js";

const harness = useAlibabaTestEmulator();
const start = harness.start;

describe("Alibaba request verification over HTTP", () => {
  it("answers the cloud's error envelope with RequestId, HostId, Code, Message, Recommend and x-acs-request-id", async () => {
    const endpoint = await start();
    const response = await callV3(
      endpoint,
      "AllocatePublicIpAddress",
      { InstanceId: "i-polycloud0001" },
      { accessKeySecret: "bad" },
    );
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toBe("application/json;charset=utf-8");
    const requestId = response.json["RequestId"] as string;
    expect(response.headers["x-acs-request-id"]).toBe(requestId);
    expect(Object.keys(response.json).sort()).toEqual(["Code", "HostId", "Message", "Recommend", "RequestId"]);
    expect(response.json["HostId"]).toBe(new URL(endpoint).host);
    expect(response.json["Recommend"]).toBe(
      `https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&product=Ecs&requestId=${requestId}`,
    );
  });

  it("rejects an HTTP request with one byte of its body or query changed (V3 and V1)", async () => {
    const endpoint = await start();
    const formRequest = buildV3Request({
      endpoint,
      action: "AllocatePublicIpAddress",
      form: { InstanceId: "i-polycloud0001" },
    });
    const tamperedBody = await sendWireRequest({ ...formRequest, body: formRequest.body.replace("0001", "0002") });
    expect(tamperedBody.json["Code"]).toBe("SignatureDoesNotMatch");
    const queryRequest = buildV3Request({
      endpoint,
      action: "AllocatePublicIpAddress",
      query: { InstanceId: "i-polycloud0001" },
    });
    const tamperedQuery = await sendWireRequest({ ...queryRequest, url: queryRequest.url.replace("0001", "0003") });
    expect(tamperedQuery.json["Code"]).toBe("SignatureDoesNotMatch");
    const v1 = buildV1Request({
      endpoint,
      action: "AllocatePublicIpAddress",
      params: { InstanceId: "i-polycloud0001" },
      transport: "form",
    });
    const tamperedV1 = await sendWireRequest({ ...v1, body: v1.body.replace("0001", "0004") });
    expect(tamperedV1.json["Code"]).toBe("SignatureDoesNotMatch");
    expect(harness.emulator?.events.count()).toBe(0);
    // The untouched form request still verifies (params travel in the signed form body).
    expect((await sendWireRequest(formRequest)).json["IpAddress"]).toMatch(/^47\.96\./);
  });

  it("rejects a reused nonce with SignatureNonceUsed (V3 and V1)", async () => {
    const endpoint = await start();
    const v3 = buildV3Request({
      endpoint,
      action: "DescribeInstanceAttribute",
      query: { InstanceId: "i-polycloud0001" },
      nonce: "nonce-1",
    });
    expect((await sendWireRequest(v3)).status).toBe(200);
    const replay = await sendWireRequest(v3);
    expect([replay.status, replay.json["Code"]]).toEqual([400, "SignatureNonceUsed"]);
    const v1 = buildV1Request({
      endpoint,
      action: "DescribeInstanceAttribute",
      params: { InstanceId: "i-polycloud0001" },
      nonce: "nonce-2",
    });
    expect((await sendWireRequest(v1)).status).toBe(200);
    expect((await sendWireRequest(v1)).json["Code"]).toBe("SignatureNonceUsed");
  });

  it("forgets nonces after their window", async () => {
    let nowMs = Date.parse("2025-06-01T00:00:00Z");
    const endpoint = await start({ now: () => nowMs, alibaba: { nonceTtlSeconds: 60 } });
    const first = buildV3Request({
      endpoint,
      action: "DescribeInstanceAttribute",
      query: { InstanceId: "i-polycloud0001" },
      nonce: "n",
      date: formatTimestamp(nowMs),
    });
    expect((await sendWireRequest(first)).status).toBe(200);
    nowMs += 61_000;
    const later = buildV3Request({
      endpoint,
      action: "DescribeInstanceAttribute",
      query: { InstanceId: "i-polycloud0001" },
      nonce: "n",
      date: formatTimestamp(nowMs),
    });
    expect((await sendWireRequest(later)).status).toBe(200);
  });

  it("checks the timestamp: > 15 min skew, bad format, missing", async () => {
    const endpoint = await start();
    const skewed = await callV3(
      endpoint,
      "DescribeInstanceAttribute",
      { InstanceId: "i-polycloud0001" },
      { date: formatTimestamp(Date.now() - 16 * 60_000) },
    );
    expect([skewed.status, skewed.json["Code"]]).toEqual([400, "InvalidTimeStamp.Expired"]);
    const withinWindow = await callV3(
      endpoint,
      "DescribeInstanceAttribute",
      { InstanceId: "i-polycloud0001" },
      { date: formatTimestamp(Date.now() + 14 * 60_000) },
    );
    expect(withinWindow.status).toBe(200);
    const badFormat = await sendWireRequest(
      buildV1Request({
        endpoint,
        action: "DescribeInstanceAttribute",
        params: { InstanceId: "i-polycloud0001" },
        timestamp: "2025-01-02 03:04:05",
      }),
    );
    expect(badFormat.json["Code"]).toBe("InvalidTimeStamp.Format");
    const missing = await sendWireRequest(
      buildV1Request({
        endpoint,
        action: "DescribeInstanceAttribute",
        params: { InstanceId: "i-polycloud0001" },
        timestamp: "",
      }),
    );
    expect([missing.status, missing.json["Code"]]).toEqual([400, "IllegalTimestamp"]);
  });

  it("answers IncompleteSignature for malformed Authorization headers and unsigned x-acs headers", async () => {
    const endpoint = await start();
    const valid = buildV3Request({
      endpoint,
      action: "DescribeInstanceAttribute",
      query: { InstanceId: "i-polycloud0001" },
    });
    const broken = [
      valid.headers["authorization"]?.replace(",SignedHeaders=", ",Signed="),
      valid.headers["authorization"]?.replace(/Signature=[0-9a-f]+/, "Signature=xyz"),
      "ACS3-HMAC-SHA256",
      "Bearer something",
    ];
    for (const authorization of broken) {
      const response = await sendWireRequest({
        ...valid,
        headers: { ...valid.headers, authorization: authorization as string },
      });
      expect([response.status, response.json["Code"]], authorization).toEqual([400, "IncompleteSignature"]);
    }
    const unsignedExtra = await sendWireRequest({ ...valid, headers: { ...valid.headers, "x-acs-extra": "1" } });
    expect(unsignedExtra.json["Code"]).toBe("IncompleteSignature");
    const otherAlgorithm = await sendWireRequest({
      ...valid,
      headers: {
        ...valid.headers,
        authorization: (valid.headers["authorization"] as string).replace("ACS3-HMAC-SHA256", "ACS3-HMAC-SM3"),
      },
    });
    expect(otherAlgorithm.json["Code"]).toBe("InvalidSignatureMethod");
  });

  it("checks x-acs-content-sha256 against the received body", async () => {
    const endpoint = await start();
    const valid = buildV3Request({
      endpoint,
      action: "DescribeInstanceAttribute",
      form: { InstanceId: "i-polycloud0001" },
    });
    const response = await sendWireRequest({
      ...valid,
      headers: { ...valid.headers, "x-acs-content-sha256": "0".repeat(64) },
    });
    expect(response.json["Code"]).toBe("SignatureDoesNotMatch");
    expect(response.json["Message"]).toContain("x-acs-content-sha256");
  });

  it("verifies against the received Host header, port included", async () => {
    const endpoint = await start();
    const port = Number(new URL(endpoint).port);
    const signedForOtherPort = buildV3Request({
      endpoint: `http://127.0.0.1:${port + 1}`,
      action: "DescribeInstanceAttribute",
      query: { InstanceId: "i-polycloud0001" },
    });
    const { host: signedHost, ...headersWithoutHost } = signedForOtherPort.headers;
    const retargeted = {
      ...signedForOtherPort,
      url: `${endpoint}/?InstanceId=i-polycloud0001`,
      headers: headersWithoutHost,
    };
    // undici sends Host: 127.0.0.1:<real port>, which is not what was signed.
    expect((await sendWireRequest(retargeted)).json["Code"]).toBe("SignatureDoesNotMatch");
    // Sending the signed Host header verbatim verifies, so the received value (not the socket address) is what counts.
    const withSignedHost = await sendWireRequest({
      ...retargeted,
      headers: { ...headersWithoutHost, host: signedHost as string },
    });
    expect(withSignedHost.status).toBe(200);
  });

  it("handles STS tokens: accepted, mismatched, expired, and never echoed", async () => {
    const endpoint = await start({
      seed: {
        alibaba: {
          regionId: "cn-hangzhou",
          accounts: [
            { accessKeyId: "sts-key", accessKeySecret: "sts-secret", securityToken: "good-token" },
            {
              accessKeyId: "old-key",
              accessKeySecret: "old-secret",
              securityToken: "old-token",
              securityTokenExpiration: "2020-01-01T00:00:00Z",
            },
            { accessKeyId: "off-key", accessKeySecret: "off-secret", active: false },
          ],
          instances: [{ instanceId: "i-1", status: "Running", internetMaxBandwidthOut: 1 }],
        },
      },
    });
    const call = (accessKeyId: string, accessKeySecret: string, securityToken?: string) =>
      callV3(
        endpoint,
        "DescribeInstanceAttribute",
        { InstanceId: "i-1" },
        { accessKeyId, accessKeySecret, ...(securityToken === undefined ? {} : { securityToken }) },
      );
    expect((await call("sts-key", "sts-secret", "good-token")).status).toBe(200);
    const mismatch = await call("sts-key", "sts-secret", "stolen-token");
    expect(mismatch.json["Code"]).toBe("InvalidSecurityToken.MismatchWithAccessKey");
    expect(mismatch.text).not.toContain("stolen-token");
    expect((await call("old-key", "old-secret", "old-token")).json["Code"]).toBe("InvalidSecurityToken.Expired");
    expect((await call("off-key", "off-secret")).json["Code"]).toBe("InvalidAccessKeyId.Inactive");
    const v1Sts = buildV1Request({
      endpoint,
      action: "DescribeInstanceAttribute",
      params: { InstanceId: "i-1" },
      accessKeyId: "sts-key",
      accessKeySecret: "sts-secret",
      securityToken: "nope",
    });
    expect((await sendWireRequest(v1Sts)).json["Code"]).toBe("InvalidSecurityToken.MismatchWithAccessKey");
    const v1BadSecret = buildV1Request({
      endpoint,
      action: "DescribeInstanceAttribute",
      params: { InstanceId: "i-1" },
      accessKeyId: "sts-key",
      accessKeySecret: "x",
      securityToken: "good-token",
    });
    const badSecretResponse = await sendWireRequest(v1BadSecret);
    expect(badSecretResponse.json["Code"]).toBe("SignatureDoesNotMatch");
    expect(badSecretResponse.text).not.toContain("good-token");
    expect(badSecretResponse.text).not.toContain("sts-secret");
  });

  it("accepts the default STS variant on V1", async () => {
    const endpoint = await start();
    const response = await sendWireRequest(
      buildV1Request({
        endpoint,
        action: "DescribeInstanceAttribute",
        params: { InstanceId: "i-polycloud0001" },
        securityToken: TEST_SECURITY_TOKEN,
      }),
    );
    expect(response.status).toBe(200);
  });
});
