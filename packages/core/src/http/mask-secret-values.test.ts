import { describe, expect, it } from "vitest";
import { createSecretMask, listSecretForms } from "./mask-secret-values.js";
import { listRequestSecrets } from "./list-request-secrets.js";

const SECRET = "Kx9/q+Zr7TbW2mPa4Lc8NvYe1Hs6Ud3F";

describe("secret masking", () => {
  const mask = createSecretMask([SECRET, undefined, "abc"]);

  it("masks the value as sent, percent-encoded, double-encoded and JSON-escaped", () => {
    for (const form of [SECRET, encodeURIComponent(SECRET), encodeURIComponent(encodeURIComponent(SECRET))]) {
      expect(mask(`id=${form};`)).toBe("id=[REDACTED];");
    }
    expect(createSecretMask(['a"b\\c-secret-value'])(JSON.stringify({ echo: 'a"b\\c-secret-value' }))).toBe(
      '{"echo":"[REDACTED]"}',
    );
  });

  it("masks base64 of the secret and of id:secret (HTTP Basic), whatever the id's length", () => {
    for (const id of ["", "k", "ke", "key-id-123"]) {
      const encoded = Buffer.from(`${id}${id ? ":" : ""}${SECRET}`).toString("base64");
      expect(mask(`Basic ${encoded}`)).not.toContain(encoded.slice(8, 28));
    }
  });

  it("masks a fragment of 12 or more characters (a truncated echo, a secret split across two fields)", () => {
    expect(mask(`RequestId=${SECRET.slice(0, 16)} HostId=${SECRET.slice(16)}`)).toBe(
      "RequestId=[REDACTED] HostId=[REDACTED]",
    );
    expect(mask(`x${SECRET}y${SECRET}z`)).toBe("x[REDACTED]y[REDACTED]z");
  });

  it("leaves unrelated text, short fragments and values under 6 characters alone", () => {
    expect(mask(`abc and ${SECRET.slice(0, 11)} stay`)).toBe(`abc and ${SECRET.slice(0, 11)} stay`);
    expect(mask("")).toBe("");
    expect(createSecretMask([])("text")).toBe("text");
  });

  it("masks a short secret only as a whole", () => {
    expect(createSecretMask(["s3cr3t!"])("x s3cr3t! y s3cr3t%21")).toBe("x [REDACTED] y [REDACTED]");
  });

  it("lists no form shorter than a maskable value", () => {
    expect(listSecretForms("abcdefg").every((form) => form.length >= 6)).toBe(true);
  });
});

describe("a request's own secrets", () => {
  it("are the signatures of the Authorization header, the credential of a Bearer header, and signature parameters", () => {
    expect(
      listRequestSecrets({
        method: "POST",
        url: "https://h/",
        headers: {
          Authorization:
            "ZC2-HMAC-SHA256 Credential=key/20260101/zenlayer/zc2_request, SignedHeaders=content-type;host, Signature=abcdef0123456789",
        },
      }),
    ).toEqual(["abcdef0123456789"]);
    expect(
      listRequestSecrets({ method: "POST", url: "https://h/", headers: { authorization: "Bearer tok-123456" } }),
    ).toEqual(["tok-123456"]);
    expect(listRequestSecrets({ method: "GET", url: "https://h/?Action=A&Signature=s%2B1%3D", headers: {} })).toEqual([
      "s+1=",
    ]);
    expect(
      listRequestSecrets({
        method: "POST",
        url: "https://h/",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "Action=A&Signature=sig-in-body",
      }),
    ).toEqual(["sig-in-body"]);
  });
});
