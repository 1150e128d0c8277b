import {
  CLOCK,
  HTTP_DISPATCHER,
  INSPECT_CUSTOM,
  RateLimiter,
  formatSafeSummary,
  inject,
  injectable,
  readHttpResponse,
  sendHttpRequest,
  type AttemptContext,
  type Clock,
  type Dispatcher,
  type HttpResponse,
} from "@polycloud/core";
import { AWS_EC2_PROVIDER, type ResolvedAwsEc2Settings } from "./aws-ec2-settings.js";
import {
  AWS_EC2_ENVIRONMENT,
  AWS_EC2_SETTINGS,
  AWS_EC2_SIGNING_CLOCK,
  type AwsEc2Environment,
  type AwsEc2SigningClock,
} from "./aws-ec2-tokens.js";
import { AWS_EC2_RESPONSES } from "./map-aws-ec2-error.js";
import { mapEc2XmlResponse } from "./map-ec2-xml-response.js";
import { resolveAwsEc2Session, type AwsEc2Session } from "./resolve-aws-ec2-session.js";
import { signAwsEc2Request } from "./sign-aws-ec2-request.js";

/** The EC2 actions the adapter calls, spelled as on the wire. @public */
export type AwsEc2Action =
  | "AllocateAddress"
  | "DescribeAddresses"
  | "AssociateAddress"
  | "DisassociateAddress"
  | "ReleaseAddress"
  | "DescribeInstances";

/** A parsed `<ActionResponse>` and its `requestId`. @public */
export interface AwsEc2CallResult<T> {
  response: T;
  requestId: string | undefined;
}

/** Query parameters of one action, or a function building them from the signing time. @public */
export type AwsEc2Parameters =
  | Readonly<Record<string, string>>
  | ((signedAt: number) => Readonly<Record<string, string>>);

/** Temporary credentials are fetched again this long before they expire (the AWS SDKs' margin). */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Sends one EC2 Query API action: resolve the credentials (at the first call, and again before temporary ones
 * expire), take a rate-limit slot when `rateLimit` is set, sign with SigV4 (fresh `X-Amz-Date` per attempt),
 * send, and read the XML answer with core's response handler and the adapter's error table. One call is one
 * attempt: the operation retries.
 * @public
 */
@injectable()
export class AwsEc2Client {
  private readonly rateLimiter: RateLimiter | undefined;
  private session: AwsEc2Session | undefined;
  private resolving: Promise<AwsEc2Session> | undefined;

  constructor(
    @inject(AWS_EC2_SETTINGS) private readonly settings: ResolvedAwsEc2Settings,
    @inject(HTTP_DISPATCHER) private readonly dispatcher: Dispatcher,
    @inject(CLOCK) clock: Clock,
    @inject(AWS_EC2_SIGNING_CLOCK) private readonly signingClock: AwsEc2SigningClock,
    @inject(AWS_EC2_ENVIRONMENT) private readonly environment: AwsEc2Environment,
  ) {
    this.rateLimiter = settings.rateLimit === undefined ? undefined : new RateLimiter(settings.rateLimit, clock);
  }

  /** What `JSON.stringify`, `console.log` and `util.inspect` show: the endpoint and region, never credentials. */
  toJSON(): Record<string, unknown> {
    return { endpoint: this.settings.endpointUrl.origin, region: this.settings.region };
  }

  [INSPECT_CUSTOM](): string {
    return formatSafeSummary("AwsEc2Client", this.toJSON());
  }

  /** Wall-clock milliseconds of the signing clock (what `polycloud:created-at` tags are compared with). */
  now(): number {
    return this.signingClock.now();
  }

  /** Fails the calls still waiting for a rate-limit slot with `reason` (they have sent nothing). */
  rejectQueued(reason: unknown): void {
    this.rateLimiter?.rejectQueued(reason);
  }

  /**
   * Calls `action`; `parse` reads the content of `<ActionResponse>` (undefined: unreadable, a typed INTERNAL).
   * `parameters` may be built from the signing time (epoch ms), taken once the request may leave.
   */
  async call<T>(
    action: AwsEc2Action,
    parameters: AwsEc2Parameters,
    parse: (json: unknown) => T | undefined,
    context: AttemptContext,
  ): Promise<AwsEc2CallResult<T>> {
    const session = await this.resolveSession(context.operation);
    // Nothing has been sent yet: report the abort as such, not as a possibly processed request.
    if (context.signal.aborted) throw context.signal.reason;
    const releaseSlot = this.rateLimiter === undefined ? undefined : await this.rateLimiter.acquire(context.signal);
    let response: HttpResponse;
    try {
      const { endpointUrl: endpoint, region, requestTimeoutMs } = this.settings;
      const now = this.signingClock.now();
      const request = await signAwsEc2Request({
        endpoint,
        action,
        parameters: typeof parameters === "function" ? parameters(now) : parameters,
        region,
        credentials: session.credentials,
        now,
      });
      response = await sendHttpRequest(request, {
        dispatcher: this.dispatcher,
        provider: AWS_EC2_PROVIDER,
        operation: context.operation,
        attempt: context.attempt,
        signal: context.signal,
        headersTimeoutMs: requestTimeoutMs,
        bodyTimeoutMs: requestTimeoutMs,
        hooks: context.hooks,
        redactor: session.redactor,
        requestIdHeader: AWS_EC2_RESPONSES.requestIdHeader,
      });
    } finally {
      releaseSlot?.();
    }
    return readHttpResponse(
      mapEc2XmlResponse(response),
      AWS_EC2_RESPONSES,
      { operation: context.operation, action, redactor: session.redactor, now: this.signingClock.now() },
      (json) => {
        const content = (json as Record<string, unknown>)[`${action}Response`] as { requestId?: unknown } | undefined;
        const value = parse(content);
        return value === undefined
          ? undefined
          : { response: value, requestId: typeof content?.requestId === "string" ? content.requestId : undefined };
      },
    );
  }

  /** The credential chain's answer, memoised until 5 minutes before it expires; a failure is not remembered. */
  private resolveSession(operation: string): Promise<AwsEc2Session> | AwsEc2Session {
    const current = this.session;
    const expiration = current?.credentials.expiration?.getTime();
    if (current !== undefined && (expiration === undefined || expiration - this.signingClock.now() > REFRESH_MARGIN_MS))
      return current;
    this.resolving ??= resolveAwsEc2Session({
      credentials: this.settings.credentials,
      profile: this.settings.profile,
      env: this.environment.env,
      operation,
    })
      .then((session) => {
        this.session = session;
        return session;
      })
      .finally(() => {
        this.resolving = undefined;
      });
    return this.resolving;
  }
}
