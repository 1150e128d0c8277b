import { EIP_STATUSES, type EipAddress, type EipChargeType } from "./eip-record.js";
import { formatEipAddress } from "./format-eip-address.js";
import {
  readEnum,
  readInteger,
  readIpv4Address,
  readString,
  readStringArray,
  readTagList,
  type ActionParameters,
} from "./parse-action-parameters.js";
import type { ZenlayerActionContext } from "./zenlayer-action-context.js";
import { ZenlayerApiError } from "./zenlayer-error-codes.js";
import type { ZenlayerZoneSaleStatus } from "./zenlayer-seed.js";
import { blockSizeOf, type ZoneRecord } from "./zenlayer-store.js";

const CHARGE_TYPES: readonly EipChargeType[] = ["PREPAID", "POSTPAID"];

function readFilters(parameters: ActionParameters): Array<(eip: EipAddress) => boolean> {
  const eipIds = readStringArray(parameters, "eipIds", 100);
  const eipChargeType = readEnum(parameters, "eipChargeType", CHARGE_TYPES);
  const ipAddress = readIpv4Address(parameters, "ipAddress");
  const zoneId = readString(parameters, "zoneId");
  const resourceGroupId = readString(parameters, "resourceGroupId");
  const eipStatus = readEnum(parameters, "eipStatus", EIP_STATUSES);
  const instanceId = readString(parameters, "instanceId");
  const instanceName = readString(parameters, "instanceName");
  const tagKeys = readStringArray(parameters, "tagKeys", 20);
  const tags =
    parameters["tags"] === undefined || parameters["tags"] === null
      ? undefined
      : readTagList(parameters["tags"], "tags", 20);
  const filters: Array<(eip: EipAddress) => boolean> = [];
  const add = <T>(value: T | undefined, test: (eip: EipAddress, value: T) => boolean): void => {
    if (value !== undefined) filters.push((eip) => test(eip, value));
  };
  add(eipIds, (eip, ids) => ids.includes(eip.eipId));
  add(eipChargeType, (eip, type) => eip.eipChargeType === type);
  add(ipAddress, (eip, address) => eip.ipAddress === address);
  add(zoneId, (eip, zone) => eip.zoneId === zone);
  add(resourceGroupId, (eip, group) => eip.resourceGroupId === group);
  add(eipStatus, (eip, status) => eip.eipStatus === status);
  add(instanceId, (eip, id) => eip.instanceId === id);
  add(instanceName, (eip, name) => eip.instanceName === name);
  // Both tag filters require every listed key (and value) to be present, so a unique token tag finds one EIP.
  add(tagKeys, (eip, keys) => keys.every((key) => eip.tags.tags.some((tag) => tag.key === key)));
  add(tags, (eip, wanted) =>
    wanted.every((want) => eip.tags.tags.some((tag) => tag.key === want.key && tag.value === want.value)),
  );
  return filters;
}

/**
 * DescribeEipAddresses (reference §4.3): the caller's EIPs in every status, including CREATE_FAILED,
 * RECYCLING and RECYCLE, newest first; an EIP younger than `describeLagMs`, or still within its first
 * `describeLagListings` matching answers (for at most `describeLagListingsMaxMs`), is not listed yet, and a
 * released one never again. Paging: pageSize 1–1000 (default 20), pageNum from 1 (default 1).
 */
export function describeEipAddresses(
  parameters: ActionParameters,
  context: ZenlayerActionContext,
): Record<string, unknown> {
  const { store, account, now } = context;
  const filters = readFilters(parameters);
  const pageSize = readInteger(parameters, "pageSize", 1, 1000) ?? 20;
  const pageNum = readInteger(parameters, "pageNum", 1, Number.MAX_SAFE_INTEGER) ?? 1;
  const matching: EipAddress[] = [];
  const candidates = [...store.eips.values()]
    .filter((record) => record.accountId === account.account.accountId && record.visibleAt <= now)
    .sort((left, right) => right.sequence - left.sequence);
  for (const record of candidates) {
    const eip = formatEipAddress(record, store);
    if (!filters.every((test) => test(eip))) continue;
    // The listing lag: an EIP this answer would list is left out while it has hidden listings left to spend.
    if (record.hiddenListings > 0 && now < record.hiddenListingsUntil) record.hiddenListings -= 1;
    else matching.push(eip);
  }
  const start = (pageNum - 1) * pageSize;
  return { totalCount: matching.length, dataSet: matching.slice(start, start + pageSize) };
}

/** The sale status a zone reports: its seeded status, degraded by what is left in its pool. */
export function describeZoneSaleStatus(zoneRecord: ZoneRecord): ZenlayerZoneSaleStatus {
  if (zoneRecord.zone.status === "SOLD_OUT") return "SOLD_OUT";
  const available = zoneRecord.pool.countAvailableBlocks(blockSizeOf(zoneRecord.zone.netmasks[0] as number), 10);
  if (available === 0) return "SOLD_OUT";
  return available < 10 ? "SELL_SHORTAGE" : zoneRecord.zone.status;
}

/** DescribeEipAvailableResources (reference §4.6): sale status per zone, or of one zone. */
export function describeEipAvailableResources(
  parameters: ActionParameters,
  context: ZenlayerActionContext,
): Record<string, unknown> {
  readEnum(parameters, "eipChargeType", CHARGE_TYPES, true);
  const zoneId = readString(parameters, "zoneId");
  const zones = [...context.store.zones.values()];
  const selected = zoneId === undefined ? zones : zones.filter((zoneRecord) => zoneRecord.zone.zoneId === zoneId);
  if (selected.length === 0)
    throw new ZenlayerApiError("INVALID_ZONE_NOT_FOUND", `The specified zoneId \`${zoneId}\` is not found.`);
  return {
    eipResources: selected.map((zoneRecord) => ({
      zoneId: zoneRecord.zone.zoneId,
      status: describeZoneSaleStatus(zoneRecord),
      netmask: zoneRecord.zone.netmasks[0],
    })),
  };
}
