import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IpAllocatorError } from "@polycloud/core";
import { expectNoSecrets } from "@polycloud/testkit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  TEST_ACCESS_KEY_ID,
  TEST_ACCESS_KEY_SECRET,
  TEST_REGION,
  TEST_SECURITY_TOKEN,
  startTestEmulator,
} from "./__fixtures__/start-test-emulator.js";
import { resolveAlibabaEcsCredentials } from "./resolve-alibaba-ecs-credentials.js";

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "polycloud-alibaba-home-"));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const PROFILE_SECRET = "profile-secret-value";
const PROFILE_TOKEN = "profile-sts-token-value";

async function writeCliConfig(config: unknown): Promise<string> {
  await mkdir(join(home, ".aliyun"), { recursive: true });
  const path = join(home, ".aliyun", "config.json");
  await writeFile(path, typeof config === "string" ? config : JSON.stringify(config), { mode: 0o600 });
  return path;
}

const cliConfig = {
  current: "default",
  profiles: [
    {
      name: "default",
      mode: "AK",
      access_key_id: "profile-key-id",
      access_key_secret: PROFILE_SECRET,
      region_id: "cn-hangzhou",
    },
    {
      name: "sts",
      mode: "StsToken",
      access_key_id: "sts-key-id",
      access_key_secret: PROFILE_SECRET,
      sts_token: PROFILE_TOKEN,
      region_id: "cn-hangzhou",
    },
    {
      name: "role",
      mode: "RamRoleArn",
      access_key_id: "x",
      access_key_secret: PROFILE_SECRET,
      ram_role_arn: "acs:ram::1:role/r",
    },
    { name: "broken", mode: "StsToken", access_key_id: "k", access_key_secret: PROFILE_SECRET },
  ],
};

async function rejectionOf(promise: Promise<unknown>): Promise<IpAllocatorError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!IpAllocatorError.isInstance(thrown)) throw new Error(`expected an IpAllocatorError, got ${String(thrown)}`);
  return thrown;
}

