import { addMonths, type EipChargeType, type EipRecord, type ZenlayerTag } from "./eip-record.js";
import {
  readEnum,
  readInteger,
  readObject,
  readString,
  readTagList,
  type ActionParameters,
} from "./parse-action-parameters.js";
import type { ZenlayerActionContext } from "./zenlayer-action-context.js";
import { ZenlayerApiError } from "./zenlayer-error-codes.js";
import { blockSizeOf, type AccountRecord, type ZoneRecord } from "./zenlayer-store.js";
import { formatIpv4 } from "./zone-address-pool.js";

/** Longest PREPAID subscription accepted, in months. */
const MAX_PREPAID_PERIOD_MONTHS = 36;
const CHARGE_TYPES: readonly EipChargeType[] = ["PREPAID", "POSTPAID"];

interface AllocationRequest {
  zoneId: string;
  eipChargeType: EipChargeType;
  period: number | null;
  amount: number;
  resourceGroupId: string | undefined;
  netmask: number | undefined;
  tags: ZenlayerTag[];
}

function parseAllocationRequest(parameters: ActionParameters): AllocationRequest {
  const zoneId = readString(parameters, "zoneId", true);
  const eipChargeType = readEnum(parameters, "eipChargeType", CHARGE_TYPES, true);
  const prepaid = readObject(parameters, "eipChargePrepaid");
  let period: number | null = null;
  if (eipChargeType === "PREPAID") {
    period =
      prepaid === undefined
        ? null
        : (readInteger(prepaid, "period", 1, MAX_PREPAID_PERIOD_MONTHS, "eipChargePrepaid.period") ?? null);
    if (period === null)
      throw new ZenlayerApiError("MISSING_PARAMETER", "The parameter `eipChargePrepaid.period` is empty.");
  }
  const marketing = readObject(parameters, "marketingOptions");
  if (marketing !== undefined) {
    // Accepted and ignored (no prices are discounted), but typed like the API.
    for (const [field, type] of [
      ["discountCode", "string"],
      ["usePocVoucher", "boolean"],
    ] as const) {
      const value = marketing[field];
      if (value !== undefined && value !== null && typeof value !== type) {
        throw new ZenlayerApiError(
          "INVALID_PARAMETER_TYPE",
          `The parameter \`marketingOptions.${field}\` must be a ${type}.`,
        );
      }
    }
  }
  const tags = readObject(parameters, "tags");
  return {
    zoneId,
    eipChargeType,
    period,
    amount: readInteger(parameters, "amount", 1, 100) ?? 1,
    resourceGroupId: readString(parameters, "resourceGroupId"),
    netmask: readInteger(parameters, "netmask", 0, 32),
    tags:
      tags === undefined || tags["tags"] === undefined || tags["tags"] === null
        ? []
        : readTagList(tags["tags"], "tags.tags", 20),
  };
}

function resolveResourceGroup(account: AccountRecord, resourceGroupId: string | undefined): string {
  const groups = account.account.resourceGroups;
  const group =
    resourceGroupId === undefined
      ? groups.find((candidate) => candidate.isDefault)
      : groups.find((candidate) => candidate.resourceGroupId === resourceGroupId);
  if (group === undefined) {
    throw new ZenlayerApiError(
      "OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND",
      resourceGroupId === undefined
        ? "No authorized default resource group was found."
        : `The resource group \`${resourceGroupId}\` is not found.`,
    );
  }
  return group.resourceGroupId;
}

