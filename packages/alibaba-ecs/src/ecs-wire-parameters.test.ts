import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ECS_ACTION_PARAMETERS } from "./add-ecs-common-parameters.js";
import { createAlibabaEcsAllocator } from "./create-alibaba-ecs-allocator.js";

/** One request as the far side received it: the action and its API parameters (signing parameters left out). */
interface Received {
  action: string;
  query: string;
  params: Record<string, string>;
}

const V1_SIGNING = new Set([
  "Action",
  "Version",
  "AccessKeyId",
  "SignatureMethod",
  "SignatureVersion",
  "SignatureNonce",
  "Timestamp",
  "Signature",
  "SecurityToken",
]);
const IP = "47.96.1.1";

function answerFor(action: string): Record<string, unknown> {
  const base = { RequestId: "4C4F0C1E-0000-4000-8000-000000000001" };
  if (action === "AllocatePublicIpAddress") return { ...base, IpAddress: IP };
  if (action === "DescribeInstanceAttribute")
    return { ...base, InstanceId: "i-wire0001", Status: "Running", PublicIpAddress: { IpAddress: [IP] } };
  return base;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return body;
}

let server: Server;
let endpoint: string;
let received: Received[];

beforeEach(async () => {
  received = [];
  // The far side of the wire: a loopback server that records what arrives and answers like ECS.
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const v3Action = request.headers["x-acs-action"];
      const pairs = [...url.searchParams, ...new URLSearchParams(body)];
      const params = Object.fromEntries(
        pairs.filter(([name]) => typeof v3Action === "string" || !V1_SIGNING.has(name)),
      );
      const action = typeof v3Action === "string" ? v3Action : (Object.fromEntries(pairs)["Action"] ?? "");
      received.push({ action, query: url.search.slice(1), params });
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answerFor(action)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function createAllocator(signatureVersion: "v3" | "v1") {
  return createAlibabaEcsAllocator(
    {
      region: "cn-hangzhou",
      endpoint,
      signatureVersion,
      credentials: { accessKeyId: "wire-key-id", accessKeySecret: "wire-key-secret" },
    },
    { env: {} },
  );
}

async function runEveryAction(signatureVersion: "v3" | "v1"): Promise<void> {
  const allocator = createAllocator(signatureVersion);
  await allocator.allocate({ location: { region: "cn-hangzhou" }, instanceId: "i-wire0001" });
  await allocator.allocate({
    location: { region: "cn-hangzhou" },
    instanceId: "i-wire0001",
    idempotencyKey: "key-1",
    providerOptions: { "alibaba-ecs": { method: "modify-instance-network-spec", internetMaxBandwidthOut: 5 } },
  });
  await allocator.describe("i-wire0001");
  await allocator.release("i-wire0001");
  await allocator.close();
}

describe("the parameters of each action are those of its official model", () => {
  it("V3: the exact query of each action; RegionId only on ReleasePublicIpAddress, never Format", async () => {
    await runEveryAction("v3");
    expect(received.map(({ action, query }) => [action, query])).toEqual([
      ["AllocatePublicIpAddress", "InstanceId=i-wire0001"],
      [
        "ModifyInstanceNetworkSpec",
        "AllocatePublicIp=true&ClientToken=key-1&InstanceId=i-wire0001&InternetMaxBandwidthOut=5",
      ],
      ["DescribeInstanceAttribute", "InstanceId=i-wire0001"],
      ["DescribeInstanceAttribute", "InstanceId=i-wire0001"],
      ["DescribeInstanceAttribute", "InstanceId=i-wire0001"],
      ["ReleasePublicIpAddress", `InstanceId=i-wire0001&PublicIpAddress=${IP}&RegionId=cn-hangzhou`],
    ]);
  });

  it("V1: the same API parameters, plus Format=JSON (a V1 common parameter: XML otherwise)", async () => {
    await runEveryAction("v1");
    expect(received.map(({ action, params }) => [action, params])).toEqual([
      ["AllocatePublicIpAddress", { InstanceId: "i-wire0001", Format: "JSON" }],
      [
        "ModifyInstanceNetworkSpec",
        {
          AllocatePublicIp: "true",
          ClientToken: "key-1",
          InstanceId: "i-wire0001",
          InternetMaxBandwidthOut: "5",
          Format: "JSON",
        },
      ],
      ["DescribeInstanceAttribute", { InstanceId: "i-wire0001", Format: "JSON" }],
      ["DescribeInstanceAttribute", { InstanceId: "i-wire0001", Format: "JSON" }],
      ["DescribeInstanceAttribute", { InstanceId: "i-wire0001", Format: "JSON" }],
      [
        "ReleasePublicIpAddress",
        { InstanceId: "i-wire0001", PublicIpAddress: IP, RegionId: "cn-hangzhou", Format: "JSON" },
      ],
    ]);
  });

  it("sends no parameter its action's model lacks", async () => {
    await runEveryAction("v3");
    for (const { action, params } of received) {
      expect(
        Object.keys(params).filter((name) => !ECS_ACTION_PARAMETERS[action]?.includes(name)),
        action,
      ).toEqual([]);
    }
  });
});
