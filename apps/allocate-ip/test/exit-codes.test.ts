import { IP_ALLOCATOR_ERROR_CODES, IpAllocatorError } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { EXIT_CODE_TABLE, exitCodeFor, exitCodeForError } from "../src/index.js";
import { listUnmappedErrorCodes } from "../src/cli/exit-codes.js";

describe("exit codes", () => {
  it("give every core error code exactly one documented exit code", () => {
    expect(listUnmappedErrorCodes()).toEqual([]);
    const listed = EXIT_CODE_TABLE.flatMap((row) => row.codes);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.toSorted()).toEqual([...IP_ALLOCATOR_ERROR_CODES].toSorted());
  });

  it.each([
    ["INVALID_ARGUMENT", 2],
    ["UNAUTHENTICATED", 3],
    ["PERMISSION_DENIED", 3],
    ["NOT_FOUND", 4],
    ["FAILED_PRECONDITION", 4],
    ["ALREADY_EXISTS", 4],
    ["RESOURCE_EXHAUSTED", 5],
    ["RATE_LIMITED", 6],
    ["UNAVAILABLE", 6],
    ["TIMEOUT", 6],
    ["NETWORK", 6],
    ["OUTCOME_UNKNOWN", 7],
    ["CANCELLED", 8],
    ["UNSUPPORTED", 9],
    ["INTERNAL", 1],
    ["SOMETHING_NEW", 1],
  ])("%s exits %i", (code, exitCode) => {
    expect(exitCodeFor(code)).toBe(exitCode);
  });

  it.each([
    [
      "a provider 5xx that exhausted the retries (retryable INTERNAL)",
      { code: "INTERNAL", retryable: true, httpStatus: 500 },
      6,
    ],
    ["an unreadable 2xx answer", { code: "INTERNAL", retryable: true, httpStatus: 200 }, 1],
    ["a bug", { code: "INTERNAL" }, 1],
    ["a 5xx the provider says not to retry", { code: "INTERNAL", retryable: false, httpStatus: 500 }, 1],
    ["UNAVAILABLE", { code: "UNAVAILABLE", httpStatus: 503 }, 6],
  ] as const)("%s exits %i", (_label, options, exitCode) => {
    expect(exitCodeForError(new IpAllocatorError({ message: "m", ...options }))).toBe(exitCode);
  });
});
