import { z } from "zod";

/** The JSON error envelope `{ RequestId, HostId, Code, Message, Recommend }` (only `Code` is required). @public */
export const AlibabaErrorEnvelopeSchema = z.looseObject({
  Code: z.string().min(1),
  Message: z.string().optional(),
  RequestId: z.string().optional(),
  HostId: z.string().optional(),
  Recommend: z.string().optional(),
  AccessDeniedDetail: z.unknown().optional(),
});

/** @public */
export type AlibabaErrorEnvelope = z.infer<typeof AlibabaErrorEnvelopeSchema>;

/** `AllocatePublicIpAddress` answer. @public */
export const AllocatePublicIpAddressResponseSchema = z.looseObject({
  RequestId: z.string(),
  IpAddress: z.string().min(1),
});

/** Answers we read nothing from but the request id (`ReleasePublicIpAddress`, `ModifyInstanceNetworkSpec`). @public */
export const RequestIdResponseSchema = z.looseObject({ RequestId: z.string() });

/** The fields of `DescribeInstanceAttribute` the adapter reads (the answer is flat, not wrapped). @public */
export const InstanceAttributeResponseSchema = z.looseObject({
  RequestId: z.string(),
  InstanceId: z.string(),
  /** Pending | Running | Starting | Stopping | Stopped. */
  Status: z.string(),
  RegionId: z.string().optional(),
  ZoneId: z.string().optional(),
  InstanceNetworkType: z.string().optional(),
  InternetMaxBandwidthOut: z.number().optional(),
  PublicIpAddress: z.looseObject({ IpAddress: z.array(z.string()).default([]) }).optional(),
  EipAddress: z.looseObject({ AllocationId: z.string().optional(), IpAddress: z.string().optional() }).optional(),
});

/** @public */
export type InstanceAttributeResponse = z.infer<typeof InstanceAttributeResponseSchema>;

/** Parses a JSON body; undefined when it is not JSON (an HTML proxy page, a truncated answer). @public */
export function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The error envelope in a body, or undefined when there is none. @public */
export function parseErrorEnvelope(body: string): AlibabaErrorEnvelope | undefined {
  const parsed = AlibabaErrorEnvelopeSchema.safeParse(parseJsonBody(body));
  return parsed.success ? parsed.data : undefined;
}

/** The instance's system public IP (`PublicIpAddress.IpAddress[0]`), ignoring empty strings. @public */
export function readPublicIpAddress(instance: InstanceAttributeResponse): string | undefined {
  return instance.PublicIpAddress?.IpAddress.find((address) => address.trim() !== "");
}
