import { z } from "zod";

/** Success: HTTP 200 `{requestId, response: {requestId, …}}` (reference §3). @internal */
export const ZenlayerSuccessEnvelopeSchema = z.looseObject({
  requestId: z.string().optional(),
  response: z.looseObject({ requestId: z.string().optional() }),
});

/** Failure: 4xx/5xx `{requestId, code, message}` with no `response` key. @internal */
export const ZenlayerErrorEnvelopeSchema = z.looseObject({
  requestId: z.string().optional(),
  code: z.string().min(1),
  message: z.string().optional(),
});

/** `AllocateEipAddresses` response (seed 002). @internal */
export const AllocateEipAddressesResponseSchema = z.looseObject({
  eipIdSet: z.array(z.string().min(1)).min(1),
  orderNumber: z.string().nullish(),
});

/** The bmc EIP statuses of reference §4.1 (`RELEASING` from Terraform's constants). @public */
export const ZENLAYER_EIP_STATUSES = [
  "CREATING",
  "AVAILABLE",
  "CREATE_FAILED",
  "ASSOCIATING",
  "ASSOCIATED",
  "UNASSOCIATING",
  "RECYCLING",
  "RECYCLE",
  "RELEASING",
] as const;

const TagListSchema = z
  .looseObject({ tags: z.array(z.looseObject({ key: z.string(), value: z.string().nullish() })).nullish() })
  .nullish();

/** One `EipAddress` of DescribeEipAddresses: only what the adapter reads; the rest stays in `raw`. @internal */
export const EipAddressSchema = z.looseObject({
  eipId: z.string().min(1),
  zoneId: z.string().nullish(),
  ipAddress: z.string().nullish(),
  instanceId: z.string().nullish(),
  eipChargeType: z.string().nullish(),
  // A status we do not know is kept as a string and reported `pending` rather than failing the read.
  eipStatus: z.string().min(1),
  createTime: z.string().nullish(),
  tags: TagListSchema,
});

/** @public */
export type EipAddress = z.infer<typeof EipAddressSchema>;

/** `DescribeEipAddresses` response: `{totalCount, dataSet}`; both may be null when nothing matches. @internal */
export const DescribeEipAddressesResponseSchema = z.looseObject({
  totalCount: z.number().int().nullish(),
  dataSet: z.array(EipAddressSchema).nullish(),
});

/** Reads an EIP's tags as a plain record. @internal */
export function readEipTags(eip: EipAddress): Record<string, string> {
  // fromEntries defines own properties, so even a `__proto__` key survives as a tag.
  return Object.fromEntries((eip.tags?.tags ?? []).map((tag) => [tag.key, tag.value ?? ""]));
}
