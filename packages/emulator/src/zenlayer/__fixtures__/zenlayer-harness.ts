import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent, request } from "undici";
import { createSeededRandom } from "../../shared/create-seeded-random.js";
import { FaultInjector, type FaultRule } from "../../shared/fault-rules.js";
import { StateEventLog } from "../../shared/state-event-log.js";
import type { ProviderEmulator } from "../../shared/provider-emulator.js";
import { createZenlayerEmulator } from "../create-zenlayer-emulator.js";
import type { ZenlayerEmulatorOptions } from "../resolve-zenlayer-options.js";
import { signZc2Request } from "../sign-zc2-request.js";
import { DEFAULT_ZENLAYER_SEED, type ZenlayerSeed } from "../zenlayer-seed.js";
import type { ZenlayerState } from "../zenlayer-state.js";

/** 2025-01-01T00:00:00Z: a fixed start for the manual emulator clock. */
export const CLOCK_START_MS = Date.UTC(2025, 0, 1);

/** How a test call authenticates and what it sends. */
export interface CallOptions {
  version?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Sends exactly these headers (a captured request), without signing anything. */
  rawHeaders?: Record<string, string>;
  /** Replaces ZC2 signing with `Authorization: Bearer <token>`. */
  bearerToken?: string;
  /** Unix seconds to sign with (default: the emulator clock). */
  timestamp?: number;
  contentType?: string;
  /** Host to sign (default: the real Host header value). */
  signedHost?: string;
  /** Body bytes sent after signing (to tamper); default the signed body. */
  sentBody?: string | Buffer;
  extraHeaders?: Record<string, string>;
  extraSignedHeaders?: Record<string, string>;
  method?: string;
  path?: string;
  /** Gives up (AbortSignal "TimeoutError") after this many ms, like a client timeout. */
  abortAfterMs?: number;
}

/** A parsed answer; `json` is undefined when the body is not JSON. */
export interface CallResult {
  status: number;
  contentType: string | undefined;
  text: string;
  json: Record<string, any> | undefined;
}

/** A Zenlayer emulator on 127.0.0.1:0 with a real FaultInjector, StateEventLog, manual clock and seeded PRNG. */
export interface ZenlayerHarness {
  emulator: ProviderEmulator<ZenlayerState>;
  faults: FaultInjector;
  events: StateEventLog;
  /** Host header value, `127.0.0.1:<port>`. */
  host: string;
  clock: { now(): number; advance(milliseconds: number): void; set(milliseconds: number): void };
  call(action: string, parameters?: unknown, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

/**
 * Starts a harness; `randomSeed` seeds both the injector and the context PRNG like startEmulator does. The listing
 * lag is off unless `options.describeLagListings` asks for it.
 */
export async function startZenlayerHarness(
  setup: {
    seed?: ZenlayerSeed;
    options?: ZenlayerEmulatorOptions;
    rules?: FaultRule[];
    randomSeed?: number;
    clockMs?: number;
  } = {},
): Promise<ZenlayerHarness> {
  let clockMs = setup.clockMs ?? CLOCK_START_MS;
  const now = (): number => clockMs;
  const faults = new FaultInjector(setup.rules ?? [], setup.randomSeed ?? 1);
  const events = new StateEventLog(now);
  const random = createSeededRandom(setup.randomSeed ?? 1);
  // The default seed's listing lag is tested on its own (zenlayer-listing-lag.test.ts); elsewhere it is off unless asked for.
  const options: ZenlayerEmulatorOptions = { describeLagListings: 0, ...setup.options };
  const emulator = createZenlayerEmulator(
    setup.seed ?? DEFAULT_ZENLAYER_SEED,
    { faults, events, now, random },
    options,
  );
  const server: Server = createServer((incoming, outgoing) => emulator.handle(incoming, outgoing));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ connections: 64 });

  async function call(action: string, parameters: unknown = {}, options: CallOptions = {}): Promise<CallResult> {
    const body =
      Buffer.isBuffer(parameters) || typeof parameters === "string" ? parameters : JSON.stringify(parameters);
    const contentType = options.contentType ?? "application/json";
    const headers: Record<string, string> = {
      "content-type": contentType,
      "x-zc-action": action,
      "x-zc-version": options.version ?? "2026-02-01",
    };
    if (options.rawHeaders !== undefined) {
      for (const name of Object.keys(headers)) delete headers[name];
      Object.assign(headers, options.rawHeaders);
    } else if (options.bearerToken !== undefined) {
      headers["authorization"] = `Bearer ${options.bearerToken}`;
    } else {
      const timestamp = options.timestamp ?? Math.floor(clockMs / 1000);
      const signed = signZc2Request({
        host: options.signedHost ?? host,
        contentType,
        body,
        timestamp,
        accessKeyId: options.accessKeyId ?? "polycloud-test-key-id",
        accessKeySecret: options.accessKeySecret ?? "polycloud-test-key-secret",
        ...(options.extraSignedHeaders === undefined ? {} : { extraSignedHeaders: options.extraSignedHeaders }),
      });
      Object.assign(headers, options.extraSignedHeaders);
      headers["x-zc-timestamp"] = String(timestamp);
      headers["x-zc-signature-method"] = "ZC2-HMAC-SHA256";
      headers["authorization"] = signed.authorization;
    }
    Object.assign(headers, options.extraHeaders);
    const response = await request(`http://${host}${options.path ?? "/api/v2/bmc"}`, {
      method: (options.method ?? "POST") as "POST",
      headers,
      body: options.sentBody ?? body,
      dispatcher: agent,
      signal: AbortSignal.timeout(options.abortAfterMs ?? 5000),
    });
    const text = await response.body.text();
    let json: Record<string, any> | undefined;
    try {
      json = JSON.parse(text) as Record<string, any>;
    } catch {
      json = undefined;
    }
    const contentTypeHeader = response.headers["content-type"];
    return {
      status: response.statusCode,
      contentType: Array.isArray(contentTypeHeader) ? contentTypeHeader[0] : contentTypeHeader,
      text,
      json,
    };
  }

  return {
    emulator,
    faults,
    events,
    host,
    clock: {
      now,
      advance: (milliseconds) => {
        clockMs += milliseconds;
      },
      set: (milliseconds) => {
        clockMs = milliseconds;
      },
    },
    call,
    async close() {
      emulator.close();
      await agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Turns captured `[name, value]` pairs into a header record with lower-case names, leaving out `omit`. */
export function toHeaderRecord(pairs: readonly string[][], omit: readonly string[] = []): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name = "", value = ""] of pairs) {
    if (!omit.includes(name.toLowerCase())) record[name.toLowerCase()] = value;
  }
  return record;
}
