import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from "@polycloud/core";
import { z } from "zod";

/** How `allocate` asks ECS for the public IP. @public */
export type AlibabaAllocationMethod = "allocate-public-ip-address" | "modify-instance-network-spec";

/** Highest IEEE 802.1Q VLAN id; Alibaba documents none for `VlanId` (example 720), so the standard's bound applies. */
const MAX_VLAN_ID = 4094;

const VlanIdSchema = z
  .union([
    z
      .string()
      .refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE)
      .refine((value) => /^\d{1,4}$/.test(value), `must be a numeric VLAN id of at most 4 digits (0–${MAX_VLAN_ID})`)
      .refine((value) => Number(value) <= MAX_VLAN_ID, `must be at most ${MAX_VLAN_ID}`),
    z
      .number()
      .int("must be an integer")
      .min(0, "must be at least 0")
      .max(MAX_VLAN_ID, `must be at most ${MAX_VLAN_ID}`),
  ])
  .transform(String);

/**
 * `request.providerOptions["alibaba-ecs"]`, strict: an unknown key is an INVALID_ARGUMENT naming it, and so is any
 * value out of range, over its length limit or holding a control character, before any request.
 *
 * - `method`: `allocate-public-ip-address` (default, `AllocatePublicIpAddress`) or `modify-instance-network-spec`
 *   (`ModifyInstanceNetworkSpec` with `AllocatePublicIp=true` and a `ClientToken`, the path Alibaba now recommends).
 * - `ipAddress` (dotted IPv4), `vlanId` (0–4094, a number or a string of digits): `AllocatePublicIpAddress` only
 *   (`IpAddress` is whitelist-only at Alibaba).
 * - `internetMaxBandwidthOut`: `ModifyInstanceNetworkSpec` only; the outbound bandwidth (integer Mbit/s, 1–100: the
 *   pay-as-you-go range of the official model; 0 would leave the instance without a public IP).
 * @public
 */
export const AlibabaEcsProviderOptionsSchema = z
  .object({
    method: z
      .enum(["allocate-public-ip-address", "modify-instance-network-spec"])
      .default("allocate-public-ip-address"),
    ipAddress: z
      .string()
      .max(15, "must be a dotted IPv4 address (at most 15 characters)")
      .refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE)
      .pipe(z.ipv4("must be a dotted IPv4 address"))
      .optional(),
    vlanId: VlanIdSchema.optional(),
    internetMaxBandwidthOut: z
      .number()
      .int("must be an integer")
      .min(1, "must be at least 1")
      .max(100, "must be at most 100")
      .optional(),
  })
  .strict()
  .superRefine((options, context) => {
    const modify = options.method === "modify-instance-network-spec";
    for (const field of ["ipAddress", "vlanId"] as const) {
      if (modify && options[field] !== undefined) {
        context.addIssue({
          code: "custom",
          path: [field],
          message: `is only accepted with method "allocate-public-ip-address"`,
        });
      }
    }
    if (!modify && options.internetMaxBandwidthOut !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["internetMaxBandwidthOut"],
        message: `is only accepted with method "modify-instance-network-spec"`,
      });
    }
  });

/** Validated provider options. @public */
export type AlibabaEcsProviderOptions = z.output<typeof AlibabaEcsProviderOptionsSchema>;

/** Provider options as callers write them. @public */
export type AlibabaEcsProviderOptionsInput = z.input<typeof AlibabaEcsProviderOptionsSchema>;
