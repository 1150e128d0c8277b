import { randomUUID } from "node:crypto";
import {
  IpAllocatorError,
  convergeAllocation,
  type AllocationResult,
  type KeyedAllocation,
  type Operation,
  type ReconcileSettings,
  type SettleSettings,
} from "@polycloud/core";
import type { InMemoryClient } from "./in-memory-client.js";
import { IN_MEMORY_PROVIDER } from "./in-memory-settings.js";
import { parseIpList, toAllocatedIp, type InMemoryIp } from "./parse-in-memory-response.js";
import { releaseInMemoryIp } from "./release-in-memory-ip.js";
import { IDEMPOTENCY_TAG_KEY, type InMemoryAllocateRequest } from "./validate-in-memory-request.js";

/** How long this cloud's listing may lag behind an allocation, by default: 3 lookups, 100 ms apart at first. */
export const IN_MEMORY_SETTLE: SettleSettings = { reads: 3, intervalMs: 100 };

/**
 * The keyed allocation of one `allocate` call: how to send it with the key attached (a tag), how to find what
 * carries the key (oldest first), how to release one IP, and when found IPs do not fit the request.
 * `convergeAllocation` does the rest: exactly once per key, whatever the wire does.
 */
export function declareInMemoryAllocation(
  client: InMemoryClient,
  request: InMemoryAllocateRequest,
  key: string,
  reconcile: ReconcileSettings = {},
): KeyedAllocation<InMemoryIp> {
  const { location, count, instanceId, description } = request;
  return {
    key,
    shared: request.idempotencyKey !== undefined,
    count,
    async send(context) {
      const tags = { ...request.tags, [IDEMPOTENCY_TAG_KEY]: key };
      const { response, requestId } = await client.call(
        "AllocateIps",
        { zone: location.zone, count, instanceId, description, tags },
        parseIpList,
        context,
      );
      // The request id becomes the result's (and its metadata's).
      return { resources: response, requestId };
    },
    async findByKey(operation) {
      const { response } = await operation.call((context) =>
        client.call("ListIps", { tag: { key: IDEMPOTENCY_TAG_KEY, value: key } }, parseIpList, context),
      );
      return response.sort((a, b) => a.sequence - b.sequence);
    },
    release: (operation, id) => releaseInMemoryIp(operation, client, id),
    idOf: (ip) => ip.id,
    checkExisting(found) {
      const misfits = found.filter((ip) => ip.zone !== location.zone || ip.instanceId !== instanceId);
      if (misfits.length === 0) return undefined;
      const ids = misfits.map((ip) => ip.id);
      return new IpAllocatorError({
        code: "ALREADY_EXISTS",
        message: `idempotencyKey "${key}" already allocated ${ids.join(", ")} for a different request (another zone or instance); use a new key for a new request.`,
        provider: IN_MEMORY_PROVIDER,
        operation: "allocate",
        details: { idempotencyKey: key, existingIds: ids },
      });
    },
    settle: {
      reads: reconcile.checks ?? IN_MEMORY_SETTLE.reads,
      intervalMs: reconcile.intervalMs ?? IN_MEMORY_SETTLE.intervalMs,
    },
    retryWhenAbsent: reconcile.retryWhenAbsent,
    releaseOnFailure: reconcile.releaseOnFailure,
  };
}

/** `allocate`: every call carries a key (the caller's, or a fresh one), so a lost answer can be read back. */
export async function allocateInMemoryIps(
  operation: Operation,
  client: InMemoryClient,
  request: InMemoryAllocateRequest,
  reconcile?: ReconcileSettings,
): Promise<AllocationResult> {
  const key = request.idempotencyKey ?? `polycloud-${randomUUID()}`;
  const converged = await convergeAllocation(operation, declareInMemoryAllocation(client, request, key, reconcile));
  const metadata = operation.metadata();
  const ips = converged.resources.map(toAllocatedIp);
  return {
    provider: IN_MEMORY_PROVIDER,
    ips,
    requestId: metadata.requestId,
    idempotencyKey: key,
    reconciled: converged.reconciled,
    metadata,
    warnings: converged.warnings,
  };
}
