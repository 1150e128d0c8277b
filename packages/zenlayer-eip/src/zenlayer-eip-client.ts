import { CLOCK, HTTP_DISPATCHER, IpAllocatorError, RateLimiter, createRedactor, inject, injectable, sendHttpRequest, type Clock, type HttpResponse, type OperationHooks, type Redactor } from "@polycloud/core";
import type { Dispatcher } from "undici";
import type { z } from "zod";
import { createZenlayerEipError } from "./map-zenlayer-eip-error.js";
import { ZenlayerErrorEnvelopeSchema, ZenlayerSuccessEnvelopeSchema } from "./parse-zenlayer-eip-response.js";
import { signZenlayerEipRequest } from "./sign-zenlayer-eip-request.js";
import { ZENLAYER_EIP_SETTINGS, type ResolvedZenlayerEipSettings } from "./zenlayer-eip-tokens.js";
import { toBmcUrl } from "./zenlayer-eip-settings.js";

/**
 * The bmc EIP actions the adapter calls, spelled as on the wire. Un-association is never sent: Terminate
 * unbinds an ASSOCIATED EIP itself (reference §4.1); its bmc spelling would be `UnAssociateEipAddress`.
 * @public
 */
export type ZenlayerEipAction = "AllocateEipAddresses" | "DescribeEipAddresses" | "AssociateEipAddress" | "TerminateEipAddress" | "ReleaseEipAddresses";

/** One attempt's context. @public */
export interface ZenlayerCallContext {
  /** Neutral operation the call belongs to (`allocate`, `release`, …). */
  operation: string;
  attempt: number;
  signal?: AbortSignal;
  hooks?: OperationHooks;
}

/** A parsed `response` object and the request id. @public */
export interface ZenlayerCallResult<T> {
  response: T;
  requestId: string | undefined;
}

const CONTENT_TYPE = "application/json";
const EXCERPT_LENGTH = 200;

/**
 * Sends one bmc action: serialise the parameters once, sign exactly those bytes (fresh timestamp per
 * call, so per attempt), send them, read the envelope, map failures. It never retries: callers wrap it
 * in `runWithRetry` with the rule their operation allows.
 * @public
 */
@injectable()
export class ZenlayerEipClient {
  private readonly url: URL;
  private readonly redactor: Redactor;
  /** Admission control of the `rateLimit` setting: every attempt waits for a slot before it is signed. */
  private readonly rateLimiter: RateLimiter | undefined;

  constructor(
    @inject(ZENLAYER_EIP_SETTINGS) private readonly settings: ResolvedZenlayerEipSettings,
    @inject(HTTP_DISPATCHER) private readonly dispatcher: Dispatcher,
    @inject(CLOCK) private readonly clock: Clock,
  ) {
    this.url = toBmcUrl(settings.endpoint);
    this.rateLimiter = settings.rateLimit === undefined ? undefined : new RateLimiter(settings.rateLimit, clock);
    const credentials = settings.credentials;
    this.redactor = createRedactor("token" in credentials ? [credentials.token] : [credentials.accessKeySecret]);
  }

  /** Fails the calls still waiting for a rate-limit slot with `reason` (they have sent nothing). */
  rejectQueued(reason: unknown): void {
    this.rateLimiter?.rejectQueued(reason);
  }

  /** Masks this allocator's secrets in free text (messages echoed from the wire). */
  redact(text: string): string {
    return this.redactor.text(text);
  }

  /** Calls `action` with `parameters` and validates the `response` object with `schema`. */
  async call<Schema extends z.ZodType>(action: ZenlayerEipAction, parameters: Record<string, unknown>, schema: Schema, context: ZenlayerCallContext): Promise<ZenlayerCallResult<z.output<Schema>>> {
    // With a rate limit the slot is held until the answer is in: Zenlayer counted the request at some moment in between.
    // Without one there is nothing to await (not even a turn): this is the path of every attempt.
    const releaseSlot = this.rateLimiter === undefined ? undefined : await this.rateLimiter.acquire(context.signal);
    let response: HttpResponse;
    try {
      const body = JSON.stringify(parameters);
      response = await sendHttpRequest(
        { method: "POST", url: this.url.href, headers: this.buildHeaders(action, body), body },
        {
          dispatcher: this.dispatcher,
          provider: "zenlayer-eip",
          operation: context.operation,
          attempt: context.attempt,
          signal: context.signal,
          headersTimeoutMs: this.settings.requestTimeoutMs,
          bodyTimeoutMs: this.settings.requestTimeoutMs,
          hooks: context.hooks,
          redactor: this.redactor,
        },
      );
    } finally {
      releaseSlot?.();
    }
    return this.readResponse(action, response, schema, context.operation);
  }

  private buildHeaders(action: ZenlayerEipAction, body: string): Record<string, string> {
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
    const credentials = this.settings.credentials;
    if ("token" in credentials) {
      headers.authorization = `Bearer ${credentials.token}`;
      return headers;
    }
    const timestampSeconds = Math.floor(this.clock.now() / 1000);
    const { accessKeyId, accessKeySecret } = credentials;
    const signature = signZenlayerEipRequest({ host, contentType: CONTENT_TYPE, body, timestampSeconds, accessKeyId, accessKeySecret });
    return Object.assign(headers, signature.headers);
  }

  private readResponse<Schema extends z.ZodType>(action: ZenlayerEipAction, response: HttpResponse, schema: Schema, operation: string): ZenlayerCallResult<z.output<Schema>> {
    const json = parseJson(response);
    if (response.status !== 200) {
      const envelope = ZenlayerErrorEnvelopeSchema.safeParse(json);
      throw createZenlayerEipError({
        operation,
        action,
        httpStatus: response.status,
        providerCode: envelope.success ? envelope.data.code : undefined,
        message: envelope.success ? this.redact(envelope.data.message ?? "(no message)") : `unreadable error body: ${this.excerpt(response)}`,
        requestId: envelope.success ? envelope.data.requestId : undefined,
        cloudflareMitigated: response.headers["cf-mitigated"] !== undefined,
      });
    }
    const envelope = ZenlayerSuccessEnvelopeSchema.safeParse(json);
    const requestId = envelope.success ? (envelope.data.requestId ?? envelope.data.response.requestId) : undefined;
    const parsed = envelope.success ? schema.safeParse(envelope.data.response) : undefined;
    if (parsed?.success) return { response: parsed.data as z.output<Schema>, requestId };
    // A 200 we cannot read may still have been processed: ambiguous for mutations.
    throw new IpAllocatorError({
      code: "INTERNAL",
      message: `Zenlayer ${action} answered HTTP 200 with a body polycloud cannot read (content-type ${response.headers["content-type"] ?? "none"}): ${this.excerpt(response)}`,
      provider: "zenlayer-eip",
      operation,
      httpStatus: response.status,
      requestId,
      ambiguous: true,
      details: { action, excerpt: this.excerpt(response) },
    });
  }

  private excerpt(response: HttpResponse): string {
    const text = response.body.length > EXCERPT_LENGTH ? `${response.body.slice(0, EXCERPT_LENGTH)}…` : response.body;
    return this.redact(text.replace(/\s+/g, " ").trim()) || "(empty)";
  }
}

function parseJson(response: HttpResponse): unknown {
  if (!/json/i.test(response.headers["content-type"] ?? "json")) return undefined;
  try {
    return JSON.parse(response.body);
  } catch {
    return undefined;
  }
}
