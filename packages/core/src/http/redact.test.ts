import { describe, expect, it } from "vitest";
import { createRedactor, redactHeaders, redactText, redactUrl } from "./redact.js";

describe("redaction", () => {
  it("masks credential headers but keeps the Authorization scheme", () => {
    expect(
      redactHeaders({
        authorization: "Bearer tok-123456",
        "x-acs-security-token": "t",
        "content-type": "application/json",
      }),
    ).toEqual({
      authorization: "Bearer [REDACTED]",
      "x-acs-security-token": "[REDACTED]",
      "content-type": "application/json",
    });
  });

  it("masks signature and token query parameters", () => {
    expect(redactUrl("https://h/?Action=A&Signature=s%2B1&SecurityToken=tok&InstanceId=i-1")).toBe(
      "https://h/?Action=A&Signature=[REDACTED]&SecurityToken=[REDACTED]&InstanceId=i-1",
    );
    expect(redactUrl("https://h/api")).toBe("https://h/api");
  });

  it("masks known secret values and secret-looking JSON fields in free text", () => {
    const text =
      'failed for key my-access-secret-value: {"password":"p@ss","token":"abc","zone":"SEL-A"} url ?Signature=xyz';
    const redacted = redactText(text, ["my-access-secret-value"]);
    expect(redacted).toBe(
      'failed for key [REDACTED]: {"password":"[REDACTED]","token":"[REDACTED]","zone":"SEL-A"} url ?Signature=[REDACTED]',
    );
  });

  it("binds secrets in a redactor used for headers and urls too", () => {
    const redactor = createRedactor(["secret-key-id-123"]);
    expect(redactor.headers({ "x-custom": "secret-key-id-123" })).toEqual({ "x-custom": "[REDACTED]" });
    expect(redactor.url("https://h/?AccessKeyId=secret-key-id-123")).toBe("https://h/?AccessKeyId=[REDACTED]");
  });
});
