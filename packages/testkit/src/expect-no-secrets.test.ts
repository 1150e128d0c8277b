import { IpAllocatorError } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { expectNoSecrets } from "./expect-no-secrets.js";

const SECRET = "s3cr3t/Value+42";

describe("expectNoSecrets", () => {
  it("passes values that do not contain a secret", () => {
    expect(() => expectNoSecrets({ headers: { authorization: "Bearer [REDACTED]" } }, [SECRET])).not.toThrow();
    expect(() =>
      expectNoSecrets(new IpAllocatorError({ code: "UNAUTHENTICATED", message: "bad key" }), [SECRET, ""]),
    ).not.toThrow();
  });

  it.each([
    ["a string", `token=${SECRET}`],
    ["a nested value", { events: [{ headers: { "x-token": SECRET } }] }],
    ["an object key", { [SECRET]: true }],
    ["a URL-encoded query", `https://api.example/?Signature=${encodeURIComponent(SECRET)}`],
    [
      "an error's cause",
      new IpAllocatorError({ code: "INTERNAL", message: "failed", cause: new Error(`body: ${SECRET}`) }),
    ],
    [
      "an error's details (toJSON)",
      new IpAllocatorError({ code: "INTERNAL", message: "failed", details: { body: SECRET } }),
    ],
    ["a Map", new Map([["token", SECRET]])],
  ])("finds a secret in %s and masks it in the report", (_label, value) => {
    let report = "";
    try {
      expectNoSecrets(value, ["other-secret", SECRET], "subject");
    } catch (error) {
      report = (error as Error).message;
    }
    expect(report).toMatch(/^subject leaks 1 secret\(s\):\nsecret #2 appears in: /);
    expect(report).not.toContain(SECRET);
    expect(report).not.toContain(encodeURIComponent(SECRET));
  });

  it("walks circular structures", () => {
    const circular: Record<string, unknown> = { name: "loop" };
    circular.self = circular;
    expect(() => expectNoSecrets(circular, [SECRET])).not.toThrow();
    circular.leak = SECRET;
    expect(() => expectNoSecrets(circular, [SECRET])).toThrow(/secret #1/);
  });
});
