import type { ConformanceSubject } from "../conformance-subject.js";
import { createFaultInjectingDispatcher } from "../create-fault-injecting-dispatcher.js";
import { startTaggingCloud } from "./start-tagging-cloud.js";
import { TaggingCloudAllocator, type TaggingCloudBreakage } from "./tagging-cloud-allocator.js";

const TOKEN = "tagging-cloud-token-3e9b71c2d4";
const WRONG_TOKEN = "tagging-cloud-wrong-token-8a06f5";

/** A conformance subject over real HTTP: the tagging cloud, a fault-injecting dispatcher and its adapter (broken as asked). */
export async function createTaggingCloudSubject(breakage: TaggingCloudBreakage = {}): Promise<ConformanceSubject> {
  const cloud = await startTaggingCloud({ token: TOKEN });
  const faults = createFaultInjectingDispatcher();
  const create = (token: string) =>
    new TaggingCloudAllocator({ endpoint: cloud.url, token, dispatcher: faults, breakage });
  const allocator = create(TOKEN);
  return {
    allocator,
    validRequest: () => ({ location: { zone: "tc-1" }, tags: { suite: "conformance" } }),
    countAllocations: () => cloud.allocations,
    countRequests: () => faults.requests,
    faults,
    isAllocateRequest: (request) => request.method === "POST" && new URL(request.url).pathname === "/ips",
    createPeerAllocator: () => create(TOKEN),
    countLiveAllocations: () => cloud.live,
    secrets: [TOKEN, WRONG_TOKEN],
    hangNext: (operation) => cloud.hangNext(operation),
    createAllocatorWithBadCredentials: () => create(WRONG_TOKEN),
    async teardown() {
      await allocator.close();
      // Closing the cloud first ends any request left hanging, so the dispatcher can close.
      await cloud.close();
      await faults.close();
    },
  };
}
