import { IpAllocatorError } from "./ip-allocator-error.js";

/**
 * Normalises anything thrown into an `IpAllocatorError`: polycloud errors pass through, anything else
 * becomes INTERNAL with the original as `cause` (a bug or an unexpected library failure).
 * @public
 */
export function toIpAllocatorError(
  thrown: unknown,
  context: { provider?: string; operation?: string } = {},
): IpAllocatorError {
  if (IpAllocatorError.isInstance(thrown)) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new IpAllocatorError({
    code: "INTERNAL",
    message: `Unexpected failure: ${message}`,
    provider: context.provider,
    operation: context.operation,
    cause: thrown,
  });
}
