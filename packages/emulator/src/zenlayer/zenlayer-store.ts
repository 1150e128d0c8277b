import type { StateChangeEvent, StateEventLog } from "../shared/state-event-log.js";
import type { EipRecord, EipStatus, ScheduledTransition } from "./eip-record.js";
import type { ResolvedZenlayerAccount } from "./parse-zenlayer-account.js";
import type { ResolvedZenlayerSeed } from "./parse-zenlayer-seed.js";
import type { ResolvedZenlayerZone } from "./parse-zenlayer-zone.js";
import type { ResolvedZenlayerOptions } from "./resolve-zenlayer-options.js";
import type { ZenlayerAccessKeyRecord, ZenlayerCredentialDirectory } from "./verify-zc2-request.js";
import { ZenlayerApiError } from "./zenlayer-error-codes.js";
import type { ZenlayerInstanceSeed } from "./zenlayer-seed.js";
import { ZoneAddressPool, parseIpv4Cidr, type Ipv4Network } from "./zone-address-pool.js";

/** A zone and its address pool. */
export interface ZoneRecord {
  zone: ResolvedZenlayerZone;
  pool: ZoneAddressPool;
}

/** An account and its mutable balance. */
export interface AccountRecord {
  account: ResolvedZenlayerAccount;
  balance: number;
}

/** A seeded instance and the account owning it. */
export type InstanceRecord = Required<ZenlayerInstanceSeed> & { accountId: string };

/** Block size of an EIP with this netmask. */
export function blockSizeOf(netmask: number): number {
  return 2 ** (32 - netmask);
}

/**
 * The emulator's whole mutable world. Every state change goes through it so each one is recorded in the
 * event log, and lifecycle transitions are applied lazily by {@link settle} from the emulator clock
 * (no timers: deterministic, and nothing to clean up).
 */
export class ZenlayerStore {
  readonly zones = new Map<string, ZoneRecord>();
  readonly accounts = new Map<string, AccountRecord>();
  readonly instances = new Map<string, InstanceRecord>();
  readonly eips = new Map<string, EipRecord>();
  readonly credentials: ZenlayerCredentialDirectory;
  readonly #events: StateEventLog;
  readonly #settings: ResolvedZenlayerOptions;
  #eipSequence = 0;
  #orderSequence = 0;

  constructor(seed: ResolvedZenlayerSeed, settings: ResolvedZenlayerOptions, events: StateEventLog) {
    this.#events = events;
    this.#settings = settings;
    const accessKeys = new Map<string, ZenlayerAccessKeyRecord>();
    const bearerTokens = new Map<string, { accountId: string }>();
    for (const zone of seed.zones) {
      // parseZenlayerSeed has already validated the CIDR.
      const network = parseIpv4Cidr(zone.cidr) as Ipv4Network;
      this.zones.set(zone.zoneId, { zone, pool: new ZoneAddressPool(network) });
    }
    for (const account of seed.accounts) {
      this.accounts.set(account.accountId, { account, balance: account.balance });
      for (const key of account.accessKeys) {
        const allowedActions = key.allowedActions === undefined ? undefined : new Set(key.allowedActions);
        accessKeys.set(key.accessKeyId, {
          accountId: account.accountId,
          accessKeySecret: key.accessKeySecret,
          allowedActions,
        });
      }
      for (const token of account.bearerTokens) bearerTokens.set(token, { accountId: account.accountId });
      for (const instance of account.instances)
        this.instances.set(instance.instanceId, { ...instance, accountId: account.accountId });
    }
    this.credentials = {
      findAccessKey: (accessKeyId) => accessKeys.get(accessKeyId),
      findBearerToken: (token) => bearerTokens.get(token),
    };
  }

