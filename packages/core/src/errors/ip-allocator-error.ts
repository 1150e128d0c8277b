import { ERROR_CODE_DEFAULTS, type IpAllocatorErrorCategory, type IpAllocatorErrorCode } from "./error-codes.js";

const MARKER = Symbol.for("polycloud.error");

/** One invalid field of a request or configuration. @public */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `providerOptions.alibaba-ecs.vlanId`. */
  readonly path: string;
  readonly message: string;
}

/** Constructor input of {@link IpAllocatorError}. @public */
export interface IpAllocatorErrorOptions {
  code: IpAllocatorErrorCode;
  message: string;
  /** Provider name, e.g. `alibaba-ecs`; `polycloud` for errors raised before a provider is chosen. */
  provider?: string;
  /** Neutral operation (`allocate`, `describe`, …) or provider action. */
  operation?: string;
  /** Overrides the code's default. */
  retryable?: boolean;
  category?: IpAllocatorErrorCategory;
  /** The provider's own error code, e.g. `Throttling.User`. */
  providerCode?: string;
  httpStatus?: number;
  requestId?: string;
  /** Attempts made before this error was thrown (1 when nothing was retried). */
  attempts?: number;
  totalRetryDelayMs?: number;
  /** Server-suggested delay before a retry, when the provider gave one. */
  retryAfterMs?: number;
  /** True when a request may have reached the provider and been processed (lost response). */
  ambiguous?: boolean;
  /** Invalid fields, for INVALID_ARGUMENT. */
  issues?: readonly FieldIssue[];
  /** Extra provider facts worth keeping (for example Alibaba's `Recommend` URL). Never secrets. */
  details?: Readonly<Record<string, unknown>>;
  cause?: unknown;
}

/**
 * The single error type every polycloud operation throws, whatever cloud it came from.
 * Discriminate on {@link IpAllocatorError.code}; use {@link IpAllocatorError.isInstance} rather than
 * `instanceof` so errors from a second copy of this package are recognised too.
 * @public
 */
export class IpAllocatorError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by isInstance through the Symbol.for key, across copies
  private readonly [MARKER] = true;
  override readonly name = "IpAllocatorError";
  readonly code: IpAllocatorErrorCode;
  readonly retryable: boolean;
  readonly category: IpAllocatorErrorCategory;
  readonly provider: string;
  readonly operation: string | undefined;
  readonly providerCode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly attempts: number;
  readonly totalRetryDelayMs: number;
  readonly retryAfterMs: number | undefined;
  readonly ambiguous: boolean;
  readonly issues: readonly FieldIssue[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(options: IpAllocatorErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    const defaults = ERROR_CODE_DEFAULTS[options.code];
    this.code = options.code;
    this.retryable = options.retryable ?? defaults.retryable;
    this.category = options.category ?? defaults.category;
    this.provider = options.provider ?? "polycloud";
    this.operation = options.operation;
    this.providerCode = options.providerCode;
    this.httpStatus = options.httpStatus;
    this.requestId = options.requestId;
    this.attempts = options.attempts ?? 1;
    this.totalRetryDelayMs = options.totalRetryDelayMs ?? 0;
    this.retryAfterMs = options.retryAfterMs;
    this.ambiguous = options.ambiguous ?? false;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }

  /** True for any polycloud error, including one created by another copy of `@polycloud/core`. */
  static isInstance(value: unknown): value is IpAllocatorError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }

  /** True when `value` is a polycloud error with the given code. */
  static hasCode(value: unknown, code: IpAllocatorErrorCode): value is IpAllocatorError {
    return IpAllocatorError.isInstance(value) && value.code === code;
  }

  /** A copy with attempt metadata filled in, used by the retry loop when it gives up. */
  withAttempts(attempts: number, totalRetryDelayMs: number): IpAllocatorError {
    return new IpAllocatorError({ ...this.toOptions(), attempts, totalRetryDelayMs });
  }

  /** The constructor input that recreates this error. */
  toOptions(): IpAllocatorErrorOptions {
    return {
      code: this.code,
      message: this.message,
      provider: this.provider,
      operation: this.operation,
      retryable: this.retryable,
      category: this.category,
      providerCode: this.providerCode,
      httpStatus: this.httpStatus,
      requestId: this.requestId,
      attempts: this.attempts,
      totalRetryDelayMs: this.totalRetryDelayMs,
      retryAfterMs: this.retryAfterMs,
      ambiguous: this.ambiguous,
      issues: this.issues,
      details: this.details,
      cause: this.cause,
    };
  }

  /** Plain JSON: every field except the stack; `cause` is summarised as name, code and message. */
  toJSON(): Record<string, unknown> {
    const { issues, details, cause, ...fields } = this.toOptions();
    return {
      name: this.name,
      ...fields,
      issues: issues && issues.length > 0 ? issues : undefined,
      details: details && Object.keys(details).length > 0 ? details : undefined,
      cause: summariseCause(cause),
    };
  }
}

function summariseCause(cause: unknown): Record<string, unknown> | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (IpAllocatorError.isInstance(cause)) return cause.toJSON();
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return { name: cause.name, message: cause.message, ...(typeof code === "string" ? { code } : {}) };
  }
  return { message: String(cause) };
}
