import { PublicIpPool } from "../shared/public-ip-pool.js";
import type { StateChangeEvent, StateEventLog } from "../shared/state-event-log.js";
import { regionOfZone } from "./parse-aws-seed.js";
import type { AwsCredentialSeed, AwsInstanceStateName, AwsSeed } from "./aws-seed.js";
import type { SigV4Directory } from "./verify-sigv4-request.js";

/** A resource tag as EC2 carries it. */
export interface AwsTag {
  key: string;
  value: string;
}

/** An association of an Elastic IP with an instance's primary private address. */
export interface AssociationRecord {
  associationId: string;
  instanceId: string;
  networkInterfaceId: string;
  privateIpAddress: string;
}

/** One allocated Elastic IP. */
export interface AddressRecord {
  allocationId: string;
  publicIp: string;
  accountId: string;
  region: string;
  domain: "vpc";
  networkBorderGroup: string;
  publicIpv4Pool: string;
  tags: AwsTag[];
  association: AssociationRecord | undefined;
  allocatedAt: number;
  /** DescribeAddresses lists the address only from this time on (describeLagMs). */
  visibleAt: number;
  /** Allocation order, for stable listing. */
  sequence: number;
}

/** A seeded instance with every default filled in. */
export interface InstanceRecord {
  instanceId: string;
  accountId: string;
  region: string;
  availabilityZone: string;
  state: AwsInstanceStateName;
  instanceType: string;
  privateIpAddress: string;
  networkInterfaceId: string;
  launchedAt: number;
}

/** An account and its per-region Elastic IP limit. */
export interface AccountRecord {
  accountId: string;
  addressLimit: number;
  accessKeyIds: string[];
}

/**
 * The AWS emulator's mutable world. Handlers change it synchronously (so concurrent requests stay consistent)
 * and every change goes through {@link record}, so each one lands in the event log.
 */
export class AwsStore {
  readonly regions: readonly string[];
  readonly accounts = new Map<string, AccountRecord>();
  readonly instances = new Map<string, InstanceRecord>();
  readonly addresses = new Map<string, AddressRecord>();
  readonly pool: PublicIpPool;
  readonly credentials: SigV4Directory;
  readonly #events: StateEventLog;
  readonly #random: () => number;
  #sequence = 0;

  /** @param random PRNG behind ids and addresses (its own stream, so request ids never shift them). */
  constructor(seed: AwsSeed, events: StateEventLog, random: () => number, now: number) {
    this.regions = [...seed.regions];
    this.#events = events;
    this.#random = random;
    this.pool = new PublicIpPool(seed.publicIpCidr ?? "198.51.100.0/24", random);
    const keys = new Map<string, AwsCredentialSeed & { accountId: string }>();
    const defaultZone = `${seed.regions[0]}a`;
    for (const account of seed.accounts) {
      this.accounts.set(account.accountId, {
        accountId: account.accountId,
        addressLimit: account.addressLimit ?? 5,
        accessKeyIds: account.credentials.map((key) => key.accessKeyId),
      });
      for (const key of account.credentials) keys.set(key.accessKeyId, { ...key, accountId: account.accountId });
      (account.instances ?? []).forEach((instance, index) => {
        const availabilityZone = instance.availabilityZone ?? defaultZone;
        this.instances.set(instance.instanceId, {
          instanceId: instance.instanceId,
          accountId: account.accountId,
          region: regionOfZone(availabilityZone),
          availabilityZone,
          state: instance.state,
          instanceType: instance.instanceType ?? "t3.micro",
          privateIpAddress: instance.privateIpAddress ?? `10.0.${Math.floor(index / 240)}.${(index % 240) + 10}`,
          networkInterfaceId: `eni-${instance.instanceId.slice(2).padStart(17, "0")}`,
          launchedAt: now,
        });
      });
    }
    this.credentials = { findCredential: (accessKeyId) => keys.get(accessKeyId), regions: this.regions };
  }

  /** A fresh `<prefix>-` + 17 hex id from the seeded PRNG (never one in use). */
  nextId(prefix: "eipalloc" | "eipassoc"): string {
    for (;;) {
      const hex = Array.from({ length: 17 }, () => Math.floor(this.#random() * 16).toString(16)).join("");
      const id = `${prefix}-${hex}`;
      const taken =
        prefix === "eipalloc"
          ? this.addresses.has(id)
          : [...this.addresses.values()].some((address) => address.association?.associationId === id);
      if (!taken) return id;
    }
  }

  /** Next allocation sequence number. */
  nextSequence(): number {
    this.#sequence += 1;
    return this.#sequence;
  }

  /** The caller's addresses in a region, in allocation order. */
  listAddresses(accountId: string, region: string): AddressRecord[] {
    return [...this.addresses.values()].filter(
      (address) => address.accountId === accountId && address.region === region,
    );
  }

  /** The address associated with an instance, if any (instance ids are unique across accounts). */
  findAddressOfInstance(instanceId: string): AddressRecord | undefined {
    return [...this.addresses.values()].find((address) => address.association?.instanceId === instanceId);
  }

  /** Ends an address's association and records it as `unassociate` with the reason. */
  endAssociation(address: AddressRecord, action: string, reason: string): void {
    const association = address.association;
    if (association === undefined) return;
    address.association = undefined;
    this.record(action, "unassociate", address, {
      associationId: association.associationId,
      instanceId: association.instanceId,
      reason,
    });
  }

  /** Records one state change of an address (resourceId = allocation id). */
  record(
    action: string,
    kind: StateChangeEvent["kind"],
    address: AddressRecord,
    detail: Record<string, unknown>,
  ): void {
    this.#events.record({
      provider: "aws",
      action,
      kind,
      resourceId: address.allocationId,
      detail: { accountId: address.accountId, region: address.region, publicIp: address.publicIp, ...detail },
    });
  }
}
