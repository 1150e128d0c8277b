import { IpAllocatorError } from "../errors/ip-allocator-error.js";

// Failures where the request provably never reached the server: safe to retry even for mutations.
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_INVALID_URL",
  "UND_ERR_INVALID_ARG",
]);
const TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
]);

/**
 * Maps a transport failure (undici `UND_ERR_*`, Node system errors, aborts) to NETWORK, TIMEOUT, or the
 * abort signal's own typed reason. `ambiguous` is true unless the request provably never left.
 * @public
 */
export function mapNetworkError(
  thrown: unknown,
  context: { provider: string; operation: string; signal?: AbortSignal },
): IpAllocatorError {
  if (context.signal?.aborted && IpAllocatorError.isInstance(context.signal.reason)) {
    // The caller or the deadline stopped a request that may already have been processed.
    return new IpAllocatorError({ ...context.signal.reason.toOptions(), ambiguous: true, cause: thrown });
  }
  if (IpAllocatorError.isInstance(thrown)) return thrown;
  const code = findErrorCode(thrown);
  const ambiguous = code === undefined || !NOT_SENT_CODES.has(code);
  const isTimeout = code !== undefined && TIMEOUT_CODES.has(code);
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return new IpAllocatorError({
    code: isTimeout ? "TIMEOUT" : "NETWORK",
    message: `${context.operation} ${isTimeout ? "timed out" : "failed to reach the provider"}${code ? ` (${code})` : ""}: ${detail}`,
    provider: context.provider,
    operation: context.operation,
    ambiguous,
    details: code ? { networkCode: code } : {},
    cause: thrown,
  });
}

function findErrorCode(thrown: unknown): string | undefined {
  for (let current: unknown = thrown, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
