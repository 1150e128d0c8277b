import { formatApiTime, type EipAddress, type EipRecord } from "./eip-record.js";
import type { ZenlayerStore } from "./zenlayer-store.js";
import { formatIpv4 } from "./zone-address-pool.js";

/** Statuses in which an EIP shows its address: it is provisioned and not yet given back. */
const ADDRESS_VISIBLE = new Set(["AVAILABLE", "ASSOCIATING", "ASSOCIATED", "UNASSOCIATING", "RECYCLING", "RECYCLE"]);

/** Formats an EIP the way DescribeEipAddresses returns it (reference §4.3); copies, never shares state. */
export function formatEipAddress(eip: EipRecord, store: ZenlayerStore): EipAddress {
  const account = store.accounts.get(eip.accountId)?.account;
  const group = account?.resourceGroups.find((candidate) => candidate.resourceGroupId === eip.resourceGroupId);
  const instance = eip.instanceId === null ? undefined : store.instances.get(eip.instanceId);
  return {
    eipId: eip.eipId,
    zoneId: eip.zoneId,
    ipAddress: eip.address !== null && ADDRESS_VISIBLE.has(eip.status) ? formatIpv4(eip.address) : null,
    netmask: eip.netmask,
    instanceId: eip.instanceId,
    instanceName: instance?.instanceName ?? null,
    eipChargeType: eip.eipChargeType,
    period: eip.period,
    createTime: formatApiTime(eip.createdAt),
    expiredTime: eip.expiresAt === null ? null : formatApiTime(eip.expiresAt),
    resourceGroupId: eip.resourceGroupId,
    resourceGroupName: group?.resourceGroupName ?? null,
    eipStatus: eip.status,
    tags: { tags: eip.tags.map((tag) => ({ ...tag })) },
  };
}
