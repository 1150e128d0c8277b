// Property-based: any invalid allocate input is refused locally (INVALID_ARGUMENT, nothing on the wire), and any
// valid one gets past validation (something is sent), for both adapters built with their plain factories.
import { createAlibabaEcsAllocator } from "@polycloud/alibaba-ecs";
import { IpAllocatorError, type IpAllocator } from "@polycloud/core";
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { createCountingDispatcher, type CountingDispatcher } from "@polycloud/testkit";
import { createZenlayerEipAllocator } from "@polycloud/zenlayer-eip";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidAlibabaRequest, validAlibabaRequest } from "./support/alibaba-request-arbitraries.js";
import type { InvalidInput, RequestRecord } from "./support/common-request-arbitraries.js";
import { settle } from "./support/record-failure.js";
import { readReliabilitySettings } from "./support/reliability-settings.js";
import { ALIBABA_REGION, ALIBABA_TEST_ACCOUNT, ZENLAYER_TEST_ACCOUNT } from "./support/reliability-seeds.js";
import { watchUnhandledRejections } from "./support/watch-unhandled-rejections.js";
import { invalidZenlayerRequest, validZenlayerRequest } from "./support/zenlayer-request-arbitraries.js";

const settings = readReliabilitySettings();
const propertyParameters = {
  numRuns: settings.propertyRuns,
  ...(settings.propertySeed === undefined ? {} : { seed: settings.propertySeed }),
};
watchUnhandledRejections();

let emulator: RunningEmulator;
const dispatchers: CountingDispatcher[] = [];
beforeAll(async () => {
  emulator = await startEmulator({ alibaba: { flowControl: { limit: 1_000_000 } }, zenlayer: { rateLimit: false } });
});
afterAll(async () => {
  await Promise.all(dispatchers.map((dispatcher) => dispatcher.close()));
  await emulator.close();
});

interface AdapterUnderTest {
  provider: string;
  valid: fc.Arbitrary<RequestRecord>;
  invalid: fc.Arbitrary<InvalidInput>;
  create(dispatcher: CountingDispatcher): IpAllocator;
}

const ADAPTERS: AdapterUnderTest[] = [
  {
    provider: "alibaba-ecs",
    valid: validAlibabaRequest,
    invalid: invalidAlibabaRequest,
    create: (dispatcher) =>
      createAlibabaEcsAllocator(
        { region: ALIBABA_REGION, endpoint: emulator.alibaba.endpoint, credentials: ALIBABA_TEST_ACCOUNT },
        { dispatcher, env: {} },
      ),
  },
  {
    provider: "zenlayer-eip",
    valid: validZenlayerRequest,
    invalid: invalidZenlayerRequest,
    create: (dispatcher) => {
      const { accessKeyId, accessKeySecret } = ZENLAYER_TEST_ACCOUNT;
      return createZenlayerEipAllocator(
        {
          endpoint: emulator.zenlayer.endpoint,
          credentials: { accessKeyId, accessKeySecret },
          reconcile: { checks: 1, intervalMs: 0 },
        },
        { dispatcher, env: {} },
      );
    },
  },
];

/** A fresh allocator on its own counting dispatcher (closed after the file). */
function createCountedAllocator(adapter: AdapterUnderTest): { allocator: IpAllocator; dispatcher: CountingDispatcher } {
  const dispatcher = createCountingDispatcher();
  dispatchers.push(dispatcher);
  return { allocator: adapter.create(dispatcher), dispatcher };
}

describe.each(ADAPTERS)("$provider request validation", (adapter) => {
  it("refuses any invalid input with INVALID_ARGUMENT naming the field, before sending anything", async () => {
    const { allocator, dispatcher } = createCountedAllocator(adapter);
    await fc.assert(
      fc.asyncProperty(adapter.invalid, async ({ corruption, input }) => {
        const sentBefore = dispatcher.requests;
        const { error } = await settle(allocator.allocate(input as never));
        expect(
          IpAllocatorError.isInstance(error),
          `${corruption}: expected an IpAllocatorError, got ${String(error)}`,
        ).toBe(true);
        const typed = error as IpAllocatorError;
        expect(typed.code, `${corruption}: ${typed.message}`).toBe("INVALID_ARGUMENT");
        expect(typed).toMatchObject({ provider: adapter.provider, retryable: false });
        expect(typed.issues.length, corruption).toBeGreaterThan(0);
        expect(dispatcher.requests - sentBefore, `${corruption}: sent a request`).toBe(0);
      }),
      propertyParameters,
    );
  });

  it("lets any valid input through validation: a request is sent, and any failure is the provider's, typed", async () => {
    const { allocator, dispatcher } = createCountedAllocator(adapter);
    await fc.assert(
      fc.asyncProperty(adapter.valid, async (input) => {
        const sentBefore = dispatcher.requests;
        const { error } = await settle(allocator.allocate(input as never, { retry: false }));
        const detail = IpAllocatorError.isInstance(error) ? `${error.code}: ${error.message}` : String(error);
        expect(dispatcher.requests, `refused locally (${detail})`).toBeGreaterThan(sentBefore);
        if (error !== undefined) expect(IpAllocatorError.isInstance(error), detail).toBe(true);
      }),
      { ...propertyParameters, numRuns: Math.ceil(settings.propertyRuns / 2) },
    );
  });
});
