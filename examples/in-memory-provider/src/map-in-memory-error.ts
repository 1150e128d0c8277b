import { IpAllocatorError, toIpAllocatorError, type IpAllocatorErrorCode, type Redactor } from "@polycloud/core";
import { InMemoryCloudError, type InMemoryCloudErrorCode } from "./in-memory-cloud.js";
import { IN_MEMORY_PROVIDER } from "./in-memory-settings.js";

interface MappedCode {
  code: IpAllocatorErrorCode;
  /** The request may have been processed although no answer arrived: the adapter must reconcile. */
  ambiguous?: boolean;
  /** The request field the provider rejected, for INVALID_ARGUMENT issues. */
  field?: string;
}

/** The provider's codes in polycloud's taxonomy. `retryable` comes from each code's defaults. */
export const IN_MEMORY_ERROR_CODES: Readonly<Record<InMemoryCloudErrorCode, MappedCode>> = {
  AuthFailure: { code: "UNAUTHENTICATED" },
  NotFound: { code: "NOT_FOUND" },
  InvalidZone: { code: "INVALID_ARGUMENT", field: "location.zone" },
  PoolExhausted: { code: "RESOURCE_EXHAUSTED" },
  IdempotencyMismatch: { code: "ALREADY_EXISTS" },
  ServiceBusy: { code: "UNAVAILABLE" },
  ConnectionLost: { code: "NETWORK", ambiguous: true },
};

/**
 * Maps anything a cloud call threw to an `IpAllocatorError`. Abort reasons are already typed (CANCELLED,
 * TIMEOUT) and pass through; cloud errors go through the table; anything else is INTERNAL.
 */
export function mapInMemoryError(thrown: unknown, context: { operation: string; redactor: Redactor }): IpAllocatorError {
  if (IpAllocatorError.isInstance(thrown)) return thrown;
  if (!(thrown instanceof InMemoryCloudError)) return toIpAllocatorError(thrown, { provider: IN_MEMORY_PROVIDER, operation: context.operation });
  const mapped = IN_MEMORY_ERROR_CODES[thrown.code];
  // Whatever the far side echoes is redacted: providers do repeat parameters in error messages.
  const message = context.redactor.text(thrown.message);
  return new IpAllocatorError({
    code: mapped.code,
    message: `${context.operation} failed: ${message}`,
    provider: IN_MEMORY_PROVIDER,
    operation: context.operation,
    providerCode: thrown.code,
    requestId: thrown.requestId,
    ambiguous: mapped.ambiguous ?? false,
    issues: mapped.field === undefined ? undefined : [{ path: mapped.field, message }],
  });
}
