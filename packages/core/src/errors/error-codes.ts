/**
 * Neutral error codes, modelled on `google.rpc.Code` with the sub-reasons an IP allocator needs
 * (RATE_LIMITED apart from RESOURCE_EXHAUSTED, OUTCOME_UNKNOWN apart from TIMEOUT).
 * @public
 */
export const IP_ALLOCATOR_ERROR_CODES = [
  "INVALID_ARGUMENT",
  "UNAUTHENTICATED",
  "PERMISSION_DENIED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "FAILED_PRECONDITION",
  "RESOURCE_EXHAUSTED",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "TIMEOUT",
  "NETWORK",
  "CANCELLED",
  "OUTCOME_UNKNOWN",
  "UNSUPPORTED",
  "INTERNAL",
] as const;

/** One of {@link IP_ALLOCATOR_ERROR_CODES}. @public */
export type IpAllocatorErrorCode = (typeof IP_ALLOCATOR_ERROR_CODES)[number];

/**
 * Smithy-style classification that retry strategies read: throttling and transient errors are
 * retried with backoff, server errors may be, client errors never are.
 * @public
 */
export type IpAllocatorErrorCategory = "throttling" | "transient" | "server" | "client";

interface CodeDefaults {
  readonly retryable: boolean;
  readonly category: IpAllocatorErrorCategory;
  readonly summary: string;
}

/**
 * Defaults per code. Adapters may override `retryable` for a specific provider answer
 * (for example an INTERNAL error the provider documents as "please retry").
 * @public
 */
export const ERROR_CODE_DEFAULTS: Readonly<Record<IpAllocatorErrorCode, CodeDefaults>> = {
  INVALID_ARGUMENT: { retryable: false, category: "client", summary: "The request or configuration is invalid." },
  UNAUTHENTICATED: { retryable: false, category: "client", summary: "Credentials are missing, unknown or wrong." },
  PERMISSION_DENIED: {
    retryable: false,
    category: "client",
    summary: "The credentials may not perform this operation.",
  },
  NOT_FOUND: { retryable: false, category: "client", summary: "The resource does not exist." },
  ALREADY_EXISTS: { retryable: false, category: "client", summary: "The resource already exists." },
  FAILED_PRECONDITION: {
    retryable: false,
    category: "client",
    summary: "The resource is not in a state that allows this operation.",
  },
  RESOURCE_EXHAUSTED: { retryable: false, category: "client", summary: "A quota, balance or stock is exhausted." },
  RATE_LIMITED: { retryable: true, category: "throttling", summary: "The provider throttled the request." },
  UNAVAILABLE: { retryable: true, category: "transient", summary: "The provider is temporarily unavailable." },
  TIMEOUT: { retryable: true, category: "transient", summary: "The operation did not finish in time." },
  NETWORK: { retryable: true, category: "transient", summary: "The connection failed." },
  CANCELLED: { retryable: false, category: "client", summary: "The caller aborted the operation." },
  OUTCOME_UNKNOWN: { retryable: false, category: "server", summary: "A mutation may or may not have happened." },
  UNSUPPORTED: { retryable: false, category: "client", summary: "The provider does not support this operation." },
  INTERNAL: { retryable: false, category: "server", summary: "The provider failed or answered something unreadable." },
};
