import { z } from "zod";

/**
 * Neutral lifecycle of an allocated IP. `pending` covers asynchronous provisioning; `releasing` covers
 * two-phase deletes (Zenlayer's recycle bin).
 * @public
 */
export const IpStateSchema = z.enum(["pending", "ready", "failed", "releasing", "released"]);

/** @public */
export type IpState = z.infer<typeof IpStateSchema>;
