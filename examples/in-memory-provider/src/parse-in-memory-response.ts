import type { AllocatedIp } from "@polycloud/core";
import { z } from "zod";

/** One IP as the cloud returns it: only the fields the adapter reads (others are ignored). */
export const InMemoryIpSchema = z.object({
  id: z.string().min(1),
  address: z.string().optional(),
  zone: z.string(),
  instanceId: z.string().optional(),
  tags: z.record(z.string(), z.string()),
  description: z.string().optional(),
  status: z.string(),
  /** Creation order: "oldest first" sorts by it. */
  sequence: z.number().int(),
});

/** @see InMemoryIpSchema */
export type InMemoryIp = z.infer<typeof InMemoryIpSchema>;

/** The error envelope: `{ "error": { "code", "message" }, "requestId" }`. */
export const InMemoryErrorEnvelopeSchema = z.object({
  error: z.object({ code: z.string().min(1), message: z.string().optional() }),
  requestId: z.string().optional(),
});

const IpListSchema = z.object({ ips: z.array(InMemoryIpSchema) });
const OneIpSchema = z.object({ ip: InMemoryIpSchema });
const ReleasedSchema = z.object({ released: z.string() });

/** AllocateIps and ListIps answers; undefined when the body is not one (readHttpResponse then fails typed). */
export function parseIpList(json: unknown): InMemoryIp[] | undefined {
  return IpListSchema.safeParse(json).data?.ips;
}

/** The DescribeIp answer. */
export function parseOneIp(json: unknown): InMemoryIp | undefined {
  return OneIpSchema.safeParse(json).data?.ip;
}

/** The ReleaseIp answer: the released id. */
export function parseReleased(json: unknown): string | undefined {
  return ReleasedSchema.safeParse(json).data?.released;
}

/** Provider status → neutral state; an unknown status is not ready yet (waitUntilReady keeps polling). */
const STATES: Readonly<Record<string, AllocatedIp["state"]>> = { PROVISIONING: "pending", ACTIVE: "ready" };

/** The neutral view of one IP; tags the adapter added itself (`polycloud:*`) stay in `raw` only. */
export function toAllocatedIp(ip: InMemoryIp): AllocatedIp {
  const tags = Object.fromEntries(Object.entries(ip.tags).filter(([key]) => !key.startsWith("polycloud:")));
  return {
    id: ip.id,
    address: ip.address,
    state: STATES[ip.status] ?? "pending",
    location: { zone: ip.zone },
    instanceId: ip.instanceId,
    tags,
    providerState: ip.status,
    raw: ip,
  };
}
