import {
  CLOCK,
  HTTP_DISPATCHER,
  RateLimiter,
  createRedactor,
  inject,
  injectable,
  readHttpResponse,
  sendHttpRequest,
  type AttemptContext,
  type Clock,
  type Dispatcher,
  type HttpResponse,
  type Redactor,
} from "@polycloud/core";
import { IN_MEMORY_PROVIDER, type ResolvedInMemorySettings } from "./in-memory-settings.js";
import { IN_MEMORY_ENVIRONMENT, IN_MEMORY_SETTINGS, type InMemoryEnvironment } from "./in-memory-tokens.js";
import { IN_MEMORY_REQUEST_ID_HEADER, IN_MEMORY_RESPONSES } from "./map-in-memory-error.js";
import { resolveInMemoryCredentials } from "./resolve-in-memory-credentials.js";
import { signInMemoryRequest } from "./sign-in-memory-request.js";

/** The cloud's actions the adapter calls, spelled as on the wire. */
export type InMemoryAction = "AllocateIps" | "DescribeIp" | "ReleaseIp" | "ListIps";

/** A parsed answer and the cloud's request id (which `operation.call` records into the result's metadata). */
export interface InMemoryCallResult<T> {
  response: T;
  requestId: string | undefined;
}

/** The credential and the redactor that masks it, made together at the first call. */
interface Session {
  token: string;
  redactor: Redactor;
}

/**
 * Sends one request and reads its answer. It never retries: wire-call functions run it inside
 * `operation.call(...)`, which retries with the rule their operation allows.
 */
@injectable()
export class InMemoryClient {
  private readonly baseUrl: string;
  /** Admission control of the `rateLimit` setting: each attempt waits for a slot before it is sent. */
  private readonly rateLimiter: RateLimiter | undefined;
  private session: Session | undefined;

  constructor(
    @inject(IN_MEMORY_SETTINGS) private readonly settings: ResolvedInMemorySettings,
    @inject(HTTP_DISPATCHER) private readonly dispatcher: Dispatcher,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(IN_MEMORY_ENVIRONMENT) private readonly environment: InMemoryEnvironment,
  ) {
    this.baseUrl = settings.endpoint.replace(/\/+$/, "");
    this.rateLimiter = settings.rateLimit === undefined ? undefined : new RateLimiter(settings.rateLimit, clock);
  }

  /** Calls `action` with `parameters`; `parse` reads a 2xx body (undefined = unreadable, a typed INTERNAL). */
  async call<T>(
    action: InMemoryAction,
    parameters: Record<string, unknown>,
    parse: (json: unknown) => T | undefined,
    context: AttemptContext,
  ): Promise<InMemoryCallResult<T>> {
    const { token, redactor } = this.resolveSession(context.operation);
    const request = signInMemoryRequest({
      url: `${this.baseUrl}/v1/${action}`,
      body: JSON.stringify(parameters),
      token,
    });
    const releaseSlot = this.rateLimiter === undefined ? undefined : await this.rateLimiter.acquire(context.signal);
    let response: HttpResponse;
    try {
      response = await sendHttpRequest(request, {
        dispatcher: this.dispatcher,
        provider: IN_MEMORY_PROVIDER,
        operation: context.operation,
        attempt: context.attempt,
        signal: context.signal,
        hooks: context.hooks,
        redactor,
        requestIdHeader: IN_MEMORY_REQUEST_ID_HEADER,
        headersTimeoutMs: this.settings.requestTimeoutMs,
        bodyTimeoutMs: this.settings.requestTimeoutMs,
      });
    } finally {
      releaseSlot?.();
    }
    const value = readHttpResponse(
      response,
      IN_MEMORY_RESPONSES,
      { operation: context.operation, action, redactor, now: this.clock.now() },
      parse,
    );
    return { response: value, requestId: response.headers[IN_MEMORY_REQUEST_ID_HEADER] };
  }

  /** Fails the calls still waiting for a rate-limit slot (they have sent nothing). */
  rejectQueued(reason: unknown): void {
    this.rateLimiter?.rejectQueued(reason);
  }

  /** Credentials are resolved at the first call, and again after a failure (the environment may have changed). */
  private resolveSession(operation: string): Session {
    if (this.session !== undefined) return this.session;
    const { token } = resolveInMemoryCredentials(this.settings.accessToken, this.environment.env, operation);
    this.session = { token, redactor: createRedactor([token]) };
    return this.session;
  }
}
