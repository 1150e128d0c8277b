import { pollUntil, type Operation } from "@polycloud/core";
import { describeInMemoryIp } from "./describe-in-memory-ip.js";
import type { InMemoryClient } from "./in-memory-client.js";
import type { InMemoryIp } from "./parse-in-memory-response.js";

/** First and largest delay between polls when the caller sets none. */
export const IN_MEMORY_POLLING = { intervalMs: 100, maxIntervalMs: 2_000 };

/** Polls `DescribeIp` until the IP is ACTIVE, under the operation's one deadline and signal. */
export async function waitForInMemoryIp(
  operation: Operation,
  client: InMemoryClient,
  id: string,
  pacing: { intervalMs?: number; maxIntervalMs?: number } = {},
): Promise<InMemoryIp> {
  const { clock, random } = operation.environment;
  const { value } = await pollUntil({
    read: () => describeInMemoryIp(operation, client, id),
    check: (ip) => (ip.status === "ACTIVE" ? "done" : "continue"),
    signal: operation.signal,
    clock,
    random,
    intervalMs: pacing.intervalMs ?? IN_MEMORY_POLLING.intervalMs,
    maxIntervalMs: pacing.maxIntervalMs ?? IN_MEMORY_POLLING.maxIntervalMs,
  });
  return value;
}
