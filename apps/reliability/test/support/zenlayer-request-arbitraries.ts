import fc from "fast-check";
import {
  anyValue,
  commonCorruptions,
  corrupt,
  notAnObject,
  notARequest,
  printableAscii,
  validIdempotencyKey,
  validTags,
  type InvalidInput,
  type RequestRecord,
} from "./common-request-arbitraries.js";

const zoneId = fc.stringMatching(/^[A-Z]{3}-[A-Z0-9]{1,8}$/);

/** `providerOptions["zenlayer-eip"]` the adapter accepts. */
const validOptions: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      prepaidPeriod: fc.option(fc.integer({ min: 1, max: 36 }), { nil: undefined }),
      resourceGroupId: printableAscii(1, 128),
      netmask: fc.integer({ min: 1, max: 32 }),
      marketingOptions: fc.record(
        { discountCode: fc.string({ minLength: 1 }), usePocVoucher: fc.boolean() },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ["prepaidPeriod"] },
  )
  .map(({ prepaidPeriod, ...rest }) =>
    prepaidPeriod === undefined
      ? { eipChargeType: "POSTPAID", ...rest }
      : { eipChargeType: "PREPAID", eipChargePrepaid: { period: prepaidPeriod }, ...rest },
  );

/** Requests `zenlayer-eip` must accept: a well-formed zone, 1–100 EIPs, optional instance, tags, key and options. */
export const validZenlayerRequest: fc.Arbitrary<RequestRecord> = fc.record(
  {
    location: fc.oneof(
      zoneId.map((zone) => ({ zone })),
      fc.tuple(zoneId, fc.string({ minLength: 1, maxLength: 64 })).map(([zone, region]) => ({ zone, region })),
    ),
    instanceId: printableAscii(1, 64),
    count: fc.integer({ min: 1, max: 100 }),
    tags: validTags,
    idempotencyKey: validIdempotencyKey,
    providerOptions: validOptions.map((options) => ({ "zenlayer-eip": options })),
  },
  { requiredKeys: ["location"] },
);

type Corruption = [string, (request: RequestRecord) => unknown];

const setOptions = (label: string, options: fc.Arbitrary<unknown>): fc.Arbitrary<Corruption> =>
  options.map(
    (value): Corruption => [
      `providerOptions["zenlayer-eip"] ${label}: ${JSON.stringify(value)}`,
      (request) => ({ ...request, providerOptions: { "zenlayer-eip": value } }),
    ],
  );

/** What only Zenlayer refuses: its zone format, tag limits, reserved tags and strict provider options. */
const zenlayerCorruptions: fc.Arbitrary<Corruption> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom("sel-a", "SEL", "SELA", "SE-A", "SEL-", "SEL-a", "SEL-A1234567890"),
      fc.string({ minLength: 1, maxLength: 64 }).filter((zone) => !/^[A-Z]{3}-[A-Z0-9]{1,8}$/.test(zone)),
    )
    .map((zone): Corruption => [`zone ${JSON.stringify(zone)}`, (request) => ({ ...request, location: { zone } })]),
  fc
    .string({ minLength: 1, maxLength: 64 })
    .map(
      (region): Corruption => [
        `region ${JSON.stringify(region)} instead of a zone`,
        (request) => ({ ...request, location: { region } }),
      ],
    ),
  fc
    .oneof(fc.constant(""), fc.constant(" "), fc.constant("bmc\r\n1"), printableAscii(65, 200), fc.integer())
    .map(
      (instanceId): Corruption => [
        `instanceId ${JSON.stringify(instanceId)}`,
        (request) => ({ ...request, instanceId }),
      ],
    ),
  fc.integer({ min: 19, max: 30 }).map(
    (size): Corruption => [
      `${size + 1} tags with an instance (at most 18)`,
      (request) => ({
        ...request,
        instanceId: "bmc-sel-0001",
        tags: Object.fromEntries(Array.from({ length: size + 1 }, (_, index) => [`key-${index}`, "v"])),
      }),
    ],
  ),
  fc
    .constantFrom("polycloud-idempotency-key", "polycloud-instance-id")
    .map((key): Corruption => [`reserved tag ${key}`, (request) => ({ ...request, tags: { [key]: "mine" } })]),
  fc
    .oneof(fc.constant(""), fc.string({ minLength: 65, maxLength: 256 }))
    .map(
      (value): Corruption => [
        `tag value of ${value.length} characters`,
        (request) => ({ ...request, tags: { team: value } }),
      ],
    ),
  setOptions("not an object", notAnObject),
  setOptions(
    "unknown key",
    fc
      .tuple(
        fc
          .string({ minLength: 1 })
          .filter(
            (key) =>
              !["eipChargeType", "eipChargePrepaid", "resourceGroupId", "netmask", "marketingOptions"].includes(key),
          ),
        anyValue,
      )
      .map(([key, value]) => ({ [key]: value })),
  ),
  setOptions(
    "unknown charge type",
    fc
      .string()
      .filter((type) => type !== "POSTPAID" && type !== "PREPAID")
      .map((eipChargeType) => ({ eipChargeType })),
  ),
  setOptions("PREPAID without a period", fc.constant({ eipChargeType: "PREPAID" })),
  setOptions(
    "POSTPAID with a period",
    fc.integer({ min: 1, max: 36 }).map((period) => ({ eipChargePrepaid: { period } })),
  ),
  setOptions(
    "bad period",
    fc
      .oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true, min: 0.1, max: 36 }))
      .map((period) => ({ eipChargeType: "PREPAID", eipChargePrepaid: { period } })),
  ),
  setOptions(
    "bad netmask",
    fc
      .oneof(
        fc.integer({ max: 0 }),
        fc.integer({ min: 33 }),
        fc.double({ noInteger: true, min: 1, max: 32 }),
        fc.string(),
      )
      .map((netmask) => ({ netmask })),
  ),
  setOptions(
    "bad resourceGroupId",
    fc
      .oneof(fc.constant(""), fc.string({ minLength: 129, maxLength: 200 }), fc.integer())
      .map((resourceGroupId) => ({ resourceGroupId })),
  ),
  setOptions(
    "bad marketingOptions",
    fc.oneof(fc.constant({ discountCode: "" }), fc.constant({ usePocVoucher: "yes" }), fc.constant({ coupon: "x" })),
  ),
);

/** Requests `zenlayer-eip` must refuse before sending anything, each broken in exactly one way. */
export const invalidZenlayerRequest: fc.Arbitrary<InvalidInput> = fc.oneof(
  { arbitrary: corrupt(validZenlayerRequest, commonCorruptions(100)), weight: 3 },
  { arbitrary: corrupt(validZenlayerRequest, zenlayerCorruptions), weight: 3 },
  { arbitrary: notARequest, weight: 1 },
);
