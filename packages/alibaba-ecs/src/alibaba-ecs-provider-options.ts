import { z } from "zod";

/** How `allocate` asks ECS for the public IP. @public */
export type AlibabaAllocationMethod = "allocate-public-ip-address" | "modify-instance-network-spec";

/**
 * `request.providerOptions["alibaba-ecs"]`, strict: an unknown key is an INVALID_ARGUMENT naming it.
 *
 * - `method`: `allocate-public-ip-address` (default, `AllocatePublicIpAddress`) or `modify-instance-network-spec`
 *   (`ModifyInstanceNetworkSpec` with `AllocatePublicIp=true` and a `ClientToken`, the path Alibaba now recommends).
 * - `ipAddress`, `vlanId`: `AllocatePublicIpAddress` only (`IpAddress` is whitelist-only at Alibaba).
 * - `internetMaxBandwidthOut`: `ModifyInstanceNetworkSpec` only; sets the outbound bandwidth (Mbit/s) a public IP needs.
 * @public
 */
export const AlibabaEcsProviderOptionsSchema = z
  .object({
    method: z.enum(["allocate-public-ip-address", "modify-instance-network-spec"]).default("allocate-public-ip-address"),
    ipAddress: z.ipv4("must be a dotted IPv4 address").optional(),
    vlanId: z
      .union([z.string().regex(/^\d{1,10}$/, "must be a numeric VLAN id"), z.number().int().min(0)])
      .transform(String)
      .optional(),
    internetMaxBandwidthOut: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .superRefine((options, context) => {
    const modify = options.method === "modify-instance-network-spec";
    for (const field of ["ipAddress", "vlanId"] as const) {
      if (modify && options[field] !== undefined) {
        context.addIssue({ code: "custom", path: [field], message: `is only accepted with method "allocate-public-ip-address"` });
      }
    }
    if (!modify && options.internetMaxBandwidthOut !== undefined) {
      context.addIssue({ code: "custom", path: ["internetMaxBandwidthOut"], message: `is only accepted with method "modify-instance-network-spec"` });
    }
  });

/** Validated provider options. @public */
export type AlibabaEcsProviderOptions = z.output<typeof AlibabaEcsProviderOptionsSchema>;

/** Provider options as callers write them. @public */
export type AlibabaEcsProviderOptionsInput = z.input<typeof AlibabaEcsProviderOptionsSchema>;
