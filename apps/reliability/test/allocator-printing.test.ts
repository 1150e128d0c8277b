// Printing an allocator (console.log, util.inspect, JSON.stringify) never shows a credential or the environment.
import { inspect } from "node:util";
import { createAlibabaEcsAllocator } from "@polycloud/alibaba-ecs";
import type { IpAllocator } from "@polycloud/core";
import { createZenlayerEipAllocator } from "@polycloud/zenlayer-eip";
import { createInMemoryAllocator } from "polycloud-example-in-memory-provider";
import { afterEach, describe, expect, it } from "vitest";
import { RECOGNISABLE_ALIBABA_ACCOUNT, RECOGNISABLE_ZENLAYER_ACCOUNT } from "./support/reliability-seeds.js";

const UNRELATED_SECRET = "RELIABILITY-SECRET-unrelated-db-password-5e2a";
const IN_MEMORY_TOKEN = "RELIABILITY-SECRET-in-memory-token-77b1";
const allocators: IpAllocator[] = [];
afterEach(async () => {
  await Promise.all(allocators.splice(0).map((allocator) => allocator.close()));
});

/** Every printable form of `value` a user or a logger might produce. */
function printAll(value: unknown): string {
  return [
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    String(JSON.stringify(value)),
    `${inspect(value)}`,
  ].join("\n");
}

const env = { DATABASE_PASSWORD: UNRELATED_SECRET, HOME: "/nonexistent" };
const cases: ReadonlyArray<readonly [string, () => IpAllocator, readonly string[]]> = [
  [
    "alibaba-ecs",
    () =>
      createAlibabaEcsAllocator({ region: "cn-hangzhou", credentials: { ...RECOGNISABLE_ALIBABA_ACCOUNT } }, { env }),
    [RECOGNISABLE_ALIBABA_ACCOUNT.accessKeySecret, RECOGNISABLE_ALIBABA_ACCOUNT.securityToken, UNRELATED_SECRET],
  ],
  [
    "zenlayer-eip, key pair",
    () =>
      createZenlayerEipAllocator(
        { credentials: { accessKeyId: "id", accessKeySecret: RECOGNISABLE_ZENLAYER_ACCOUNT.accessKeySecret } },
        { env },
      ),
    [RECOGNISABLE_ZENLAYER_ACCOUNT.accessKeySecret, UNRELATED_SECRET],
  ],
  [
    "zenlayer-eip, token",
    () => createZenlayerEipAllocator({ credentials: { token: RECOGNISABLE_ZENLAYER_ACCOUNT.token } }, { env }),
    [RECOGNISABLE_ZENLAYER_ACCOUNT.token, UNRELATED_SECRET],
  ],
  [
    "in-memory example",
    () => createInMemoryAllocator({ endpoint: "http://127.0.0.1:9", accessToken: IN_MEMORY_TOKEN }),
    [IN_MEMORY_TOKEN],
  ],
];

describe("printing an allocator", () => {
  it.each(cases)(
    "%s: inspect, console.log and JSON.stringify show the provider, never a secret",
    (_name, create, secrets) => {
      const allocator = create();
      allocators.push(allocator);
      const printed = printAll(allocator);
      for (const secret of secrets) expect(printed).not.toContain(secret);
      expect(printed).toContain(allocator.provider);
      expect(JSON.parse(JSON.stringify(allocator))).toMatchObject({
        provider: allocator.provider,
        capabilities: allocator.capabilities,
      });
    },
  );
});
