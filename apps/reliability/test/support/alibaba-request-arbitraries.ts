import fc from "fast-check";
import { ALIBABA_REGION } from "./reliability-seeds.js";
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

/** `providerOptions["alibaba-ecs"]` the adapter accepts: either method with only its own fields. */
const validOptions: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({}),
  fc.record(
    {
      method: fc.constant("allocate-public-ip-address"),
      ipAddress: fc.ipV4(),
      vlanId: fc.oneof(fc.integer({ min: 0, max: 4094 }).map(String), fc.integer({ min: 0, max: 4094 })),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { method: fc.constant("modify-instance-network-spec"), internetMaxBandwidthOut: fc.integer({ min: 1, max: 100 }) },
    { requiredKeys: ["method"] },
  ),
);

/** Requests `alibaba-ecs` must accept: its own region, an instance id, count 1, any tags, key and options. */
export const validAlibabaRequest: fc.Arbitrary<RequestRecord> = fc.record(
  {
    location: fc.constant({ region: ALIBABA_REGION }),
    instanceId: printableAscii(1, 128),
    count: fc.constant(1),
    tags: validTags,
    idempotencyKey: validIdempotencyKey,
    providerOptions: fc
      .tuple(
        validOptions,
        fc.dictionary(fc.constantFrom("zenlayer-eip", "some-other-cloud"), fc.dictionary(fc.string(), anyValue), {
          maxKeys: 1,
        }),
      )
      .map(([own, others]) => ({ ...others, "alibaba-ecs": own })),
  },
  { requiredKeys: ["location", "instanceId"] },
);

type Corruption = [string, (request: RequestRecord) => unknown];

const setOptions = (label: string, options: fc.Arbitrary<unknown>): fc.Arbitrary<Corruption> =>
  options.map(
    (value): Corruption => [
      `providerOptions["alibaba-ecs"] ${label}: ${JSON.stringify(value)}`,
      (request) => ({ ...request, providerOptions: { "alibaba-ecs": value } }),
    ],
  );

/** What only Alibaba refuses: its region and instance rules and its strict provider options. */
const alibabaCorruptions: fc.Arbitrary<Corruption> = fc.oneof(
  fc.constant<Corruption>(["instanceId missing (required by ECS)", ({ instanceId: _instanceId, ...rest }) => rest]),
  fc
    .oneof(
      fc.constant(""),
      printableAscii(129, 200),
      fc
        .tuple(printableAscii(1, 20), fc.constantFrom(" ", "é", "\n"), printableAscii(0, 20))
        .map((parts) => parts.join("")),
      fc.integer(),
      fc.constant(null),
    )
    .map(
      (instanceId): Corruption => [
        `instanceId ${JSON.stringify(instanceId)}`,
        (request) => ({ ...request, instanceId }),
      ],
    ),
  fc
    .oneof(
      fc.stringMatching(/^[a-z]{2,8}-[a-z0-9]{1,8}$/).filter((region) => region !== ALIBABA_REGION),
      fc.constantFrom("Hangzhou", "cn_hangzhou", "CN-HANGZHOU", "cn-", "-hangzhou"),
    )
    .map(
      (region): Corruption => [
        `region ${region} (malformed or not the allocator's)`,
        (request) => ({ ...request, location: { region } }),
      ],
    ),
  fc
    .stringMatching(/^[A-Z]{3}-[A-Z]$/)
    .map((zone): Corruption => [`zone ${zone} instead of a region`, (request) => ({ ...request, location: { zone } })]),
  setOptions("not an object", notAnObject),
  setOptions(
    "unknown key",
    fc
      .tuple(
        fc
          .string({ minLength: 1 })
          .filter((key) => !["method", "ipAddress", "vlanId", "internetMaxBandwidthOut"].includes(key)),
        anyValue,
      )
      .map(([key, value]) => ({ [key]: value })),
  ),
  setOptions(
    "unknown method",
    fc
      .string()
      .filter((method) => method !== "allocate-public-ip-address" && method !== "modify-instance-network-spec")
      .map((method) => ({ method })),
  ),
  setOptions(
    "bad ipAddress",
    fc
      .oneof(fc.constantFrom("256.1.1.1", "1.2.3", "::1", "example.com", ""), fc.integer())
      .map((ipAddress) => ({ ipAddress })),
  ),
  setOptions(
    "bad vlanId",
    fc
      .oneof(
        fc.constantFrom("abc", "12345678901", "-1", "", "4095", "7\r\n"),
        fc.integer({ max: -1 }),
        fc.integer({ min: 4095 }),
        fc.double({ noInteger: true, min: 0.1, max: 1e6 }),
      )
      .map((vlanId) => ({ vlanId })),
  ),
  setOptions(
    "bandwidth out of range",
    fc
      .oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 }))
      .map((internetMaxBandwidthOut) => ({ method: "modify-instance-network-spec", internetMaxBandwidthOut })),
  ),
  setOptions(
    "bandwidth without modify-instance-network-spec",
    fc.integer({ min: 1, max: 100 }).map((internetMaxBandwidthOut) => ({ internetMaxBandwidthOut })),
  ),
  setOptions(
    "ipAddress with modify-instance-network-spec",
    fc.ipV4().map((ipAddress) => ({ method: "modify-instance-network-spec", ipAddress })),
  ),
);

/** Requests `alibaba-ecs` must refuse before sending anything, each broken in exactly one way. */
export const invalidAlibabaRequest: fc.Arbitrary<InvalidInput> = fc.oneof(
  { arbitrary: corrupt(validAlibabaRequest, commonCorruptions(1)), weight: 3 },
  { arbitrary: corrupt(validAlibabaRequest, alibabaCorruptions), weight: 3 },
  { arbitrary: notARequest, weight: 1 },
);
