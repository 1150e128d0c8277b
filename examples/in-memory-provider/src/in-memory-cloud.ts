import { randomUUID } from "node:crypto";
import { systemClock, type Clock } from "@polycloud/core";
import { AddressPool } from "./in-memory-address-pool.js";

/** Error codes of the in-memory cloud, in its own vocabulary, as a real provider has. */
export type InMemoryCloudErrorCode = "AuthFailure" | "NotFound" | "InvalidZone" | "PoolExhausted" | "IdempotencyMismatch" | "ServiceBusy" | "ConnectionLost";

/** A failure answered by the cloud (not yet mapped to polycloud's taxonomy). */
export class InMemoryCloudError extends Error {
  override readonly name = "InMemoryCloudError";

  constructor(
    readonly code: InMemoryCloudErrorCode,
    message: string,
    readonly requestId: string,
  ) {
    super(message);
  }
}

/** One IP as the cloud stores it. */
export interface InMemoryIpRecord {
  id: string;
  address: string;
  zone: string;
  instanceId?: string;
  tags: Record<string, string>;
  description?: string;
  /** Cloud time at which provisioning completes. */
  readyAt: number;
}

/** What the cloud needs to allocate; `idempotencyKey` makes a repeated order return the first allocation. */
export interface InMemoryAllocationOrder {
  zone: string;
  count: number;
  instanceId?: string;
  tags: Record<string, string>;
  description?: string;
  idempotencyKey: string;
}

/** Credentials and cancellation of one call, as a request would carry them. */
export interface InMemoryCall {
  accessToken: string;
  signal: AbortSignal;
}

/** A cloud answer with the request id it was given. */
export interface InMemoryReply<T> {
  requestId: string;
  value: T;
}

/** Calls the cloud answers; `hangNext` and `failNext` target one of them. */
export type InMemoryOperation = "allocate" | "describe" | "release" | "lookup";

/** Construction options of {@link InMemoryCloud}. */
export interface InMemoryCloudOptions {
  accessToken: string;
  zone: string;
  poolCidr: string;
  latencyMs: number;
  provisioningDelayMs: number;
  clock?: Clock;
}

/** The far side of the toy provider: an IP store that checks credentials, dedupes by key and can be made to misbehave. */
export class InMemoryCloud {
  /** Calls that reached the cloud (the in-memory counterpart of requests on the wire). */
  requests = 0;
  /** Allocate calls the cloud committed. */
  allocations = 0;
  readonly provisioningDelayMs: number;
  private readonly records = new Map<string, InMemoryIpRecord>();
  private readonly orders = new Map<string, { fingerprint: string; ids: string[] }>();
  private readonly pool: AddressPool;
  private readonly clock: Clock;
  private readonly hanging = new Set<InMemoryOperation>();
  private readonly faults = new Map<InMemoryOperation, "ServiceBusy" | "ConnectionLost">();
  private nextId = 1;

  constructor(private readonly options: InMemoryCloudOptions) {
    this.pool = new AddressPool(options.poolCidr);
    this.clock = options.clock ?? systemClock;
    this.provisioningDelayMs = options.provisioningDelayMs;
  }

  /** The next call of `operation` never answers: it waits until its signal aborts. */
  hangNext(operation: InMemoryOperation): void {
    this.hanging.add(operation);
  }

  /** The next call of `operation` fails: `ServiceBusy` before processing, `ConnectionLost` after committing. */
  failNext(operation: InMemoryOperation, code: "ServiceBusy" | "ConnectionLost"): void {
    this.faults.set(operation, code);
  }

  allocate(call: InMemoryCall, order: InMemoryAllocationOrder): Promise<InMemoryReply<InMemoryIpRecord[]>> {
    return this.answer("allocate", call, (requestId) => {
      if (order.zone !== this.options.zone) throw new InMemoryCloudError("InvalidZone", `Zone ${order.zone} does not exist; this cloud serves ${this.options.zone}.`, requestId);
      const fingerprint = JSON.stringify([order.zone, order.count, order.instanceId, order.tags, order.description]);
      const earlier = this.orders.get(order.idempotencyKey);
      if (earlier !== undefined && earlier.fingerprint !== fingerprint) throw new InMemoryCloudError("IdempotencyMismatch", "The idempotency key was used for a different request.", requestId);
      if (earlier !== undefined) return earlier.ids.flatMap((id) => this.records.get(id) ?? []);
      const addresses = this.pool.take(order.count);
      if (addresses === undefined) throw new InMemoryCloudError("PoolExhausted", `Fewer than ${order.count} free addresses are left.`, requestId);
      const readyAt = this.clock.now() + this.provisioningDelayMs;
      const created = addresses.map((address): InMemoryIpRecord => ({ id: `mem-ip-${this.nextId++}`, address, zone: order.zone, instanceId: order.instanceId, tags: order.tags, description: order.description, readyAt }));
      for (const record of created) this.records.set(record.id, record);
      this.orders.set(order.idempotencyKey, { fingerprint, ids: created.map((record) => record.id) });
      this.allocations += 1;
      return created;
    });
  }

  describe(call: InMemoryCall, id: string): Promise<InMemoryReply<InMemoryIpRecord>> {
    return this.answer("describe", call, (requestId) => this.find(id, requestId));
  }

  /** Deletes the IP and returns its address to the pool. */
  release(call: InMemoryCall, id: string): Promise<InMemoryReply<InMemoryIpRecord>> {
    return this.answer("release", call, (requestId) => {
      const record = this.find(id, requestId);
      this.records.delete(id);
      this.pool.give(record.address);
      return record;
    });
  }

  /** The IPs an idempotency key allocated, if any: what an adapter reads to reconcile a lost response. */
  lookup(call: InMemoryCall, idempotencyKey: string): Promise<InMemoryReply<InMemoryIpRecord[] | undefined>> {
    return this.answer("lookup", call, () => this.orders.get(idempotencyKey)?.ids.flatMap((id) => this.records.get(id) ?? []));
  }

  /** The cloud's time, so adapters judge `readyAt` on the same clock. */
  now(): number {
    return this.clock.now();
  }

  private find(id: string, requestId: string): InMemoryIpRecord {
    const record = this.records.get(id);
    if (record === undefined) throw new InMemoryCloudError("NotFound", `IP ${id} does not exist.`, requestId);
    return record;
  }

  /** Runs one call the way a server would: receive, wait, authenticate, process, answer (or misbehave). */
  private async answer<T>(operation: InMemoryOperation, call: InMemoryCall, process: (requestId: string) => T): Promise<InMemoryReply<T>> {
    this.requests += 1;
    const requestId = randomUUID();
    if (this.hanging.delete(operation)) await waitForAbort(call.signal);
    if (this.options.latencyMs > 0) await this.clock.sleep(this.options.latencyMs, call.signal);
    call.signal.throwIfAborted();
    if (call.accessToken !== this.options.accessToken) throw new InMemoryCloudError("AuthFailure", "The access token is not valid.", requestId);
    const fault = this.faults.get(operation);
    this.faults.delete(operation);
    if (fault === "ServiceBusy") throw new InMemoryCloudError("ServiceBusy", "The service is busy; try again.", requestId);
    const value = process(requestId);
    if (fault === "ConnectionLost") throw new InMemoryCloudError("ConnectionLost", "The connection closed before the answer was sent.", requestId);
    return { requestId, value };
  }
}

/** Settles only when `signal` aborts, rejecting with its reason (polycloud's typed CANCELLED or TIMEOUT). */
function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
