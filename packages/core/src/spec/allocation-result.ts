import { z } from "zod";
import { IpStateSchema } from "./ip-state.js";
import { TagsSchema } from "./allocate-request.js";

/** Retry facts of one completed operation (smithy's `$metadata`). @public */
export const ResponseMetadataSchema = z.object({
  /** Request id of the last provider response. */
  requestId: z.string().optional(),
  /** Attempts made, 1 when nothing was retried. */
  attempts: z.number().int().min(1),
  /** Sum of the backoff delays slept between attempts. */
  totalRetryDelayMs: z.number().min(0),
});

/** @public */
export type ResponseMetadata = z.infer<typeof ResponseMetadataSchema>;

/** One allocated address in neutral form; `raw` keeps the provider's own record. @public */
export const AllocatedIpSchema = z.object({
  /** Provider id to pass to describe / release / waitUntilReady. */
  id: z.string().min(1),
  /** The public address, once the provider has assigned it. */
  address: z.string().optional(),
  state: IpStateSchema,
  location: z.object({ region: z.string().optional(), zone: z.string().optional() }),
  instanceId: z.string().optional(),
  tags: TagsSchema,
  /** Provider status string as received, e.g. `CREATING` or `Running`. */
  providerState: z.string().optional(),
  raw: z.unknown().optional(),
});

/** @public */
export type AllocatedIp = z.infer<typeof AllocatedIpSchema>;

/** Result of `allocate`. @public */
export const AllocationResultSchema = z.object({
  provider: z.string(),
  ips: z.array(AllocatedIpSchema).min(1),
  /** Provider request id of the call that allocated (or of the reconciling read). */
  requestId: z.string().optional(),
  /** The idempotency key the allocation is tagged or tokened with. */
  idempotencyKey: z.string().optional(),
  /** True when the result came from reconciling an earlier attempt rather than a fresh allocation. */
  reconciled: z.boolean(),
  metadata: ResponseMetadataSchema,
  warnings: z.array(z.string()),
});

/** @public */
export type AllocationResult = z.infer<typeof AllocationResultSchema>;

/** Result of `describe` and `waitUntilReady`. @public */
export const DescribeResultSchema = z.object({
  provider: z.string(),
  ip: AllocatedIpSchema,
  requestId: z.string().optional(),
  metadata: ResponseMetadataSchema,
});

/** @public */
export type DescribeResult = z.infer<typeof DescribeResultSchema>;

/** Result of `release`. `releasing` means the provider finishes asynchronously. @public */
export const ReleaseResultSchema = z.object({
  provider: z.string(),
  id: z.string(),
  state: z.enum(["releasing", "released"]),
  requestId: z.string().optional(),
  metadata: ResponseMetadataSchema,
  warnings: z.array(z.string()),
});

/** @public */
export type ReleaseResult = z.infer<typeof ReleaseResultSchema>;
