import { describe, expect, it } from "vitest";
import { IP_ALLOCATOR_ERROR_CODES } from "./error-codes.js";
import { IpAllocatorError } from "./ip-allocator-error.js";

describe("IpAllocatorError", () => {
  it("is recognised across two copies of the module (Symbol.for marker, not instanceof)", async () => {
    // A query string makes vite load a second, independent instance of the module.
    const secondCopyPath = "./ip-allocator-error.js?second-copy";
    const secondCopy = (await import(/* @vite-ignore */ secondCopyPath)) as typeof import("./ip-allocator-error.js");
    const foreign = new secondCopy.IpAllocatorError({ code: "NOT_FOUND", message: "gone" });
    expect(secondCopy.IpAllocatorError).not.toBe(IpAllocatorError);
    expect(foreign instanceof IpAllocatorError).toBe(false);
    expect(IpAllocatorError.isInstance(foreign)).toBe(true);
    expect(IpAllocatorError.hasCode(foreign, "NOT_FOUND")).toBe(true);
    expect(IpAllocatorError.isInstance(new Error("plain"))).toBe(false);
    expect(IpAllocatorError.isInstance({ code: "NOT_FOUND" })).toBe(false);
  });

  it.each(IP_ALLOCATOR_ERROR_CODES)("%s has defaults for retryable and category", (code) => {
    const error = new IpAllocatorError({ code, message: "m" });
    expect(typeof error.retryable).toBe("boolean");
    expect(["throttling", "transient", "server", "client"]).toContain(error.category);
  });

  it("retries throttling and transient failures by default but never an unknown outcome", () => {
    expect(new IpAllocatorError({ code: "RATE_LIMITED", message: "" }).retryable).toBe(true);
    expect(new IpAllocatorError({ code: "NETWORK", message: "" }).retryable).toBe(true);
    expect(new IpAllocatorError({ code: "OUTCOME_UNKNOWN", message: "" }).retryable).toBe(false);
    expect(new IpAllocatorError({ code: "INVALID_ARGUMENT", message: "" }).retryable).toBe(false);
    expect(new IpAllocatorError({ code: "INTERNAL", message: "", retryable: true }).retryable).toBe(true);
  });

  it("serialises every field to plain JSON, summarising the cause", () => {
    const cause = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const error = new IpAllocatorError({
      code: "UNAVAILABLE",
      message: "try later",
      provider: "alibaba-ecs",
      operation: "allocate",
      providerCode: "ServiceUnavailable",
      httpStatus: 503,
      requestId: "req-1",
      attempts: 3,
      totalRetryDelayMs: 250,
      details: { recommend: "https://example.invalid" },
      cause,
    });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toEqual({
      name: "IpAllocatorError",
      code: "UNAVAILABLE",
      message: "try later",
      provider: "alibaba-ecs",
      operation: "allocate",
      retryable: true,
      category: "transient",
      providerCode: "ServiceUnavailable",
      httpStatus: 503,
      requestId: "req-1",
      attempts: 3,
      totalRetryDelayMs: 250,
      ambiguous: false,
      details: { recommend: "https://example.invalid" },
      cause: { name: "Error", message: "socket hang up", code: "ECONNRESET" },
    });
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("IpAllocatorError");
  });

  it("keeps everything but attempt metadata when copied by the retry loop", () => {
    const error = new IpAllocatorError({
      code: "RATE_LIMITED",
      message: "slow down",
      providerCode: "Throttling.User",
      httpStatus: 400,
    });
    const copy = error.withAttempts(4, 900);
    expect(copy).toMatchObject({
      code: "RATE_LIMITED",
      providerCode: "Throttling.User",
      httpStatus: 400,
      attempts: 4,
      totalRetryDelayMs: 900,
    });
  });
});
