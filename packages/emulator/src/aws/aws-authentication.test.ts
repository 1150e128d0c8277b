import { describe, expect, it } from "vitest";
import { useAwsHarness } from "./__fixtures__/aws-harness.js";
import { DEFAULT_AWS_CREDENTIALS, DEFAULT_AWS_SEED } from "./aws-default-seed.js";
import { formatAmzDate } from "./sign-sigv4-request.js";
import type { AwsSeed } from "./aws-seed.js";

const harness = useAwsHarness();
const SESSION = DEFAULT_AWS_CREDENTIALS.session;

describe("AWS endpoint envelopes", () => {
  it("answers errors in EC2's XML envelope with x-amzn-requestid, server and the emulator clock's date", async () => {
    await harness.start();
    harness.clock.advance(60_000);
    const response = await harness.call("ReleaseAddress", { AllocationId: "eipalloc-0123456789abcdef0" });
    expect(response.status).toBe(400);
    expect(response.headers["content-type"]).toBe("text/xml;charset=UTF-8");
    expect(response.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidAllocationID.NotFound</Code>' +
        `<Message>The allocation ID 'eipalloc-0123456789abcdef0' does not exist</Message></Error></Errors><RequestID>${response.requestId}</RequestID></Response>`,
    );
    expect(response.headers["x-amzn-requestid"]).toBe(response.requestId);
    expect(response.headers["server"]).toBe("AmazonEC2");
    expect(Date.parse(response.headers["date"] as string)).toBe(Math.floor(harness.clock.now() / 1000) * 1000);
    const success = await harness.call("DescribeAddresses");
    expect(success.text).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeAddressesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${success.requestId}</requestId><addressesSet/></DescribeAddressesResponse>`,
    );
  });
});

describe("SigV4 verification over HTTP", () => {
  it("refuses missing, malformed and incomplete Authorization headers", async () => {
    await harness.start();
    const unsigned = await harness.call("DescribeAddresses", {}, { unsigned: true });
    expect([unsigned.status, unsigned.code]).toEqual([401, "AuthFailure"]);
    const valid = await harness.call("DescribeAddresses");
    expect(valid.status).toBe(200);
    const cases: Array<[string, (authorization: string) => string]> = [
      ["another scheme", () => "Bearer token"],
      ["another algorithm", (value) => value.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512")],
      ["no Signature", (value) => value.replace(/, Signature=[0-9a-f]+/, "")],
      ["short Credential", (value) => value.replace("/us-east-1/", "/")],
      ["host unsigned", (value) => value.replace(";host;", ";")],
      [
        "upper-case SignedHeaders",
        (value) => value.replace("SignedHeaders=content-type", "SignedHeaders=Content-Type"),
      ],
      ["unknown signed header", (value) => value.replace(";x-amz-date", ";x-amz-date;x-extra")],
    ];
    const today = formatAmzDate(harness.clock.now()).slice(0, 8);
    for (const [label, change] of cases) {
      const authorization = change(
        `AWS4-HMAC-SHA256 Credential=polycloud-test-key-id/${today}/us-east-1/ec2/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${"0".repeat(64)}`,
      );
      const response = await harness.call("DescribeAddresses", {}, { extraHeaders: { authorization } });
      expect([response.status, response.code], label).toEqual([400, "IncompleteSignature"]);
    }
    const noDate = await harness.call("DescribeAddresses", {}, { omitHeaders: ["x-amz-date"] });
    expect([noDate.status, noDate.code, noDate.message]).toEqual([
      400,
      "IncompleteSignature",
      expect.stringContaining("X-Amz-Date"),
    ]);
  });

  it("checks the credential scope: service, region, date", async () => {
    await harness.start();
    const service = await harness.call("DescribeAddresses", {}, { service: "s3" });
    expect([service.status, service.code, service.message]).toEqual([
      403,
      "SignatureDoesNotMatch",
      "Credential should be scoped to correct service: 'ec2'.",
    ]);
    const region = await harness.call("DescribeAddresses", {}, { region: "eu-west-1" });
    expect([region.status, region.code, region.message]).toEqual([
      403,
      "SignatureDoesNotMatch",
      "Credential should be scoped to a valid region, not 'eu-west-1'.",
    ]);
    const otherDay = await harness.call(
      "DescribeAddresses",
      {},
      { extraHeaders: { "x-amz-date": "20000101T000000Z" } },
    );
    expect([otherDay.status, otherDay.code]).toEqual([403, "SignatureDoesNotMatch"]);
    expect(otherDay.message).toMatch(/^Date in Credential scope does not match/);
  });

  it("rejects a tampered body and a wrong secret without echoing secrets; accepts GET with a signed query", async () => {
    await harness.start();
    const tampered = await harness.call(
      "AllocateAddress",
      { Domain: "vpc" },
      { sentBody: "Action=AllocateAddress&Version=2016-11-15&Domain=vpd" },
    );
    expect([tampered.status, tampered.code]).toEqual([403, "SignatureDoesNotMatch"]);
    const wrongSecret = await harness.call("DescribeAddresses", {}, { secretAccessKey: "not-the-secret" });
    expect([wrongSecret.status, wrongSecret.code]).toEqual([403, "SignatureDoesNotMatch"]);
    expect(wrongSecret.text).not.toMatch(/not-the-secret|polycloud-test-key-secret/);
    const get = await harness.call(
      "DescribeInstances",
      { "InstanceId.1": "i-0123456789abcdef0" },
      { transport: "query" },
    );
    expect([get.status, get.text]).toEqual([
      200,
      expect.stringContaining("<instanceId>i-0123456789abcdef0</instanceId>"),
    ]);
    expect(harness.emulator.events.count()).toBe(0);
  });

  it("answers RequestExpired beyond five minutes of skew either way", async () => {
    await harness.start();
    const now = harness.clock.now();
    const cases: Array<[number, number, string | undefined]> = [
      [-6 * 60_000, 400, "RequestExpired"],
      [6 * 60_000, 400, "RequestExpired"],
      [-4 * 60_000, 200, undefined],
      [4 * 60_000, 200, undefined],
    ];
    for (const [offset, status, code] of cases) {
      const response = await harness.call("DescribeAddresses", {}, { signAtMs: now + offset });
      expect([response.status, response.code], String(offset)).toEqual([status, code]);
    }
  });

  it("requires the seeded token for session keys and refuses tokens on long-term keys", async () => {
    const expiredSeed: AwsSeed = {
      ...DEFAULT_AWS_SEED,
      accounts: [
        {
          accountId: "210987654321",
          credentials: [
            { ...SESSION, accessKeyId: "ASIAEXPIREDTEST00001", sessionTokenExpiration: "2001-01-01T00:00:00Z" },
          ],
        },
      ],
    };
    await harness.start({
      seed: { aws: { ...expiredSeed, accounts: [...DEFAULT_AWS_SEED.accounts, ...expiredSeed.accounts] } },
    });
    const session = { accessKeyId: SESSION.accessKeyId, secretAccessKey: SESSION.secretAccessKey };
    expect(
      (await harness.call("DescribeAddresses", {}, { ...session, sessionToken: SESSION.sessionToken })).status,
    ).toBe(200);
    const cases: Array<[string, Parameters<typeof harness.call>[2], number, string]> = [
      ["session key without token", session, 401, "AuthFailure"],
      ["session key with another token", { ...session, sessionToken: "other-token" }, 401, "AuthFailure"],
      ["long-term key with a token", { sessionToken: SESSION.sessionToken }, 401, "AuthFailure"],
      ["unknown key", { accessKeyId: "AKIANOSUCHKEY0000000" }, 401, "AuthFailure"],
      [
        "expired session token",
        { ...session, accessKeyId: "ASIAEXPIREDTEST00001", sessionToken: SESSION.sessionToken },
        400,
        "RequestExpired",
      ],
    ];
    for (const [label, options, status, code] of cases) {
      const response = await harness.call("DescribeAddresses", {}, options);
      expect([response.status, response.code], label).toEqual([status, code]);
      expect(response.text, label).not.toContain(SESSION.sessionToken);
    }
  });
});

describe("request shape", () => {
  it("answers Action, Version, parameter, method, path, size and encoding errors", async () => {
    await harness.start({ aws: { maxBodyBytes: 256 } });
    const cases: Array<[string, Record<string, string>, Parameters<typeof harness.call>[2], number, string]> = [
      ["", {}, {}, 400, "MissingAction"],
      ["DescribeVolumes", {}, {}, 400, "InvalidAction"],
      ["DescribeAddresses", { Version: "" }, {}, 400, "MissingParameter"],
      ["DescribeAddresses", { Version: "2014-10-01" }, {}, 400, "NoSuchVersion"],
      ["DescribeAddresses", { AllocationIds: "eipalloc-1" }, {}, 400, "UnknownParameter"],
      ["AllocateAddress", { DryRun: "yes" }, {}, 400, "InvalidParameterValue"],
      ["DescribeAddresses", {}, { method: "PUT" }, 400, "InvalidRequest"],
      ["DescribeAddresses", {}, { path: "/api" }, 400, "InvalidRequest"],
      [
        "DescribeAddresses",
        {},
        { sentBody: `Action=DescribeAddresses&Version=2016-11-15&Pad=${"x".repeat(300)}` },
        400,
        "InvalidRequest",
      ],
      ["DescribeAddresses", {}, { sentBody: "Action=DescribeAddresses&Version=%ZZ" }, 404, "MalformedQueryString"],
    ];
    for (const [action, parameters, options, status, code] of cases) {
      const response = await harness.call(action, parameters, options);
      expect(
        [response.status, response.code],
        `${action} ${JSON.stringify(parameters)} ${JSON.stringify(options)}`,
      ).toEqual([status, code]);
    }
    const missing = await harness.call("DescribeAddresses", { Version: "" });
    expect(missing.message).toBe("The request must contain the parameter Version");
    expect((await harness.call("DescribeAddresses")).status).toBe(200);
  });

  it("refuses denied actions with UnauthorizedOperation, DryRun or not", async () => {
    await harness.start();
    const readOnly = {
      accessKeyId: DEFAULT_AWS_CREDENTIALS.readOnly.accessKeyId,
      secretAccessKey: DEFAULT_AWS_CREDENTIALS.readOnly.secretAccessKey,
    };
    for (const parameters of [{}, { DryRun: "true" }] as Array<Record<string, string>>) {
      const denied = await harness.call("AllocateAddress", parameters, readOnly);
      expect([denied.status, denied.code]).toEqual([403, "UnauthorizedOperation"]);
      const encoded = /Encoded authorization failure message: (\S+)$/.exec(denied.message ?? "")?.[1] ?? "";
      expect(JSON.parse(Buffer.from(encoded, "base64").toString("utf8"))).toMatchObject({
        allowed: false,
        context: { action: "ec2:AllocateAddress" },
      });
    }
    expect((await harness.call("DescribeInstances", {}, readOnly)).status).toBe(200);
  });
});
