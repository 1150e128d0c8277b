// Type tests for the built-in providers (checked by `tsc -p tsconfig.test.json`, i.e. `turbo run typecheck`):
// importing the adapter packages registers them with core, and every `@ts-expect-error` below must be an
// error, so the typecheck fails if a typo or an impossible count stops being caught.
import "@polycloud/alibaba-ecs";
import "@polycloud/aws-ec2";
import "@polycloud/zenlayer-eip";
import { createIpAllocator, defineConfig } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { APP_DIRECTORY } from "./support/run-bin.js";

describe("defineConfig with the built-in adapters", () => {
  it("accepts each provider's settings and allocate defaults", () => {
    const config = defineConfig({
      provider: "alibaba-ecs",
      region: "cn-hangzhou",
      allocate: { instanceId: "i-1", count: 1 },
      providers: {
        "zenlayer-eip": { credentials: { token: "t" }, allocate: { location: "SEL-A", count: 5 } },
        "aws-ec2": { region: "us-east-1", profile: "prod", allocate: { location: { region: "us-east-1" } } },
      },
    });
    expect(config.provider).toBe("alibaba-ecs");
  });

  it("catches a misspelt setting and a count above the provider's maximum at compile time", () => {
    // @ts-expect-error regoin: alibaba-ecs has a region
    defineConfig({ provider: "alibaba-ecs", regoin: "cn-hangzhou" });
    // @ts-expect-error Alibaba ECS allocates one address per call
    defineConfig({ provider: "alibaba-ecs", region: "cn-hangzhou", allocate: { count: 5 } });
    // biome-ignore format: the @ts-expect-error comment applies to the one line below it
    // @ts-expect-error AWS EC2 allocates one Elastic IP per call
    defineConfig({ provider: "zenlayer-eip", providers: { "aws-ec2": { region: "us-east-1", allocate: { count: 5 } } } });
    // biome-ignore format: the @ts-expect-error comment applies to the one line below it
    // @ts-expect-error a misspelt key inside providers.<name>
    defineConfig({ provider: "zenlayer-eip", providers: { "zenlayer-eip": { endpiont: "https://console.zenlayer.com" } } });
    // @ts-expect-error a misspelt allocate key
    defineConfig({ provider: "zenlayer-eip", allocate: { lcoation: "SEL-A" } });
    // At run time defineConfig is the identity: the file's object reaches createIpAllocator as written.
    const written = { provider: "aws-ec2" as const, region: "us-east-1" };
    expect(defineConfig(written)).toBe(written);
  });

  it("checks createIpAllocator's configuration the same way", async () => {
    // baseDirectory: the application's folder, where the adapters are installed (as a config file's folder would be).
    // biome-ignore format: the @ts-expect-error comment applies to the one line below it
    // @ts-expect-error regoin: alibaba-ecs has a region
    const failure = createIpAllocator({ provider: "alibaba-ecs", regoin: "cn-hangzhou" }, { baseDirectory: APP_DIRECTORY });
    await expect(failure).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "region" }, { path: "regoin", message: 'unknown key "regoin"; did you mean "region"?' }],
    });
  });
});
