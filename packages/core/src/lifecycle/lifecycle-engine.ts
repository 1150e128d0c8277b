import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { toIpAllocatorError } from "../errors/to-ip-allocator-error.js";
import type { OperationOptions } from "../spec/operation-options.js";
import { Operation, type OperationEnvironment } from "./operation.js";
import { DEFAULT_OPERATION_TIMEOUT_MS, validateOperationOptions } from "./validate-operation-options.js";

/** Settings of {@link LifecycleEngine}. @public */
export interface LifecycleEngineOptions extends OperationEnvironment {
  /** Deadline of an operation whose call sets no `timeoutMs`. Default {@link DEFAULT_OPERATION_TIMEOUT_MS} (120 s). */
  readonly defaultTimeoutMs?: number;
  /** Frees what the allocator owns (its dispatcher, queued rate-limit slots); called once by `close()`. */
  readonly onClose?: () => Promise<void> | void;
}

/**
 * The operation frame every allocator method runs in: refused once closed, options validated before anything
 * is sent, one deadline for the whole call (retries, read-backs and polls included), the caller's signal,
 * the retry policy, hooks, typed errors only, and cleanup. Calls that share an idempotency key run one after
 * the other within one allocator ({@link LifecycleEngine.serialize}).
 * @public
 */
export class LifecycleEngine {
  readonly environment: OperationEnvironment;
  private readonly defaultTimeoutMs: number;
  private readonly onClose: (() => Promise<void> | void) | undefined;
  private readonly keyed = new Map<string, Promise<unknown>>();
  private closing: Promise<void> | undefined;

  constructor(options: LifecycleEngineOptions) {
    this.environment = {
      provider: options.provider,
      clock: options.clock,
      random: options.random,
      logger: options.logger,
      retry: options.retry,
    };
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
    this.onClose = options.onClose;
  }

  /** Provider name. */
  get provider(): string {
    return this.environment.provider;
  }

  /** True once `close()` was called. */
  get closed(): boolean {
    return this.closing !== undefined;
  }

  /**
   * Runs `body` as operation `name`. `defaultTimeoutMs` overrides the engine's default for this kind of
   * operation (a wait may be longer than an allocate). Rejects only with `IpAllocatorError`.
   */
  async run<T>(
    name: string,
    options: OperationOptions | undefined,
    body: (operation: Operation) => Promise<T>,
    defaultTimeoutMs = this.defaultTimeoutMs,
  ): Promise<T> {
    const context = { provider: this.provider, operation: name };
    if (this.closing !== undefined)
      throw new IpAllocatorError({
        code: "FAILED_PRECONDITION",
        message: `The ${this.provider} allocator is closed.`,
        ...context,
      });
    const validated = validateOperationOptions(options, context);
    const operation = new Operation(this.environment, name, validated, defaultTimeoutMs);
    try {
      // An already aborted call sends nothing (and so cannot have an unknown outcome).
      if (operation.signal.aborted) throw operation.signal.reason;
      return await body(operation);
    } catch (thrown) {
      throw toIpAllocatorError(thrown, context);
    } finally {
      operation.dispose();
    }
  }

  /**
   * Runs `task` after every earlier task with the same key has settled, or returns `reuse(earlier result)` when
   * that gives a value. Within one allocator, a second call with a key would otherwise look the key up before
   * the first allocation is listed, and allocate again (to release it when it converges).
   */
  async serialize<T>(
    key: string | undefined,
    task: () => Promise<T>,
    reuse?: (earlier: T) => T | undefined,
  ): Promise<T> {
    if (key === undefined) return task();
    const earlier = this.keyed.get(key) as Promise<T> | undefined;
    // A later call may take the earlier call's result (same request): no second allocation to converge away.
    const afterEarlier = (value: T) => reuse?.(value) ?? task();
    const current = earlier === undefined ? task() : earlier.then(afterEarlier, task);
    this.keyed.set(key, current);
    try {
      return await current;
    } finally {
      if (this.keyed.get(key) === current) this.keyed.delete(key);
    }
  }

  /** Refuses later calls and frees what the allocator owns, once; concurrent calls share the same promise. */
  close(): Promise<void> {
    this.closing ??= Promise.resolve().then(() => this.onClose?.());
    return this.closing;
  }
}
