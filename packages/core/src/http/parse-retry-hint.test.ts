import { describe, expect, it } from "vitest";
import { parseRetryHint, type RetryHintHeader } from "./parse-retry-hint.js";

const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
const nowSeconds = now / 1000;

describe("parseRetryHint", () => {
  it("reads Retry-After as delta seconds or as an HTTP date relative to now (a past date gives 0)", () => {
    expect(parseRetryHint({ "retry-after": "2" }, now)).toBe(2_000);
    expect(parseRetryHint({ "retry-after": " 0.5 " }, now)).toBe(500);
    expect(parseRetryHint({ "retry-after": "Wed, 21 Oct 2015 07:28:05 GMT" }, now)).toBe(5_000);
    expect(parseRetryHint({ "retry-after": "Wed, 21 Oct 2015 07:27:00 GMT" }, now)).toBe(0);
  });

  it("reads RateLimit-Reset as delta seconds", () => {
    expect(parseRetryHint({ "ratelimit-reset": "5" }, now)).toBe(5_000);
    expect(parseRetryHint({ "ratelimit-reset": "1.25" }, now)).toBe(1_250);
  });

  it("reads X-RateLimit-Reset epoch seconds relative to now (a past instant gives 0)", () => {
    expect(parseRetryHint({ "x-ratelimit-reset": String(nowSeconds + 30) }, now)).toBe(30_000);
    expect(parseRetryHint({ "x-ratelimit-reset": String(nowSeconds - 30) }, now)).toBe(0);
    expect(parseRetryHint({ "x-ratelimit-reset": "7" }, now)).toBe(7_000); // small values are deltas
  });

  it("prefers Retry-After, then RateLimit-Reset, then X-RateLimit-Reset", () => {
    expect(parseRetryHint({ "retry-after": "1", "ratelimit-reset": "2", "x-ratelimit-reset": "3" }, now)).toBe(1_000);
    expect(parseRetryHint({ "ratelimit-reset": "2", "x-ratelimit-reset": "3" }, now)).toBe(2_000);
  });

  it("tries an adapter's header first, in its unit (milliseconds here)", () => {
    const extra: RetryHintHeader[] = [{ name: "x-acs-retry-after", unit: "milliseconds" }];
    expect(parseRetryHint({ "x-acs-retry-after": "1500", "retry-after": "9" }, now, extra)).toBe(1_500);
    expect(parseRetryHint({ "x-acs-retry-after": "1500.6" }, now, extra)).toBe(1_501);
    expect(parseRetryHint({ "retry-after": "9" }, now, extra)).toBe(9_000); // absent: the standard headers still count
    expect(parseRetryHint({ "x-acs-retry-after": "1500" }, now)).toBeUndefined(); // not declared: not read
  });

  it("ignores unreadable values and falls through to the next header", () => {
    expect(parseRetryHint({ "retry-after": "soon", "ratelimit-reset": "3" }, now)).toBe(3_000);
    expect(parseRetryHint({ "retry-after": "   ", "ratelimit-reset": "3s", "x-ratelimit-reset": "4" }, now)).toBe(
      4_000,
    );
    expect(
      parseRetryHint({ "x-acs-retry-after": "1.5s", "retry-after": "2" }, now, [
        { name: "x-acs-retry-after", unit: "milliseconds" },
      ]),
    ).toBe(2_000);
    expect(
      parseRetryHint({ "retry-after": "abc", "ratelimit-reset": "-5", "x-ratelimit-reset": "" }, now),
    ).toBeUndefined();
  });

  it("ignores a Retry-After that is neither delta seconds nor an HTTP date, even when Date.parse accepts it", () => {
    // V8's lenient Date.parse reads "-1" and "1.5.3" as dates in 2001/2003, i.e. "retry now" (0 ms): a malformed
    // hint would replace the backoff by an immediate retry, and hide the readable header after it.
    expect(parseRetryHint({ "retry-after": "-1", "x-ratelimit-reset": "4" }, now)).toBe(4_000);
    expect(parseRetryHint({ "retry-after": "1.5.3" }, now)).toBeUndefined();
  });

  it("returns undefined when no hint header is present", () => {
    expect(parseRetryHint({}, now)).toBeUndefined();
    expect(
      parseRetryHint({ "content-type": "application/json" }, now, [
        { name: "x-acs-retry-after", unit: "milliseconds" },
      ]),
    ).toBeUndefined();
  });
});
