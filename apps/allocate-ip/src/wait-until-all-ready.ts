import type { AllocationResult, IpAllocator, OperationHooks } from "@polycloud/core";
import type { AllocationStep } from "./sample.js";
import type { Deadline } from "./start-deadline.js";

/**
 * Waits for every still-pending address of an allocation, one after the other (they were created
 * together, so once the first is ready the others usually are too), and returns the result with their
 * ready state. Addresses that were not pending are left as allocated.
 */
export async function waitUntilAllReady(
  allocator: IpAllocator,
  result: AllocationResult,
  options: { deadline: Deadline; signal?: AbortSignal; hooks?: OperationHooks; onStep?(step: AllocationStep): void },
): Promise<AllocationResult> {
  const ips = [];
  for (const ip of result.ips) {
    if (ip.state !== "pending") {
      ips.push(ip);
      continue;
    }
    options.onStep?.({ name: "wait", provider: allocator.provider, id: ip.id });
    const ready = await allocator.waitUntilReady(ip.id, { signal: options.signal, hooks: options.hooks, timeoutMs: options.deadline.remainingMs() });
    ips.push(ready.ip);
  }
  return { ...result, ips };
}
