import { z } from "zod";

/**
 * Neutral lifecycle of an allocated IP. `pending` covers asynchronous provisioning and an address that is
 * assigned but not yet in effect (Alibaba: a stopped instance's new public IP works after StartInstance or
 * RebootInstance); `releasing` covers two-phase deletes (Zenlayer's recycle bin).
 * @public
 */
export const IpStateSchema = z.enum(["pending", "ready", "failed", "releasing", "released"]);

/** @public */
export type IpState = z.infer<typeof IpStateSchema>;
