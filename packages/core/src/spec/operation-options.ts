import type { IpAllocatorError } from "../errors/ip-allocator-error.js";
import type { RetryOptions } from "../retry/retry-options.js";

/** A request as it left polycloud, with credentials, signatures and tokens already masked. @public */
export interface RequestEvent {
  provider: string;
  operation: string;
  attempt: number;
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  /** Body text with secret-looking fields masked; undefined for an empty body. */
  body?: string;
}

/** A response as received (headers masked the same way as requests). @public */
export interface ResponseEvent {
  provider: string;
  operation: string;
  attempt: number;
  status: number;
  requestId?: string;
  durationMs: number;
}

/** Emitted before polycloud sleeps and retries. @public */
export interface RetryEvent {
  provider: string;
  operation: string;
  /** The attempt that failed (1-based). */
  attempt: number;
  delayMs: number;
  error: IpAllocatorError;
}

/** Observers for one operation; they must not throw (errors they throw are ignored). @public */
export interface OperationHooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
}

/** Per-call options accepted by every IpAllocator method. @public */
export interface OperationOptions {
  /** Aborts the operation; the method rejects with CANCELLED (or OUTCOME_UNKNOWN for a mutation in flight). */
  signal?: AbortSignal;
  /** Deadline for the whole operation, retries and polling included; rejects with TIMEOUT. */
  timeoutMs?: number;
  /** Overrides the allocator's retry settings for this call; `false` disables retries. */
  retry?: Partial<RetryOptions> | false;
  hooks?: OperationHooks;
}

/** Options of `waitUntilReady`. @public */
export interface WaitOptions extends OperationOptions {
  /** First delay between polls; later polls back off with jitter up to `maxPollIntervalMs`. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
}
