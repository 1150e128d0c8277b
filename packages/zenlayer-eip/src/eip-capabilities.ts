import type { IpAllocatorCapabilities } from "@polycloud/core";

/** What Zenlayer bmc EIPs can do. @public */
export const ZENLAYER_EIP_CAPABILITIES: IpAllocatorCapabilities = Object.freeze({
  provisioning: "asynchronous",
  requiresInstance: false,
  supportsInstance: true,
  locationKind: "zone",
  maxCountPerCall: 100,
  release: "supported",
  idempotency: "reconciled",
  billsOnAllocate: true,
});
