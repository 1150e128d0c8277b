import type { AlibabaAccountSeed, AlibabaInstanceStatus, AlibabaSeed } from "./alibaba-seed.js";
import { PublicIpPool } from "../shared/public-ip-pool.js";

/** An emulated ECS instance with every default filled in. */
export interface AlibabaInstanceRecord {
  instanceId: string;
  instanceName: string;
  instanceType: string;
  regionId: string;
  zoneId: string;
  status: AlibabaInstanceStatus;
  internetMaxBandwidthOut: number;
  internetMaxBandwidthIn: number;
  internetChargeType: "PayByTraffic" | "PayByBandwidth";
  instanceChargeType: "PostPaid" | "PrePaid";
  instanceNetworkType: "vpc" | "classic";
  privateIpAddress: string;
  publicIpAddress: string | undefined;
  /**
   * False from AllocatePublicIpAddress until the next StartInstance / RebootInstance: the seeds say a new public
   * IP takes effect only then. ECS shows no such field; the inspection view exposes it for tests.
   */
  publicIpEffective: boolean;
  eipAddress: { allocationId: string; ipAddress: string } | undefined;
  lockReasons: string[];
  expired: boolean;
  cloudbox: boolean;
  dedicatedRegion: boolean;
  creationTime: string;
}

/** Read-only snapshot of an emulated instance (inspection API). */
export type AlibabaInstanceView = Readonly<Omit<AlibabaInstanceRecord, "lockReasons" | "eipAddress">> & {
  readonly lockReasons: readonly string[];
  readonly eipAddress: Readonly<{ allocationId: string; ipAddress: string }> | undefined;
};

/** Inspection API of the Alibaba emulator: read-only views, never secrets. */
export interface AlibabaState {
  /** Default region of the seed. */
  readonly regionId: string;
  /** Every instance, in seed order. */
  listInstances(): AlibabaInstanceView[];
  getInstance(instanceId: string): AlibabaInstanceView | undefined;
  /** AccessKey ids the emulator accepts (secrets are not exposed). */
  listAccessKeyIds(): string[];
  /** System public IPs currently assigned to instances. */
  listPublicIpAddresses(): string[];
}

/** Result of a ModifyInstanceNetworkSpec call remembered under its ClientToken. */
export interface RememberedClientToken {
  fingerprint: string;
  fields: Record<string, unknown>;
}

/** Mutable emulator state; only the action handlers change it, synchronously, so concurrent requests stay consistent. */
export class AlibabaStore {
  readonly regionId: string;
  readonly accounts = new Map<string, AlibabaAccountSeed>();
  readonly instances = new Map<string, AlibabaInstanceRecord>();
  readonly ipPool: PublicIpPool;
  readonly vlanIds: ReadonlySet<string>;
  readonly clientTokens = new Map<string, RememberedClientToken>();

  constructor(seed: AlibabaSeed, random: () => number, now: () => number) {
    this.regionId = seed.regionId;
    this.ipPool = new PublicIpPool(seed.publicIpCidr ?? "47.96.0.0/16", random);
    this.vlanIds = new Set(seed.vlanIds ?? []);
    for (const account of seed.accounts) this.accounts.set(account.accessKeyId, { ...account });
    // ECS reports CreationTime with minute precision: yyyy-MM-ddTHH:mmZ.
    const creationTime = new Date(now()).toISOString().replace(/:\d{2}\.\d{3}Z$/, "Z");
    seed.instances.forEach((instance, index) => {
      const regionId = instance.regionId ?? seed.regionId;
      const record: AlibabaInstanceRecord = {
        instanceId: instance.instanceId,
        instanceName: instance.instanceName ?? instance.instanceId,
        instanceType: instance.instanceType ?? "ecs.g7.large",
        regionId,
        zoneId: instance.zoneId ?? `${regionId}-h`,
        status: instance.status,
        internetMaxBandwidthOut: instance.internetMaxBandwidthOut,
        internetMaxBandwidthIn: instance.internetMaxBandwidthIn ?? 100,
        internetChargeType: instance.internetChargeType ?? "PayByTraffic",
        instanceChargeType: instance.instanceChargeType ?? "PostPaid",
        // Classic unless stated: ReleasePublicIpAddress is denied for VPC instances, and seeds written before that
        // was modelled release their IPs.
        instanceNetworkType: instance.instanceNetworkType ?? "classic",
        privateIpAddress:
          instance.privateIpAddress ?? `172.16.${Math.floor((index + 1) / 250)}.${((index + 1) % 250) + 1}`,
        publicIpAddress: instance.publicIpAddress,
        publicIpEffective: instance.publicIpAddress !== undefined,
        eipAddress: instance.eipAddress === undefined ? undefined : { ...instance.eipAddress },
        lockReasons: [...(instance.lockReasons ?? [])],
        expired: instance.expired ?? false,
        cloudbox: instance.cloudbox ?? false,
        dedicatedRegion: instance.dedicatedRegion ?? false,
        creationTime,
      };
      this.instances.set(record.instanceId, record);
      if (record.publicIpAddress !== undefined) this.ipPool.reserve(record.publicIpAddress);
      if (record.eipAddress !== undefined) this.ipPool.reserve(record.eipAddress.ipAddress);
    });
  }

  /** The read-only inspection view over this store. */
  createView(): AlibabaState {
    return {
      regionId: this.regionId,
      listInstances: () => [...this.instances.values()].map(snapshotInstance),
      getInstance: (instanceId) => {
        const record = this.instances.get(instanceId);
        return record === undefined ? undefined : snapshotInstance(record);
      },
      listAccessKeyIds: () => [...this.accounts.keys()],
      listPublicIpAddresses: () =>
        [...this.instances.values()].flatMap((record) =>
          record.publicIpAddress === undefined ? [] : [record.publicIpAddress],
        ),
    };
  }
}

function snapshotInstance(record: AlibabaInstanceRecord): AlibabaInstanceView {
  return Object.freeze({
    ...record,
    lockReasons: Object.freeze([...record.lockReasons]),
    eipAddress: record.eipAddress === undefined ? undefined : Object.freeze({ ...record.eipAddress }),
  });
}
