import { IpAllocatorError, type Operation } from "@polycloud/core";
import type { InMemoryClient } from "./in-memory-client.js";
import { parseReleased } from "./parse-in-memory-response.js";

/**
 * `ReleaseIp`: gives one IP back. Releasing twice changes nothing, so it is retried like a read; NOT_FOUND on
 * a retry after an ambiguous attempt means that attempt released it.
 */
export async function releaseInMemoryIp(
  operation: Operation,
  client: InMemoryClient,
  id: string,
): Promise<{ requestId: string | undefined }> {
  let maybeReleased = false;
  return operation.call(async (context) => {
    try {
      const { requestId } = await client.call("ReleaseIp", { id }, parseReleased, context);
      return { requestId };
    } catch (thrown) {
      if (maybeReleased && IpAllocatorError.hasCode(thrown, "NOT_FOUND")) return { requestId: thrown.requestId };
      maybeReleased ||= IpAllocatorError.isInstance(thrown) && thrown.ambiguous;
      throw thrown;
    }
  });
}
