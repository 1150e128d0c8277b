import { EC2Client, type EC2ClientConfig } from "@aws-sdk/client-ec2";
import { Agent, request } from "undici";
import { afterAll, afterEach } from "vitest";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "../../start-emulator.js";
import { DEFAULT_AWS_CREDENTIALS } from "../aws-default-seed.js";
import { formatAmzDate, signSigV4Request } from "../sign-sigv4-request.js";

// The SDK warns once per process that Node 20 support ends in 2027; the tests do not need to hear it.
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";

/** How a raw test call is signed and sent. Defaults: POST form body, the default long-term key, signed now. */
export interface AwsCallOptions {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  service?: string;
  /** Signing time in ms (default: the emulator clock). */
  signAtMs?: number;
  /** Parameters in the query string of a GET instead of a form body. */
  transport?: "form" | "query";
  method?: string;
  path?: string;
  /** Sent and signed besides the defaults. */
  extraSignedHeaders?: Record<string, string>;
  /** Sent after signing (unsigned, or overriding a signed one to tamper). */
  extraHeaders?: Record<string, string>;
  /** Sends no Authorization at all. */
  unsigned?: boolean;
  /** Signed headers left out of what is sent (lower-case names). */
  omitHeaders?: string[];
  /** Body bytes sent instead of the signed body (to tamper). */
  sentBody?: string | Buffer;
  /** Gives up (AbortSignal "TimeoutError") after this many ms. */
  abortAfterMs?: number;
}

/** A raw answer with the envelope fields read out of the XML. */
export interface AwsCallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** `<Code>` of an error envelope. */
  code: string | undefined;
  message: string | undefined;
  /** `<requestId>` of a success or `<RequestID>` of an error. */
  requestId: string | undefined;
}

/** A test file's emulator with a manual clock (starting at real time, so the SDK's signing time is accepted). */
export interface AwsHarness {
  readonly emulator: RunningEmulator;
  readonly endpoint: string;
  clock: { now(): number; advance(milliseconds: number): void };
  start(options?: StartEmulatorOptions): Promise<void>;
  call(action: string, parameters?: Record<string, string>, options?: AwsCallOptions): Promise<AwsCallResult>;
  /** The official SDK pointed at the emulator (`maxAttempts: 1`, default long-term key). */
  createClient(overrides?: Partial<EC2ClientConfig>): EC2Client;
}

/** First text of `<tag>` in an XML answer (enough for envelopes and flat fields). */
export function readXmlText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match?.[1]
    ?.replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Registers a per-test emulator in the calling test file; `start()` boots it, and it is closed after each test. */
export function useAwsHarness(): AwsHarness {
  let current: RunningEmulator | undefined;
  let clockMs = Date.now();
  const agent = new Agent({ connections: 64 });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(() => agent.close());

  const harness: AwsHarness = {
    get emulator() {
      if (current === undefined) throw new Error("call start() first");
      return current;
    },
    get endpoint() {
      return harness.emulator.aws.endpoint;
    },
    clock: {
      now: () => clockMs,
      advance: (milliseconds) => {
        clockMs += milliseconds;
      },
    },
    async start(options = {}) {
      clockMs = Date.now();
      current = await startEmulator({ now: () => clockMs, ...options });
    },
    async call(action, parameters = {}, options = {}) {
      const form = new URLSearchParams({ Action: action, Version: "2016-11-15", ...parameters })
        .toString()
        .replace(/\+/g, "%20");
      const query = options.transport === "query";
      const url = `${harness.endpoint}${options.path ?? "/"}${query ? `?${form}` : ""}`;
      const body = query ? "" : form;
      const signed = signSigV4Request({
        method: options.method ?? (query ? "GET" : "POST"),
        url,
        headers: {
          ...(query ? {} : { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }),
          ...options.extraSignedHeaders,
        },
        body,
        accessKeyId: options.accessKeyId ?? DEFAULT_AWS_CREDENTIALS.accessKeyId,
        secretAccessKey: options.secretAccessKey ?? DEFAULT_AWS_CREDENTIALS.secretAccessKey,
        ...(options.sessionToken === undefined ? {} : { sessionToken: options.sessionToken }),
        region: options.region ?? "us-east-1",
        service: options.service ?? "ec2",
        amzDate: formatAmzDate(options.signAtMs ?? clockMs),
      });
      const headers: Record<string, string> = { ...signed.headers, ...options.extraHeaders };
      delete headers["host"];
      if (options.unsigned === true) delete headers["authorization"];
      for (const name of options.omitHeaders ?? []) delete headers[name];
      const response = await request(url, {
        method: (options.method ?? (query ? "GET" : "POST")) as "POST",
        headers,
        body: query ? null : (options.sentBody ?? body),
        dispatcher: agent,
        signal: AbortSignal.timeout(options.abortAfterMs ?? 5000),
      });
      const text = await response.body.text();
      return {
        status: response.statusCode,
        headers: response.headers,
        text,
        code: readXmlText(text, "Code"),
        message: readXmlText(text, "Message"),
        requestId: readXmlText(text, "requestId") ?? readXmlText(text, "RequestID"),
      };
    },
    createClient(overrides = {}) {
      const { credentials, ...rest } = overrides;
      return new EC2Client({
        endpoint: harness.endpoint,
        region: "us-east-1",
        maxAttempts: 1,
        ...rest,
        // The SDK stamps the credentials object it is given; the default keys are frozen, so it gets a copy.
        credentials:
          typeof credentials === "object"
            ? { ...credentials }
            : (credentials ?? {
                accessKeyId: DEFAULT_AWS_CREDENTIALS.accessKeyId,
                secretAccessKey: DEFAULT_AWS_CREDENTIALS.secretAccessKey,
              }),
      });
    },
  };
  return harness;
}
