import type { IpAllocatorErrorCode } from "./error-codes.js";

/**
 * Fallback for provider codes an adapter does not know: the HTTP status class decides.
 * @public
 */
export function mapHttpStatusToCode(status: number): IpAllocatorErrorCode {
  if (status === 400 || status === 422) return "INVALID_ARGUMENT";
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "PERMISSION_DENIED";
  if (status === 404 || status === 410) return "NOT_FOUND";
  if (status === 409) return "FAILED_PRECONDITION";
  if (status === 429) return "RATE_LIMITED";
  if (status === 408 || status === 504) return "TIMEOUT";
  if (status === 502 || status === 503) return "UNAVAILABLE";
  if (status === 501) return "UNSUPPORTED";
  if (status >= 500) return "INTERNAL";
  return status >= 400 ? "INVALID_ARGUMENT" : "INTERNAL";
}
