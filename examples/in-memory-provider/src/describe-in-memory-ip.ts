import type { Operation } from "@polycloud/core";
import type { InMemoryClient } from "./in-memory-client.js";
import { parseOneIp, type InMemoryIp } from "./parse-in-memory-response.js";

/** `DescribeIp`: one IP by id, NOT_FOUND once it is released. A read: every retryable failure is retried. */
export async function describeInMemoryIp(
  operation: Operation,
  client: InMemoryClient,
  id: string,
): Promise<InMemoryIp> {
  const { response } = await operation.call((context) => client.call("DescribeIp", { id }, parseOneIp, context));
  return response;
}