function requireStock(zoneRecord: ZoneRecord, request: AllocationRequest): number {
  const { zone, pool } = zoneRecord;
  const netmask = request.netmask ?? (zone.netmasks[0] as number);
  if (!zone.netmasks.includes(netmask)) {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_UNAVAILABLE_NETMASK",
      `The netmask ${netmask} is not available in zone \`${zone.zoneId}\`.`,
    );
  }
  const soldOut =
    zone.status === "SOLD_OUT" || pool.countAvailableBlocks(blockSizeOf(netmask), request.amount) < request.amount;
  if (soldOut && netmask !== zone.netmasks[0]) {
    throw new ZenlayerApiError(
      "OPERATION_DENIED_NETMASK_OUT_OF_STOCK",
      `The netmask ${netmask} is out of stock in zone \`${zone.zoneId}\`.`,
    );
  }
  if (soldOut) {
    throw new ZenlayerApiError(
      "INVALID_EIP_TYPE_ZONE_NO_SELL",
      `Elastic IPs are not available for sale in zone \`${zone.zoneId}\`.`,
    );
  }
  return netmask;
}

function chargeBalance(account: AccountRecord, zoneRecord: ZoneRecord, request: AllocationRequest): void {
  const cost = request.period === null ? 0 : request.amount * request.period * zoneRecord.zone.prepaidMonthlyPrice;
  const insufficient = request.eipChargeType === "PREPAID" ? cost > account.balance : account.balance <= 0;
  if (insufficient)
    throw new ZenlayerApiError("OPERATION_DENIED_INSUFFICIENT_BALANCE", "The account balance is insufficient.");
  account.balance -= cost;
}

/**
 * AllocateEipAddresses (reference §4.2, seed 002): validates everything first, then reserves all
 * `amount` blocks at once (all or nothing). Each EIP starts CREATING and ends AVAILABLE or
 * CREATE_FAILED `provisioningDelayMs` later, decided now from the lifecycle PRNG.
 */
export function allocateEipAddresses(
  parameters: ActionParameters,
  context: ZenlayerActionContext,
): Record<string, unknown> {
  const { store, account, now, settings } = context;
  const request = parseAllocationRequest(parameters);
  const zoneRecord = store.zones.get(request.zoneId);
  if (zoneRecord === undefined) {
    throw new ZenlayerApiError("INVALID_ZONE_NOT_FOUND", `The specified zoneId \`${request.zoneId}\` is not found.`);
  }
  const resourceGroupId = resolveResourceGroup(account, request.resourceGroupId);
  const netmask = requireStock(zoneRecord, request);
  chargeBalance(account, zoneRecord, request);
  const failureRate = settings.failureRateByZone[request.zoneId] ?? settings.failureRate;
  const eipIdSet: string[] = [];
  for (let index = 0; index < request.amount; index += 1) {
    const { eipId, sequence } = store.nextEipId();
    const fails = context.drawLifecycleRandom() < failureRate;
    const eip: EipRecord = {
      eipId,
      accountId: account.account.accountId,
      zoneId: request.zoneId,
      address: zoneRecord.pool.reserve(blockSizeOf(netmask)) as number,
      netmask,
      eipChargeType: request.eipChargeType,
      period: request.period,
      createdAt: now,
      expiresAt: request.period === null ? null : addMonths(now, request.period),
      resourceGroupId,
      tags: request.tags.map((tag) => ({ ...tag })),
      status: "CREATING",
      instanceId: null,
      next: { to: fails ? "CREATE_FAILED" : "AVAILABLE", at: now + settings.provisioningDelayMs },
      visibleAt: now + settings.describeLagMs,
      hiddenListings: settings.describeLagListings,
      hiddenListingsUntil: now + settings.describeLagMs + settings.describeLagListingsMaxMs,
      sequence,
    };
    store.eips.set(eipId, eip);
    store.record(context.action, "allocate", eip, {
      ipAddress: formatIpv4(eip.address as number),
      zoneId: eip.zoneId,
      eipChargeType: eip.eipChargeType,
      status: "CREATING",
      tags: eip.tags.map((tag) => ({ ...tag })),
    });
    eipIdSet.push(eipId);
  }
  // The published example answers `"orderNumber": ""` for POSTPAID.
  return { eipIdSet, orderNumber: request.eipChargeType === "PREPAID" ? store.nextOrderNumber() : "" };
}
