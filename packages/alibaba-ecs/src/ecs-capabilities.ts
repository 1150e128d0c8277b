import type { IpAllocatorCapabilities } from "@polycloud/core";

/** What ECS system public IPs can do (one per instance, synchronous, release deprecated). @public */
export const ALIBABA_ECS_CAPABILITIES: IpAllocatorCapabilities = Object.freeze({
  provisioning: "synchronous",
  requiresInstance: true,
  supportsInstance: true,
  locationKind: "region",
  maxCountPerCall: 1,
  release: "deprecated",
  idempotency: "reconciled",
  // The address itself is free; traffic or bandwidth is billed on the instance's own terms.
  billsOnAllocate: false,
});

/** Default deadline of `waitUntilReady` when the caller sets none: a Stopped instance may never start. @public */
export const DEFAULT_WAIT_TIMEOUT_MS = 300_000;
