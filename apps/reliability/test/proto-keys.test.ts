// Regression: a `__proto__` key in tags or providerOptions (what JSON.parse makes of one in a config file) must be
// refused before sending, not silently dropped. Found by validation-properties.test.ts. The companion `it` shows
// the same input with any other unknown key is refused, so the check cannot pass for an unrelated reason.
import { IpAllocatorError } from "@polycloud/core";
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { createCountingDispatcher, type CountingDispatcher } from "@polycloud/testkit";
import { createZenlayerEipAllocator, type ZenlayerEipAllocator } from "@polycloud/zenlayer-eip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settle } from "./support/record-failure.js";
import { ZENLAYER_TEST_ACCOUNT } from "./support/reliability-seeds.js";

let emulator: RunningEmulator;
let dispatcher: CountingDispatcher;
let allocator: ZenlayerEipAllocator;
beforeAll(async () => {
  emulator = await startEmulator();
  dispatcher = createCountingDispatcher();
  const { accessKeyId, accessKeySecret } = ZENLAYER_TEST_ACCOUNT;
  allocator = createZenlayerEipAllocator(
    { endpoint: emulator.zenlayer.endpoint, credentials: { accessKeyId, accessKeySecret } },
    { dispatcher, env: {} },
  );
});
afterAll(async () => {
  await allocator.close();
  await dispatcher.close();
  await emulator.close();
});

/** Requests as a JSON config file would hold them, with `KEY` standing for the key under test. */
const REQUEST_TEMPLATES = [
  ["a tag", '{"location":{"zone":"SEL-A"},"tags":{"KEY":1}}'],
  ["the provider's options", '{"location":{"zone":"SEL-A"},"providerOptions":{"zenlayer-eip":{"KEY":"x"}}}'],
  ["providerOptions", '{"location":{"zone":"SEL-A"},"providerOptions":{"KEY":1}}'],
] as const;

/** Sends the request with `key` in place and reports whether it was refused locally. */
async function allocateWithKey(template: string, key: string): Promise<{ refusedLocally: boolean; detail: string }> {
  const sentBefore = dispatcher.requests;
  const { error } = await settle(
    allocator.allocate(JSON.parse(template.replace("KEY", key)) as never, { retry: false }),
  );
  const refusedLocally = IpAllocatorError.hasCode(error, "INVALID_ARGUMENT") && dispatcher.requests === sentBefore;
  return {
    refusedLocally,
    detail: `${dispatcher.requests - sentBefore} request(s) sent, ${String(error ?? "allocated")}`,
  };
}

describe("a __proto__ key is dropped instead of refused", () => {
  it.each(REQUEST_TEMPLATES)(
    "repro setup: any other invalid key in %s is refused before sending",
    async (_label, template) => {
      const { refusedLocally, detail } = await allocateWithKey(template, "not-a-valid-entry");
      expect(refusedLocally, detail).toBe(true);
    },
  );

  // Expected once fixed: INVALID_ARGUMENT naming the key, nothing sent.
  it.each(REQUEST_TEMPLATES)("a __proto__ key in %s is refused before sending", async (_label, template) => {
    const { refusedLocally, detail } = await allocateWithKey(template, "__proto__");
    expect(refusedLocally, detail).toBe(true);
  });
});
