import type { TaggingCloudIp } from "./start-tagging-cloud.js";

/** Reads the `ips` of a list or allocate answer; undefined when the answer has none (a typed INTERNAL). */
export function readIps(json: unknown): TaggingCloudIp[] | undefined {
  const ips = typeof json === "object" && json !== null ? (json as { ips?: unknown }).ips : undefined;
  return Array.isArray(ips) ? (ips as TaggingCloudIp[]) : undefined;
}

/** Reads the `ip` of a describe or release answer; undefined without an id (a typed INTERNAL). */
export function readIp(json: unknown): TaggingCloudIp | undefined {
  const ip = typeof json === "object" && json !== null ? (json as { ip?: Partial<TaggingCloudIp> }).ip : undefined;
  return typeof ip?.id === "string" ? (ip as TaggingCloudIp) : undefined;
}
