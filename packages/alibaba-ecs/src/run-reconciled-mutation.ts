import { IpAllocatorError, runWithRetry, toIpAllocatorError, type RetryOutcome } from "@polycloud/core";
import type { AlibabaEcsOperation } from "./alibaba-ecs-operation.js";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";

/** A mutation whose effect can be read back, so a lost answer is never retried blindly. @internal */
export interface ReconciledMutation<T> {
  /** ECS action, for messages. */
  action: string;
  /** Resource the mutation targets (the instance id). */
  resourceId: string;
  /** One attempt of the mutation. */
  mutate(attempt: number): Promise<T>;
  /** Reads the resource: the result when the mutation's effect is visible, undefined when it definitely did not happen. */
  readBack(): Promise<T | undefined>;
  /** Provider answers meaning "already done" (e.g. `AllocatedAlready`): read back instead of failing. */
  isAlreadyDone?(error: IpAllocatorError): boolean;
}

/**
 * Runs a mutation under the retry policy with reconciliation: after an ambiguous failure (lost response,
 * timeout, 5xx, unreadable answer) it reads the resource back before anything else. Visible effect → that
 * result (`reconciled: true`); definitely no effect → the failure counts as unambiguous and is retried only if
 * retryable; cannot tell (read failed, or the caller aborted) → OUTCOME_UNKNOWN carrying the cause.
 * @internal
 */
export function runReconciledMutation<T>(operation: AlibabaEcsOperation, mutation: ReconciledMutation<T>): Promise<RetryOutcome<{ value: T; reconciled: boolean }>> {
  const context = { provider: ALIBABA_ECS_PROVIDER, operation: operation.name };
  return runWithRetry(
    async (attempt) => {
      try {
        return { value: await mutation.mutate(attempt), reconciled: false };
      } catch (thrown) {
        const error = toIpAllocatorError(thrown, context);
        const alreadyDone = mutation.isAlreadyDone?.(error) ?? false;
        if (!alreadyDone && !error.ambiguous) throw error;
        if (operation.signal.aborted) throw createOutcomeUnknownError(operation, mutation, error);
        operation.logger.warn(`${ALIBABA_ECS_PROVIDER}: ${mutation.action} answered ${error.providerCode ?? error.code}; reading ${mutation.resourceId} back`, { requestId: error.requestId });
        let value: T | undefined;
        try {
          value = await mutation.readBack();
        } catch (readError) {
          throw createOutcomeUnknownError(operation, mutation, error, toIpAllocatorError(readError, context));
        }
        if (value !== undefined) return { value, reconciled: true };
        // The read-back proves nothing changed, so the failure is now a definite one.
        throw new IpAllocatorError({ ...error.toOptions(), ambiguous: false, details: { ...error.details, reconciliation: `${mutation.resourceId} read back unchanged` } });
      }
    },
    { provider: ALIBABA_ECS_PROVIDER, operation: operation.name, retry: operation.retry, clock: operation.clock, random: operation.random, signal: operation.signal, hooks: operation.hooks, shouldRetry: isPlainlyRetryable },
  );
}

/** Mutations retry only failures that certainly did not take effect: ambiguous ones are reconciled instead. */
function isPlainlyRetryable(error: IpAllocatorError): boolean {
  return error.retryable && !error.ambiguous;
}

function createOutcomeUnknownError<T>(operation: AlibabaEcsOperation, mutation: ReconciledMutation<T>, error: IpAllocatorError, readError?: IpAllocatorError): IpAllocatorError {
  const readPart = readError === undefined ? "the operation was stopped before it could be read back" : `reading it back failed (${readError.code}: ${readError.message})`;
  return new IpAllocatorError({
    code: "OUTCOME_UNKNOWN",
    message: `${mutation.action} on ${mutation.resourceId} may or may not have taken effect (${error.code}: ${error.message}); ${readPart}. Describe ${mutation.resourceId} before trying again.`,
    provider: ALIBABA_ECS_PROVIDER,
    operation: operation.name,
    providerCode: error.providerCode,
    httpStatus: error.httpStatus,
    requestId: error.requestId,
    ambiguous: true,
    retryable: false,
    details: { action: mutation.action, resourceId: mutation.resourceId, ...(readError === undefined ? {} : { readBackError: readError.toJSON() }) },
    cause: error,
  });
}
