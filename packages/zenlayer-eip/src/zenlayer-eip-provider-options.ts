import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from "@polycloud/core";
import { z } from "zod";

/** Longest PREPAID subscription, in months (what the emulator accepts; Zenlayer publishes no maximum). @internal */
export const MAX_PREPAID_PERIOD_MONTHS = 36;

/** Longest id or code string sent on (resource group ids, discount codes): Zenlayer's 128-character tag limit. @internal */
export const MAX_OPTION_STRING_LENGTH = 128;

/** A printable string of 1 to {@link MAX_OPTION_STRING_LENGTH} characters. */
function createOptionString() {
  return z
    .string()
    .min(1)
    .max(MAX_OPTION_STRING_LENGTH)
    .refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE);
}

/**
 * `request.providerOptions["zenlayer-eip"]`: the AllocateEipAddresses fields that have no neutral
 * equivalent. Unknown keys are rejected. PREPAID needs `eipChargePrepaid.period` (months). Numbers are
 * bounded and strings length-limited and free of control characters, so nothing out of range is ever sent.
 * @public
 */
export const ZenlayerEipProviderOptionsSchema = z
  .object({
    /** POSTPAID (pay-as-you-go, the default) or PREPAID (monthly subscription, balance pre-deducted). */
    eipChargeType: z.enum(["POSTPAID", "PREPAID"]).default("POSTPAID"),
    eipChargePrepaid: z
      .object({ period: z.number().int().min(1).max(MAX_PREPAID_PERIOD_MONTHS) })
      .strict()
      .optional(),
    /** Defaults to the account's default resource group. */
    resourceGroupId: createOptionString().optional(),
    /** Block size from DescribeEipAvailableResources; the zone's default (usually 32) when absent. */
    netmask: z.number().int().min(1).max(32).optional(),
    marketingOptions: z
      .object({ discountCode: createOptionString().optional(), usePocVoucher: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((options, context) => {
    if (options.eipChargeType === "PREPAID" && options.eipChargePrepaid === undefined) {
      context.addIssue({
        code: "custom",
        path: ["eipChargePrepaid", "period"],
        message: "is required when eipChargeType is PREPAID (subscription months)",
      });
    }
    if (options.eipChargeType === "POSTPAID" && options.eipChargePrepaid !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["eipChargePrepaid"],
        message: "only applies when eipChargeType is PREPAID",
      });
    }
  });

/** Provider options as the caller writes them. @public */
export type ZenlayerEipProviderOptionsInput = z.input<typeof ZenlayerEipProviderOptionsSchema>;

/** Provider options with defaults applied. @public */
export type ZenlayerEipProviderOptions = z.output<typeof ZenlayerEipProviderOptionsSchema>;

/** bmc zone ids are an IATA-like city code and a letter: `SEL-A`, `HKG-A`, `FRA-A`. @public */
export const ZENLAYER_ZONE_PATTERN = /^[A-Z]{3}-[A-Z0-9]{1,8}$/;

/** EIP ids as returned by AllocateEipAddresses: printable ASCII without spaces. @internal */
export const ZENLAYER_EIP_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;

/** Tag carrying the idempotency key every allocation is marked with. @public */
export const IDEMPOTENCY_TAG_KEY = "polycloud-idempotency-key";

/** Tag recording the instance an allocation should be associated with (read by waitUntilReady). @public */
export const TARGET_INSTANCE_TAG_KEY = "polycloud-instance-id";

/** Tags one AllocateEipAddresses accepts, polycloud's own included. @internal */
export const MAX_TAGS_PER_ALLOCATION = 20;

/** Longest tag value Zenlayer accepts (the official limit; its SDK docs once said 128). @internal */
export const MAX_TAG_VALUE_LENGTH = 64;
