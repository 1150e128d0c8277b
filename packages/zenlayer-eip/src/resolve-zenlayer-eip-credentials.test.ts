import { IpAllocatorError } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { resolveZenlayerEipCredentials } from "./resolve-zenlayer-eip-credentials.js";

function rejectionOf(run: () => unknown): IpAllocatorError {
  try {
    run();
  } catch (thrown) {
    if (IpAllocatorError.isInstance(thrown)) return thrown;
    throw thrown;
  }
  throw new Error("expected a rejection");
}

describe("resolveZenlayerEipCredentials", () => {
  const environment = {
    ZENLAYER_ACCESS_KEY_ID: "env-id",
    ZENLAYER_ACCESS_KEY_SECRET: "env-secret",
    ZENLAYER_TOKEN: "env-token",
  };

  it("prefers explicit settings over the environment", () => {
    expect(resolveZenlayerEipCredentials({ token: "explicit-token" }, environment)).toEqual({
      credentials: { token: "explicit-token" },
      source: "settings",
    });
  });

  it("reads the access key pair from the environment before the token, trimming pasted newlines", () => {
    expect(
      resolveZenlayerEipCredentials(undefined, { ...environment, ZENLAYER_ACCESS_KEY_SECRET: "env-secret\n" }),
    ).toEqual({
      credentials: { accessKeyId: "env-id", accessKeySecret: "env-secret" },
      source: "environment",
    });
  });

  it("falls back to ZENLAYER_TOKEN", () => {
    expect(
      resolveZenlayerEipCredentials(undefined, { ZENLAYER_TOKEN: "env-token", ZENLAYER_ACCESS_KEY_ID: "" }),
    ).toEqual({ credentials: { token: "env-token" }, source: "environment" });
  });

  it("rejects UNAUTHENTICATED naming everything it looked for", () => {
    const error = rejectionOf(() => resolveZenlayerEipCredentials(undefined, {}));
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", provider: "zenlayer-eip", retryable: false });
    for (const name of [
      "settings.credentials",
      "ZENLAYER_ACCESS_KEY_ID",
      "ZENLAYER_ACCESS_KEY_SECRET",
      "ZENLAYER_TOKEN",
    ])
      expect(error.message).toContain(name);
  });

  it("names the missing half of a pair without echoing the half that is set", () => {
    const error = rejectionOf(() =>
      resolveZenlayerEipCredentials(undefined, { ZENLAYER_ACCESS_KEY_ID: "visible-id-value" }),
    );
    expect(error.message).toContain("ZENLAYER_ACCESS_KEY_SECRET is not set");
    expect(JSON.stringify(error)).not.toContain("visible-id-value");
    const other = rejectionOf(() =>
      resolveZenlayerEipCredentials(undefined, { ZENLAYER_ACCESS_KEY_SECRET: "hidden-secret-value" }),
    );
    expect(other.message).toContain("ZENLAYER_ACCESS_KEY_ID is not set");
    expect(JSON.stringify(other)).not.toContain("hidden-secret-value");
  });
});
