import {
  INSPECT_CUSTOM,
  checkResolvedCredentials,
  createRedactor,
  formatSafeSummary,
  readHttpResponse,
  sendHttpRequest,
  type AttemptContext,
  type Dispatcher,
  type HttpResponse,
  type RateLimiter,
  type Redactor,
} from "@polycloud/core";
import type { z } from "zod";
import { addEcsCommonParameters } from "./add-ecs-common-parameters.js";
import { ALIBABA_ECS_PROVIDER, type AlibabaEcsResolvedSettings } from "./alibaba-ecs-settings.js";
import { describeAlibabaEcsResponses } from "./map-alibaba-ecs-error.js";
import { resolveAlibabaEcsCredentials, type ResolvedAlibabaEcsCredentials } from "./resolve-alibaba-ecs-credentials.js";
import {
  createSignatureNonce,
  formatAcsTimestamp,
  percentEncode,
  signAlibabaEcsRequest,
  type AlibabaEcsCredentials,
} from "./sign-alibaba-ecs-request.js";

/** Time and nonce used for signing; tests freeze them, production uses the wall clock and fresh randomness. @public */
export interface AlibabaEcsSigningSource {
  /** Wall-clock milliseconds for `Timestamp` / `x-acs-date` (not the retry clock, which tests may fake). */
  now(): number;
  createNonce(): string;
}

/** The real signing source. @public */
export const systemSigningSource: AlibabaEcsSigningSource = {
  now: () => Date.now(),
  createNonce: createSignatureNonce,
};

/** Where the credential chain looks: the environment (including `HOME`) and the base of relative paths. @public */
export interface AlibabaEcsEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  baseDirectory?: string;
}

/**
 * A redactor masking the secret and the STS token as sent and as ECS may echo them: raw, percent-encoded, and
 * double-encoded (a V1 `SignatureDoesNotMatch` quotes the encoded string to sign).
 * @public
 */
export function createCredentialRedactor(credentials: AlibabaEcsCredentials): Redactor {
  const values = [credentials.accessKeySecret, credentials.securityToken].filter(
    (value): value is string => value !== undefined,
  );
  return createRedactor([
    ...new Set(values.flatMap((value) => [value, percentEncode(value), percentEncode(percentEncode(value))])),
  ]);
}

/**
 * Calls ECS RPC actions: resolve credentials → sign with a fresh date and nonce → send → parse the JSON answer
 * with core's response handler and the adapter's error table. One call is one attempt: the operation retries.
 * @public
 */
export class AlibabaEcsClient {
  private credentials: Promise<ResolvedAlibabaEcsCredentials> | undefined;
  /** The chain's answer once known, so each attempt does not wait a turn on the settled promise. */
  private resolvedCredentials: ResolvedAlibabaEcsCredentials | undefined;
  private redactor: { credentials: ResolvedAlibabaEcsCredentials; redactor: Redactor } | undefined;

  constructor(
    private readonly settings: AlibabaEcsResolvedSettings,
    private readonly dispatcher: Dispatcher,
    private readonly signing: AlibabaEcsSigningSource,
    private readonly environment: AlibabaEcsEnvironment,
    /** Admission control of the `rateLimit` setting: every attempt waits for a slot before it is signed. */
    private readonly rateLimiter?: RateLimiter,
  ) {}

  /** What `JSON.stringify` shows: the API origin, never credentials or the environment. */
  toJSON(): Record<string, unknown> {
    return { endpoint: this.settings.endpointUrl.origin };
  }

  /** What `console.log` and `util.inspect` show: the same safe summary. */
  [INSPECT_CUSTOM](): string {
    return formatSafeSummary("AlibabaEcsClient", this.toJSON());
  }

  /** Resolves the credential chain once; a failure is not remembered, so fixing the environment helps. */
  resolveCredentials(operation: string): Promise<ResolvedAlibabaEcsCredentials> {
    this.credentials ??= resolveAlibabaEcsCredentials({
      credentials: this.settings.credentials,
      profile: this.settings.profile,
      configFile: this.settings.configFile,
      env: this.environment.env,
      baseDirectory: this.environment.baseDirectory,
      operation,
    }).then(
      (resolved) => {
        const { accessKeyId, accessKeySecret, securityToken, source } = resolved;
        checkResolvedCredentials(
          { accessKeyId, accessKeySecret, securityToken },
          { provider: ALIBABA_ECS_PROVIDER, operation, source },
        );
        this.resolvedCredentials = resolved;
        return resolved;
      },
      (error: unknown) => {
        this.credentials = undefined;
        throw error;
      },
    );
    return this.credentials;
  }

  /** The redactor for these credentials, built once (it percent-encodes every secret twice). */
  private redactorFor(credentials: ResolvedAlibabaEcsCredentials): Redactor {
    if (this.redactor?.credentials !== credentials)
      this.redactor = { credentials, redactor: createCredentialRedactor(credentials) };
    return this.redactor.redactor;
  }

  /**
   * Sends `action` with `params` (plus `RegionId` where the action's model has it, and `Format=JSON` on V1) and
   * returns the answer parsed by `schema`.
   * @throws {IpAllocatorError} the mapped provider error, NETWORK / TIMEOUT, or INTERNAL for an unreadable answer.
   */
  async call<Schema extends z.ZodType>(
    action: string,
    params: Readonly<Record<string, string>>,
    schema: Schema,
    context: AttemptContext,
  ): Promise<z.output<Schema>> {
    const credentials = this.resolvedCredentials ?? (await this.resolveCredentials(context.operation));
    // Nothing has been sent yet: report the abort as such, not as a possibly processed request.
    if (context.signal?.aborted) throw context.signal.reason;
    // With a rate limit the slot is held until the answer is in: ECS counted the request at some moment in between.
    // Without one there is nothing to await (not even a turn): this is the path of every attempt.
    const releaseSlot = this.rateLimiter === undefined ? undefined : await this.rateLimiter.acquire(context.signal);
    const redactor = this.redactorFor(credentials);
    let response: HttpResponse;
    try {
      const request = signAlibabaEcsRequest({
        endpoint: this.settings.endpointUrl,
        action,
        // RegionId only where the action's official model has it; Format=JSON on V1 only (V3 sends Accept).
        params: addEcsCommonParameters(action, params, this.settings.region, this.settings.signatureVersion),
        credentials,
        signatureVersion: this.settings.signatureVersion,
        timestamp: formatAcsTimestamp(this.signing.now()),
        nonce: this.signing.createNonce(),
      });
      response = await sendHttpRequest(request, {
        dispatcher: this.dispatcher,
        provider: ALIBABA_ECS_PROVIDER,
        operation: context.operation,
        attempt: context.attempt,
        signal: context.signal,
        headersTimeoutMs: this.settings.requestTimeoutMs,
        bodyTimeoutMs: this.settings.requestTimeoutMs,
        hooks: context.hooks,
        redactor,
        requestIdHeader: "x-acs-request-id",
      });
    } finally {
      releaseSlot?.();
    }
    return readHttpResponse(
      response,
      describeAlibabaEcsResponses(action),
      { operation: context.operation, action, redactor, now: this.signing.now() },
      (json) => {
        const parsed = schema.safeParse(json);
        return parsed.success ? (parsed.data as z.output<Schema>) : undefined;
      },
    );
  }
}
