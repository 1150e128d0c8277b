import { randomUUID } from "node:crypto";
import { AddressPool } from "./in-memory-address-pool.js";
import {
  IN_MEMORY_CLOUD_ERRORS,
  type InMemoryCloudAction,
  type InMemoryCloudAnswer,
  type InMemoryCloudErrorCode,
  type InMemoryCloudOptions,
  type InMemoryFault,
  type InMemoryIpRecord,
} from "./in-memory-cloud-protocol.js";

interface StoredIp extends Omit<InMemoryIpRecord, "status" | "address"> {
  address: string;
  readyAt: number;
  listedAt: number;
}

interface FaultRule {
  action: InMemoryCloudAction;
  fault: InMemoryFault;
  times: number;
  skip: number;
}

/**
 * The far side of the example provider: an IP store with the semantics of a real cloud API (Bearer token,
 * its own error codes, tags, a find-by-tag listing that may lag behind, creation order) and fault hooks.
 * It has no idempotency of its own: the adapter tags each allocation with its key and reads the tag back.
 * `startInMemoryCloud()` serves it over loopback HTTP.
 */
export class InMemoryCloud {
  /** Requests that reached the cloud (every action, every attempt). */
  requests = 0;
  /** AllocateIps calls the cloud committed. */
  allocations = 0;
  private readonly records = new Map<string, StoredIp>();
  private readonly pool: AddressPool;
  private readonly faults: FaultRule[] = [];
  private readonly settings: Required<InMemoryCloudOptions>;
  private sequence = 0;

  constructor(options: InMemoryCloudOptions = {}) {
    this.settings = {
      accessToken: "in-memory-demo-token",
      zone: "mem-1a",
      poolCidr: "198.51.100.0/24",
      provisioningDelayMs: 0,
      listingLagMs: 0,
      now: Date.now,
      ...options,
    };
    this.pool = new AddressPool(this.settings.poolCidr);
  }

  /** IPs currently held (allocated and not released). */
  get liveCount(): number {
    return this.records.size;
  }

  /** Every IP currently held, oldest first, as `DescribeIp` would return it. */
  list(): InMemoryIpRecord[] {
    return [...this.records.values()].map((stored) => this.toRecord(stored));
  }

  /** Makes the next `times` requests for `action` (after skipping `skip` of them) misbehave. */
  failNext(action: InMemoryCloudAction, fault: InMemoryFault, options: { times?: number; skip?: number } = {}): void {
    this.faults.push({ action, fault, times: options.times ?? 1, skip: options.skip ?? 0 });
  }

  /** Counts a request and returns the fault it must suffer, if any (called once per request, on arrival). */
  takeFault(action: string): InMemoryFault | undefined {
    this.requests += 1;
    const rule = this.faults.find((candidate) => candidate.action === action);
    if (rule === undefined) return undefined;
    if (rule.skip > 0) {
      rule.skip -= 1;
      return undefined;
    }
    rule.times -= 1;
    if (rule.times <= 0) this.faults.splice(this.faults.indexOf(rule), 1);
    return rule.fault;
  }

  /** Processes one request: authenticate, validate, act. Never throws. */
  handle(action: string, authorization: string | undefined, parameters: unknown): InMemoryCloudAnswer {
    if (authorization !== `Bearer ${this.settings.accessToken}`)
      return this.error("AuthFailure", "The access token is missing or not valid.");
    if (typeof parameters !== "object" || parameters === null || Array.isArray(parameters))
      return this.error("InvalidParameter", "The body must be a JSON object.");
    const input = parameters as Record<string, unknown>;
    switch (action) {
      case "AllocateIps":
        return this.allocate(input);
      case "DescribeIp":
        return this.withRecord(input, (stored) => ({ status: 200, body: { ip: this.toRecord(stored) } }));
      case "ReleaseIp":
        return this.withRecord(input, (stored) => {
          this.records.delete(stored.id);
          this.pool.give(stored.address);
          return { status: 200, body: { released: stored.id } };
        });
      case "ListIps":
        return this.listByTag(input);
      default:
        return this.error("UnknownAction", `There is no action ${action.slice(0, 64)}.`);
    }
  }

