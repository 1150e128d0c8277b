import { IP_ALLOCATOR_ERROR_CODES, type IpAllocatorErrorCode } from "@polycloud/core";

/** One row of the exit-code table: the process exit code, the error codes it covers, what it means. @public */
export interface ExitCodeRow {
  exitCode: number;
  codes: readonly IpAllocatorErrorCode[];
  meaning: string;
}

/**
 * The CLI's exit codes by error category. Scripts branch on these; the README and `--help` print this
 * table. Usage errors (unknown flag, missing argument) exit 2 like INVALID_ARGUMENT.
 * @public
 */
export const EXIT_CODE_TABLE: readonly ExitCodeRow[] = [
  { exitCode: 0, codes: [], meaning: "success" },
  { exitCode: 1, codes: ["INTERNAL"], meaning: "internal or unexpected error (a bug, an unreadable answer)" },
  { exitCode: 2, codes: ["INVALID_ARGUMENT"], meaning: "usage error, invalid flag, request or configuration" },
  {
    exitCode: 3,
    codes: ["UNAUTHENTICATED", "PERMISSION_DENIED"],
    meaning: "credentials missing, wrong or not allowed",
  },
  {
    exitCode: 4,
    codes: ["NOT_FOUND", "FAILED_PRECONDITION", "ALREADY_EXISTS"],
    meaning: "resource missing or in the wrong state",
  },
  { exitCode: 5, codes: ["RESOURCE_EXHAUSTED"], meaning: "quota, balance or stock exhausted" },
  {
    exitCode: 6,
    codes: ["RATE_LIMITED", "UNAVAILABLE", "TIMEOUT", "NETWORK"],
    meaning:
      "transient (throttled, unavailable, timed out, network, or a provider server error (HTTP 5xx) still failing after the retries, which is a retryable INTERNAL): retry later",
  },
  {
    exitCode: 7,
    codes: ["OUTCOME_UNKNOWN"],
    meaning: "an allocation may or may not have happened: describe before retrying",
  },
  { exitCode: 8, codes: ["CANCELLED"], meaning: "cancelled, e.g. by Ctrl-C" },
  { exitCode: 9, codes: ["UNSUPPORTED"], meaning: "the provider does not support this operation" },
];

/** Exit code of a usage error reported by the argument parser. @public */
export const USAGE_EXIT_CODE = 2;

const EXIT_CODE_BY_ERROR_CODE = new Map(
  EXIT_CODE_TABLE.flatMap((row) => row.codes.map((code) => [code, row.exitCode] as const)),
);

/** The process exit code for a polycloud error code (1 for anything the table does not list). @public */
export function exitCodeFor(code: string): number {
  return EXIT_CODE_BY_ERROR_CODE.get(code as IpAllocatorErrorCode) ?? 1;
}

/** Exit code of the row the table calls transient. */
const TRANSIENT_EXIT_CODE = 6;

/**
 * The process exit code for an error: its code's row, except that a provider server failure (a retryable
 * INTERNAL answered with HTTP 5xx, which exhausted the retries) is transient like UNAVAILABLE. Every provider
 * answers its own 500s, so the same outage exits 6 whichever cloud it came from. @public
 */
export function exitCodeForError(error: { code: string; retryable?: boolean; httpStatus?: number | null }): number {
  if (
    error.code === "INTERNAL" &&
    error.retryable === true &&
    typeof error.httpStatus === "number" &&
    error.httpStatus >= 500
  )
    return TRANSIENT_EXIT_CODE;
  return exitCodeFor(error.code);
}

/** Error codes the table does not mention; empty as long as the table covers core's taxonomy. */
export function listUnmappedErrorCodes(): IpAllocatorErrorCode[] {
  return IP_ALLOCATOR_ERROR_CODES.filter((code) => !EXIT_CODE_BY_ERROR_CODE.has(code));
}
