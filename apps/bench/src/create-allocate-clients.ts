import * as ecsSdk from "@alicloud/ecs20140526";
import { Config } from "@alicloud/openapi-core/dist/utils.js";
import { createAlibabaEcsAllocator } from "@polycloud/alibaba-ecs";
import { Agent, request } from "undici";

/** One way of allocating a public IP against the loopback server: returns the address it got. */
export interface AllocateClient {
  name: string;
  /** HTTP requests one `allocate()` sends. */
  requestsPerAllocate: number;
  allocate(): Promise<string>;
  close(): Promise<void>;
}

/** The emulator's default AccessKey pair; the fixed-response server accepts anything. */
export const BENCH_CREDENTIALS = {
  accessKeyId: "polycloud-test-key-id",
  accessKeySecret: "polycloud-test-key-secret",
} as const;
/** The emulator's default region (the fixed-response server ignores it). */
export const BENCH_REGION = "cn-hangzhou";
/** A Running instance of the emulator's default seed, and the id the canned answers carry. */
export const BENCH_INSTANCE_ID = "i-polycloud0001";

// Same socket pool as polycloud's default dispatcher (core createHttpDispatcher), so only the layers differ.
const createBareAgent = () => new Agent({ keepAliveTimeout: 4_000, connections: 64 });

/** Sends one unsigned ECS RPC request the way polycloud shapes it (V3 headers, query parameters) and parses JSON. */
async function sendBareAction(dispatcher: Agent, endpoint: string, action: string): Promise<Record<string, unknown>> {
  const response = await request(`${endpoint}/?Format=JSON&InstanceId=${BENCH_INSTANCE_ID}&RegionId=${BENCH_REGION}`, {
    method: "POST",
    headers: { accept: "application/json", "x-acs-action": action, "x-acs-version": "2014-05-26" },
    dispatcher,
  });
  const body = (await response.body.json()) as Record<string, unknown>;
  if (response.statusCode !== 200) throw new Error(`${action} answered ${response.statusCode}`);
  return body;
}

/** Bare undici: one POST, JSON parse, nothing else (the floor any client pays). */
export function createBareUndiciClient(endpoint: string): AllocateClient {
  const dispatcher = createBareAgent();
  return {
    name: "bare undici (1 request)",
    requestsPerAllocate: 1,
    allocate: async () => String((await sendBareAction(dispatcher, endpoint, "AllocatePublicIpAddress")).IpAddress),
    close: () => dispatcher.close(),
  };
}

/** polycloud's Alibaba adapter with its defaults (V3 signing, retry, validation, error mapping, own dispatcher). */
export function createPolycloudClient(endpoint: string): AllocateClient {
  const allocator = createAlibabaEcsAllocator({
    region: BENCH_REGION,
    endpoint,
    credentials: { ...BENCH_CREDENTIALS },
  });
  return {
    name: "polycloud alibaba-ecs",
    requestsPerAllocate: 1,
    async allocate() {
      const result = await allocator.allocate({ location: { region: BENCH_REGION }, instanceId: BENCH_INSTANCE_ID });
      return result.ips[0]?.address ?? "";
    },
    close: () => allocator.close(),
  };
}

/** The official SDK as its README shows it (V3 signing, its default runtime options and HTTP agent). */
export function createOfficialSdkClient(endpoint: string): AllocateClient {
  const EcsClient = ecsSdk.default.default;
  const client = new EcsClient(
    new Config({ ...BENCH_CREDENTIALS, regionId: BENCH_REGION, endpoint: new URL(endpoint).host, protocol: "http" }),
  );
  return {
    name: "@alicloud/ecs20140526 SDK",
    requestsPerAllocate: 1,
    async allocate() {
      const response = await client.allocatePublicIpAddress(
        new ecsSdk.AllocatePublicIpAddressRequest({ instanceId: BENCH_INSTANCE_ID }),
      );
      return response.body?.ipAddress ?? "";
    },
    close: async () => undefined,
  };
}
