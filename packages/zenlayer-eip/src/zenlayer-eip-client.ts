import {
  CLOCK,
  INSPECT_CUSTOM,
  checkResolvedCredentials,
  formatSafeSummary,
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
import type { z } from "zod";
import { ZENLAYER_RESPONSES } from "./map-zenlayer-eip-error.js";
import { ZenlayerSuccessEnvelopeSchema } from "./parse-zenlayer-eip-response.js";
import { resolveZenlayerEipCredentials } from "./resolve-zenlayer-eip-credentials.js";
import { signZenlayerEipRequest } from "./sign-zenlayer-eip-request.js";
import type { ZenlayerCredentials } from "./zenlayer-eip-settings.js";
import { toBmcUrl } from "./zenlayer-eip-settings.js";
import {
  ZENLAYER_EIP_ENVIRONMENT,
  ZENLAYER_EIP_SETTINGS,
  type ResolvedZenlayerEipSettings,
  type ZenlayerEipEnvironment,
} from "./zenlayer-eip-tokens.js";

/**
 * The bmc EIP actions the adapter calls, spelled as on the wire. Un-association is never sent: Terminate
 * unbinds an ASSOCIATED EIP itself (reference §4.1); its bmc spelling would be `UnAssociateEipAddress`.
 * @public
 */
export type ZenlayerEipAction =
  | "AllocateEipAddresses"
  | "DescribeEipAddresses"
  | "AssociateEipAddress"
  | "TerminateEipAddress"
  | "ReleaseEipAddresses";

/** A parsed `response` object and the request id. @public */
export interface ZenlayerCallResult<T> {
  response: T;
  requestId: string | undefined;
}

const CONTENT_TYPE = "application/json";

/**
 * Sends one bmc action: resolve the credentials (once, at the first call), serialise the parameters, sign
 * exactly those bytes (fresh timestamp per attempt), send them, and read the answer with core's response
 * handler and the adapter's error table. One call is one attempt: the operation retries.
 * @public
 */
@injectable()
export class ZenlayerEipClient {
  private readonly url: URL;
  /** Admission control of the `rateLimit` setting: every attempt waits for a slot before it is signed. */
  private readonly rateLimiter: RateLimiter | undefined;
  private signing: { credentials: ZenlayerCredentials; redactor: Redactor } | undefined;

  constructor(
    @inject(ZENLAYER_EIP_SETTINGS) private readonly settings: ResolvedZenlayerEipSettings,
    @inject(HTTP_DISPATCHER) private readonly dispatcher: Dispatcher,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(ZENLAYER_EIP_ENVIRONMENT) private readonly environment: ZenlayerEipEnvironment,
  ) {
    this.url = toBmcUrl(settings.endpoint);
    this.rateLimiter = settings.rateLimit === undefined ? undefined : new RateLimiter(settings.rateLimit, clock);
  }

  /** What `JSON.stringify` shows: the API origin, never credentials or the environment. */
  toJSON(): Record<string, unknown> {
    return { endpoint: this.url.origin };
  }

  /** What `console.log` and `util.inspect` show: the same safe summary. */
  [INSPECT_CUSTOM](): string {
    return formatSafeSummary("ZenlayerEipClient", this.toJSON());
  }

  /** Fails the calls still waiting for a rate-limit slot with `reason` (they have sent nothing). */
  rejectQueued(reason: unknown): void {
    this.rateLimiter?.rejectQueued(reason);
  }

  /** Calls `action` with `parameters` and validates the `response` object with `schema`. */
  async call<Schema extends z.ZodType>(
    action: ZenlayerEipAction,
    parameters: Record<string, unknown>,
    schema: Schema,
    context: AttemptContext,
  ): Promise<ZenlayerCallResult<z.output<Schema>>> {
    this.signing ??= this.resolveSigning();
    const signing = this.signing;
    // With a rate limit the slot is held until the answer is in: Zenlayer counted the request at some moment in between.
    // Without one there is nothing to await (not even a turn): this is the path of every attempt.
    const releaseSlot = this.rateLimiter === undefined ? undefined : await this.rateLimiter.acquire(context.signal);
    let response: HttpResponse;
    try {
      const body = JSON.stringify(parameters);
      response = await sendHttpRequest(
        { method: "POST", url: this.url.href, headers: this.buildHeaders(action, body, signing.credentials), body },
        {
          dispatcher: this.dispatcher,
          provider: "zenlayer-eip",
          operation: context.operation,
          attempt: context.attempt,
          signal: context.signal,
          headersTimeoutMs: this.settings.requestTimeoutMs,
          bodyTimeoutMs: this.settings.requestTimeoutMs,
          hooks: context.hooks,
          redactor: signing.redactor,
        },
      );
    } finally {
      releaseSlot?.();
    }
    return readHttpResponse(
      response,
      ZENLAYER_RESPONSES,
      { operation: context.operation, action, redactor: signing.redactor, now: this.clock.now() },
      (json) => {
        const envelope = ZenlayerSuccessEnvelopeSchema.safeParse(json);
        const parsed = envelope.success ? schema.safeParse(envelope.data.response) : undefined;
        return parsed?.success
          ? {
              response: parsed.data as z.output<Schema>,
              requestId: envelope.data?.requestId ?? envelope.data?.response.requestId,
            }
          : undefined;
      },
    );
  }

  /** Explicit credentials, else the environment; a failure is not remembered, so fixing the environment helps. */
  private resolveSigning(): { credentials: ZenlayerCredentials; redactor: Redactor } {
    const { credentials, source } = resolveZenlayerEipCredentials(this.settings.credentials, this.environment.env);
    checkResolvedCredentials({ ...credentials }, { provider: "zenlayer-eip", source });
    return {
      credentials,
      redactor: createRedactor("token" in credentials ? [credentials.token] : [credentials.accessKeySecret]),
    };
  }

  private buildHeaders(
    action: ZenlayerEipAction,
    body: string,
    credentials: ZenlayerCredentials,
  ): Record<string, string> {
    const host = this.url.host;
    const headers: Record<string, string> = {
      "content-type": CONTENT_TYPE,
      host,
      "x-zc-action": action,
      "x-zc-version": this.settings.apiVersion,
      "x-zc-service": "bmc",
      "x-zc-request-client": "polycloud-zenlayer-eip",
    };
    // Filled in place, without object spreads: this runs on every attempt, and each spread costs about a µs.
    if ("token" in credentials) {
      headers.authorization = `Bearer ${credentials.token}`;
      return headers;
    }
    const timestampSeconds = Math.floor(this.clock.now() / 1000);
    const { accessKeyId, accessKeySecret } = credentials;
    const signature = signZenlayerEipRequest({
      host,
      contentType: CONTENT_TYPE,
      body,
      timestampSeconds,
      accessKeyId,
      accessKeySecret,
    });
    return Object.assign(headers, signature.headers);
  }
}