  /** The error envelope of `code`. */
  error(code: InMemoryCloudErrorCode, message: string): InMemoryCloudAnswer {
    return { status: IN_MEMORY_CLOUD_ERRORS[code], body: { error: { code, message } } };
  }

  private allocate(input: Record<string, unknown>): InMemoryCloudAnswer {
    const { zone, count, instanceId, tags, description } = input;
    if (typeof zone !== "string") return this.error("InvalidParameter", "zone is required.");
    if (zone !== this.settings.zone)
      return this.error(
        "InvalidZone",
        `Zone ${zone.slice(0, 64)} does not exist; this cloud serves ${this.settings.zone}.`,
      );
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 10)
      return this.error("InvalidParameter", "count must be a whole number from 1 to 10.");
    if (instanceId !== undefined && typeof instanceId !== "string")
      return this.error("InvalidParameter", "instanceId must be a string.");
    if (description !== undefined && typeof description !== "string")
      return this.error("InvalidParameter", "description must be a string.");
    if (!isStringRecord(tags ?? {})) return this.error("InvalidParameter", "tags must map strings to strings.");
    const addresses = this.pool.take(count);
    if (addresses === undefined) return this.error("PoolExhausted", `Fewer than ${count} free addresses are left.`);
    const now = this.settings.now();
    const created = addresses.map((address): StoredIp => {
      this.sequence += 1;
      const id = `mem-ip-${this.sequence}`;
      return {
        id,
        address,
        zone,
        instanceId,
        tags: { ...((tags ?? {}) as Record<string, string>) },
        description,
        sequence: this.sequence,
        createdAt: now,
        readyAt: now + this.settings.provisioningDelayMs,
        listedAt: now + this.settings.listingLagMs,
      };
    });
    for (const stored of created) this.records.set(stored.id, stored);
    this.allocations += 1;
    return { status: 200, body: { ips: created.map((stored) => this.toRecord(stored)) } };
  }

  /** `ListIps { tag: { key, value } }`: the IPs carrying the tag that the listing shows yet, oldest first. */
  private listByTag(input: Record<string, unknown>): InMemoryCloudAnswer {
    const tag = input.tag as { key?: unknown; value?: unknown } | undefined;
    if (typeof tag?.key !== "string" || typeof tag.value !== "string")
      return this.error("InvalidParameter", "tag.key and tag.value are required.");
    const now = this.settings.now();
    const ips = [...this.records.values()]
      .filter((stored) => stored.listedAt <= now && stored.tags[tag.key as string] === tag.value)
      .sort((a, b) => a.sequence - b.sequence)
      .map((stored) => this.toRecord(stored));
    return { status: 200, body: { ips } };
  }

  private withRecord(
    input: Record<string, unknown>,
    act: (stored: StoredIp) => InMemoryCloudAnswer,
  ): InMemoryCloudAnswer {
    if (typeof input.id !== "string") return this.error("InvalidParameter", "id is required.");
    const stored = this.records.get(input.id);
    return stored === undefined ? this.error("NotFound", `IP ${input.id.slice(0, 64)} does not exist.`) : act(stored);
  }

  private toRecord(stored: StoredIp): InMemoryIpRecord {
    const { readyAt, listedAt, address, ...record } = stored;
    const ready = this.settings.now() >= readyAt;
    return {
      ...record,
      tags: { ...record.tags },
      status: ready ? "ACTIVE" : "PROVISIONING",
      ...(ready ? { address } : {}),
    };
  }
}

/** A fresh request id, as the cloud returns in `x-mem-request-id` and in error envelopes. */
export function createRequestId(): string {
  return `req-${randomUUID()}`;
}

function isStringRecord(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === "string")
  );
}
