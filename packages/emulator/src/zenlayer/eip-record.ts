/** Every `eipStatus` the emulator reports (reference §4.1); `RELEASING` is never observable here. */
export const EIP_STATUSES = [
  "CREATING",
  "AVAILABLE",
  "CREATE_FAILED",
  "ASSOCIATING",
  "ASSOCIATED",
  "UNASSOCIATING",
  "RECYCLING",
  "RECYCLE",
] as const;

/** A bmc EIP status. */
export type EipStatus = (typeof EIP_STATUSES)[number];

/** Billing model of an EIP. */
export type EipChargeType = "PREPAID" | "POSTPAID";

/** A resource tag as the API carries it. */
export interface ZenlayerTag {
  key: string;
  value: string;
}

/** A transition that happens by itself once `at` (emulator clock, ms) has passed; RELEASED removes the EIP. */
export interface ScheduledTransition {
  to: EipStatus | "RELEASED";
  at: number;
}

/** The stored state of one EIP; statuses advance lazily from {@link ScheduledTransition}s. */
export interface EipRecord {
  eipId: string;
  accountId: string;
  zoneId: string;
  /** First address of the reserved block; null once CREATE_FAILED gave it back. */
  address: number | null;
  netmask: number;
  eipChargeType: EipChargeType;
  period: number | null;
  createdAt: number;
  expiresAt: number | null;
  resourceGroupId: string;
  tags: ZenlayerTag[];
  status: EipStatus;
  instanceId: string | null;
  next: ScheduledTransition | undefined;
  /** DescribeEipAddresses lists the EIP only from this time on (describeLagMs). */
  visibleAt: number;
  /** DescribeEipAddresses answers that will still leave the EIP out (describeLagListings), counted down per answer. */
  hiddenListings: number;
  /** From this time on the remaining hidden listings no longer count (describeLagListingsMaxMs). */
  hiddenListingsUntil: number;
  /** Allocation order, for stable listing. */
  sequence: number;
}

/** One EIP as DescribeEipAddresses returns it (reference §4.3). */
export interface EipAddress {
  eipId: string;
  zoneId: string;
  /** Null until the EIP is AVAILABLE (and for CREATE_FAILED). */
  ipAddress: string | null;
  netmask: number;
  instanceId: string | null;
  instanceName: string | null;
  eipChargeType: EipChargeType;
  period: number | null;
  createTime: string;
  expiredTime: string | null;
  resourceGroupId: string;
  resourceGroupName: string | null;
  eipStatus: EipStatus;
  tags: { tags: ZenlayerTag[] };
}

/** Formats an emulator-clock time as the API does: ISO-8601 UTC without milliseconds. */
export function formatApiTime(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Adds calendar months in UTC (prepaid expiry). */
export function addMonths(milliseconds: number, months: number): number {
  const date = new Date(milliseconds);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}