  /** A fresh EIP id, sequential so runs are reproducible. */
  nextEipId(): { eipId: string; sequence: number } {
    this.#eipSequence += 1;
    return { eipId: `eip-${String(this.#eipSequence).padStart(8, "0")}`, sequence: this.#eipSequence };
  }

  /** A fresh PREPAID order number. */
  nextOrderNumber(): string {
    this.#orderSequence += 1;
    return `ORD-${String(this.#orderSequence).padStart(8, "0")}`;
  }

  /** Records one state change of an EIP. */
  record(action: string, kind: StateChangeEvent["kind"], eip: EipRecord, detail: Record<string, unknown>): void {
    this.#events.record({
      provider: "zenlayer",
      action,
      kind,
      resourceId: eip.eipId,
      detail: { accountId: eip.accountId, ...detail },
    });
  }

  /** Whether `eipId` names an EIP of the account that is not released. */
  ownsEip(accountId: string, eipId: string): boolean {
    return this.eips.get(eipId)?.accountId === accountId;
  }

  /** The caller's EIP, or INVALID_EIP_NOT_FOUND (404) for unknown, released or foreign ids. */
  findEip(accountId: string, eipId: string): EipRecord {
    const eip = this.eips.get(eipId);
    if (eip === undefined || eip.accountId !== accountId) {
      throw new ZenlayerApiError("INVALID_EIP_NOT_FOUND", `The specified eipId \`${eipId}\` is not found.`);
    }
    return eip;
  }

  /**
   * Moves an EIP to `to`, entered at time `at`, schedules what follows and records the change
   * (`kind` "status" unless the caller's action is itself an associate/unassociate).
   */
  changeStatus(
    eip: EipRecord,
    to: EipStatus,
    at: number,
    action: string,
    kind: StateChangeEvent["kind"] = "status",
  ): void {
    const from = eip.status;
    if (to === "CREATE_FAILED" && eip.address !== null) {
      this.zones.get(eip.zoneId)?.pool.release(eip.address, blockSizeOf(eip.netmask));
      eip.address = null;
    }
    const instanceId = eip.instanceId;
    if (to === "AVAILABLE" || to === "RECYCLING") eip.instanceId = null;
    eip.status = to;
    eip.next = this.#scheduleAfter(to, at);
    this.record(action, kind, eip, { from, to, instanceId, transitionAt: at });
  }

  /** Deletes an EIP for good and gives its addresses back to the zone. */
  releaseEip(eip: EipRecord, action: string): void {
    this.eips.delete(eip.eipId);
    if (eip.address !== null) this.zones.get(eip.zoneId)?.pool.release(eip.address, blockSizeOf(eip.netmask));
    this.record(action, "release", eip, { from: eip.status });
  }

  /** Applies every scheduled transition due at `now`, oldest first, recording each as a "lifecycle" event. */
  settle(now: number): void {
    for (;;) {
      const due = [...this.eips.values()]
        .filter((eip) => eip.next !== undefined && eip.next.at <= now)
        .sort(
          (left, right) =>
            (left.next as ScheduledTransition).at - (right.next as ScheduledTransition).at ||
            left.sequence - right.sequence,
        );
      if (due.length === 0) return;
      for (const eip of due) {
        const next = eip.next as ScheduledTransition;
        if (next.to === "RELEASED") this.releaseEip(eip, "lifecycle");
        else this.changeStatus(eip, next.to, next.at, "lifecycle");
      }
    }
  }

  #scheduleAfter(status: EipStatus, at: number): ScheduledTransition | undefined {
    const settings = this.#settings;
    switch (status) {
      case "ASSOCIATING":
        return { to: "ASSOCIATED", at: at + settings.associationDelayMs };
      case "UNASSOCIATING":
        return { to: "AVAILABLE", at: at + settings.associationDelayMs };
      case "RECYCLING":
        return { to: "RECYCLE", at: at + settings.recycleDelayMs };
      case "RECYCLE":
        return { to: "RELEASED", at: at + settings.recycleRetentionMs };
      default:
        return undefined;
    }
  }
}
