import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IpAllocatorError } from "@polycloud/core";
import { expectNoSecrets } from "@polycloud/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveAwsEc2Credentials, type ResolveAwsEc2CredentialsInput } from "./resolve-aws-ec2-credentials.js";

let home: string;
const SECRETS = ["default-secret-value", "work-secret-value", "work-session-token", "env-secret-value"];

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), "polycloud-aws-"));
  await mkdir(join(home, ".aws"));
  const ini = [
    "# shared credentials",
    "[default]",
    "aws_access_key_id = AKIADEFAULT",
    "aws_secret_access_key = default-secret-value",
    "",
    "[work]",
    "aws_access_key_id=AKIAWORK",
    "aws_secret_access_key=work-secret-value",
    "aws_session_token = work-session-token",
    "; a profile without keys (SSO)",
    "[sso]",
    "sso_session = corp",
  ].join("\n");
  await writeFile(join(home, ".aws", "credentials"), ini);
  await writeFile(
    join(home, "other-credentials"),
    "[default]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other-secret-value\n",
  );
});
afterAll(async () => rm(home, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<IpAllocatorError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!IpAllocatorError.isInstance(error)) throw new Error(`expected an IpAllocatorError, got ${String(error)}`);
  return error;
}

describe("resolveAwsEc2Credentials", () => {
  it("takes explicit credentials first", async () => {
    await expect(
      resolveAwsEc2Credentials({
        credentials: { accessKeyId: "AKIAX", secretAccessKey: "s" },
        env: { HOME: home, AWS_ACCESS_KEY_ID: "AKIAENV", AWS_SECRET_ACCESS_KEY: "env-secret-value" },
      }),
    ).resolves.toMatchObject({ accessKeyId: "AKIAX", source: "settings" });
  });

  it("reads the environment, with a session token", async () => {
    const env = {
      HOME: home,
      AWS_ACCESS_KEY_ID: "AKIAENV",
      AWS_SECRET_ACCESS_KEY: "env-secret-value",
      AWS_SESSION_TOKEN: "env-token",
    };
    await expect(resolveAwsEc2Credentials({ env })).resolves.toEqual({
      accessKeyId: "AKIAENV",
      secretAccessKey: "env-secret-value",
      sessionToken: "env-token",
      source: "environment",
    });
  });

  it("reads the default profile of ~/.aws/credentials from the HOME given", async () => {
    await expect(resolveAwsEc2Credentials({ env: { HOME: home } })).resolves.toEqual({
      accessKeyId: "AKIADEFAULT",
      secretAccessKey: "default-secret-value",
      source: `profile "default" in ${join(home, ".aws", "credentials")}`,
    });
  });

  it("reads AWS_PROFILE or the profile setting, which win over environment keys (as in the AWS SDKs)", async () => {
    const env = {
      HOME: home,
      AWS_PROFILE: "work",
      AWS_ACCESS_KEY_ID: "AKIAENV",
      AWS_SECRET_ACCESS_KEY: "env-secret-value",
    };
    await expect(resolveAwsEc2Credentials({ env })).resolves.toMatchObject({
      accessKeyId: "AKIAWORK",
      sessionToken: "work-session-token",
    });
    await expect(resolveAwsEc2Credentials({ env: { HOME: home }, profile: "work" })).resolves.toMatchObject({
      accessKeyId: "AKIAWORK",
    });
  });

  it("respects AWS_SHARED_CREDENTIALS_FILE", async () => {
    await expect(
      resolveAwsEc2Credentials({ env: { HOME: home, AWS_SHARED_CREDENTIALS_FILE: join(home, "other-credentials") } }),
    ).resolves.toMatchObject({ accessKeyId: "AKIAOTHER" });
  });

  it("calls a credential provider function and keeps only the credential fields", async () => {
    const expiration = new Date(Date.now() + 3_600_000);
    const provider = async () => ({
      accessKeyId: "ASIAPROVIDER",
      secretAccessKey: "provider-secret",
      sessionToken: "provider-token",
      expiration,
      $source: {},
    });
    await expect(resolveAwsEc2Credentials({ credentials: provider, env: {} })).resolves.toEqual({
      accessKeyId: "ASIAPROVIDER",
      secretAccessKey: "provider-secret",
      sessionToken: "provider-token",
      expiration,
      source: "credential provider",
    });
  });

  it.each([
    [
      "nothing anywhere",
      () => ({ env: { HOME: join(home, "nowhere") } }),
      /No AWS credentials found\. Looked for: settings\.credentials; environment AWS_ACCESS_KEY_ID \+ AWS_SECRET_ACCESS_KEY; profile "default" in .* \(file not found\)/,
    ],
    [
      "an unknown profile",
      () => ({ env: { HOME: home, AWS_PROFILE: "missing" } }),
      /profile "missing" in .* \(no such profile\)/,
    ],
    [
      "a profile without keys",
      () => ({ env: { HOME: home }, profile: "sso" }),
      /profile "sso" in .* lacks aws_access_key_id and aws_secret_access_key/,
    ],
    [
      "half an environment pair",
      () => ({ env: { HOME: home, AWS_SECRET_ACCESS_KEY: "env-secret-value" } }),
      /AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not/,
    ],
    [
      "a failing provider",
      () => ({ env: {}, credentials: async () => Promise.reject(new Error("SSO session expired")) }),
      /credential provider function failed: SSO session expired/,
    ],
    [
      "a provider resolving nonsense",
      () => ({ env: {}, credentials: async () => ({ accessKeyId: "" }) as never }),
      /did not resolve to \{ accessKeyId, secretAccessKey/,
    ],
  ])(
    "rejects %s with UNAUTHENTICATED naming what it looked for, never a value",
    async (_label, input: () => ResolveAwsEc2CredentialsInput, message) => {
      const error = await rejection(resolveAwsEc2Credentials(input()));
      expect(error).toMatchObject({
        code: "UNAUTHENTICATED",
        provider: "aws-ec2",
        details: { lookedFor: expect.any(Array) },
      });
      expect(error.message).toMatch(message);
      expectNoSecrets(error, SECRETS, "credential error");
    },
  );
});