describe("the credential chain", () => {
  it("prefers explicit settings over the environment and the profile", async () => {
    await writeCliConfig(cliConfig);
    const env = { HOME: home, ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" };
    const resolved = await resolveAlibabaEcsCredentials({
      credentials: { accessKeyId: "a", accessKeySecret: "b" },
      env,
    });
    expect(resolved).toEqual({ accessKeyId: "a", accessKeySecret: "b", source: "settings" });
  });

  it("reads ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / _SECURITY_TOKEN before the profile", async () => {
    await writeCliConfig(cliConfig);
    const env = {
      HOME: home,
      ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret",
      ALIBABA_CLOUD_SECURITY_TOKEN: "env-token",
    };
    expect(await resolveAlibabaEcsCredentials({ env })).toEqual({
      accessKeyId: "env-id",
      accessKeySecret: "env-secret",
      securityToken: "env-token",
      source: "environment",
    });
  });

  it("rejects half of an environment pair, naming the variables but no value", async () => {
    const error = await rejectionOf(
      resolveAlibabaEcsCredentials({ env: { HOME: home, ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret-only" } }),
    );
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", provider: "alibaba-ecs" });
    expect(error.message).toContain("ALIBABA_CLOUD_ACCESS_KEY_ID is not");
    expectNoSecrets(error, ["env-secret-only"]);
  });

  it("reads the current AK profile of <HOME>/.aliyun/config.json", async () => {
    const path = await writeCliConfig(cliConfig);
    expect(await resolveAlibabaEcsCredentials({ env: { HOME: home } })).toEqual({
      accessKeyId: "profile-key-id",
      accessKeySecret: PROFILE_SECRET,
      source: `profile "default" in ${path}`,
    });
  });

  it("selects a StsToken profile with ALIBABA_CLOUD_PROFILE, and settings.profile over it", async () => {
    await writeCliConfig(cliConfig);
    expect(await resolveAlibabaEcsCredentials({ env: { HOME: home, ALIBABA_CLOUD_PROFILE: "sts" } })).toMatchObject({
      accessKeyId: "sts-key-id",
      securityToken: PROFILE_TOKEN,
    });
    expect(
      await resolveAlibabaEcsCredentials({ profile: "default", env: { HOME: home, ALIBABA_CLOUD_PROFILE: "sts" } }),
    ).toMatchObject({ accessKeyId: "profile-key-id" });
  });

  it("reads a configFile given in the settings, relative to the base directory", async () => {
    await writeFile(join(home, "custom.json"), JSON.stringify(cliConfig));
    expect(
      await resolveAlibabaEcsCredentials({ configFile: "custom.json", baseDirectory: home, env: {} }),
    ).toMatchObject({ accessKeyId: "profile-key-id" });
  });

  it.each([
    [
      "no file at all",
      undefined,
      {},
      /Looked for: settings\.credentials; environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET; profile "current" in .*config\.json \(file not found\)/,
    ],
    ["an unknown profile", cliConfig, { ALIBABA_CLOUD_PROFILE: "nope" }, /profile "nope" in .* \(no such profile\)/],
    [
      "an unsupported mode",
      cliConfig,
      { ALIBABA_CLOUD_PROFILE: "role" },
      /uses mode RamRoleArn; alibaba-ecs reads AK and StsToken profiles/,
    ],
    [
      "a StsToken profile without its token",
      cliConfig,
      { ALIBABA_CLOUD_PROFILE: "broken" },
      /\(mode StsToken\) lacks sts_token/,
    ],
    ["a file that is not JSON", `{ "profiles": [ { "access_key_secret": "${PROFILE_SECRET}"`, {}, /is not valid JSON/],
    ["a file with another layout", { profiles: "nope" }, {}, /does not have the aliyun CLI layout/],
    [
      "the profile disabled",
      cliConfig,
      { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" },
      /the CLI profile is disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED/,
    ],
  ] as const)("is UNAUTHENTICATED, saying what was looked for, with %s", async (_label, config, env, message) => {
    if (config !== undefined) await writeCliConfig(config);
    const error = await rejectionOf(
      resolveAlibabaEcsCredentials({ env: { HOME: home, ...env }, operation: "allocate" }),
    );
    expect(error).toMatchObject({
      code: "UNAUTHENTICATED",
      operation: "allocate",
      details: { lookedFor: expect.any(Array) },
    });
    expect(error.message).toMatch(message);
    expectNoSecrets(error, [PROFILE_SECRET, PROFILE_TOKEN]);
  });
});

describe("the credential chain end to end (emulator)", () => {
  it("allocates with credentials found only in a temp HOME's StsToken profile", async () => {
    const test = await startTestEmulator();
    try {
      await writeCliConfig({
        current: "emulator",
        profiles: [
          {
            name: "emulator",
            mode: "StsToken",
            access_key_id: TEST_ACCESS_KEY_ID,
            access_key_secret: TEST_ACCESS_KEY_SECRET,
            sts_token: TEST_SECURITY_TOKEN,
          },
        ],
      });
      const allocator = test.createAllocator({ credentials: undefined }, { env: { HOME: home } });
      const result = await allocator.allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() });
      expect(result.ips[0]?.address).toBeDefined();
    } finally {
      await test.close();
    }
  });

  it("allocates with credentials from the environment, and fails typed before any request without any", async () => {
    const test = await startTestEmulator();
    try {
      const fromEnvironment = test.createAllocator(
        { credentials: undefined },
        {
          env: {
            HOME: home,
            ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID,
            ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_ACCESS_KEY_SECRET,
          },
        },
      );
      await expect(fromEnvironment.describe(test.nextInstanceId())).resolves.toMatchObject({
        ip: { state: "released" },
      });
      const requestsBefore = test.dispatcher.requests;
      const without = test.createAllocator({ credentials: undefined }, { env: { HOME: home } });
      await expect(
        without.allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() }),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED", operation: "allocate" });
      expect(test.dispatcher.requests).toBe(requestsBefore);
    } finally {
      await test.close();
    }
  });
});
