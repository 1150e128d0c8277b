import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createSeededRandom } from "../shared/create-seeded-random.js";
import type { FaultRule } from "../shared/fault-rules.js";
import { readRequestBody, runWithFault, sendReply, type EmulatorReply } from "../shared/http-exchange.js";
import type { ProviderEmulator, ProviderEmulatorContext } from "../shared/provider-emulator.js";
import { allocateEipAddresses } from "./allocate-eip-addresses.js";
import { associateEipAddress, unassociateEipAddress } from "./associate-eip-address.js";
import { describeEipAddresses, describeEipAvailableResources } from "./describe-eip-addresses.js";
import { RequestRateLimiter } from "./limit-request-rate.js";
import { parseJsonParameters } from "./parse-action-parameters.js";
import { parseZenlayerSeed } from "./parse-zenlayer-seed.js";
import { releaseEipAddresses, terminateEipAddress } from "./recycle-eip-addresses.js";
import { resolveZenlayerOptions, type ZenlayerEmulatorOptions } from "./resolve-zenlayer-options.js";
import {
  verifyZc2Permission,
  verifyZc2Request,
  verifyZc2Timestamp,
  type ZenlayerCaller,
} from "./verify-zc2-request.js";
import type { ZenlayerActionHandler } from "./zenlayer-action-context.js";
import { createRequestId, failureReply, successReply } from "./zenlayer-envelope.js";
import { ZENLAYER_ERROR_CODES, ZenlayerApiError, type ZenlayerErrorCode } from "./zenlayer-error-codes.js";
import type { ZenlayerSeed } from "./zenlayer-seed.js";
import { createZenlayerState, type ZenlayerState } from "./zenlayer-state.js";
import { ZenlayerStore, type AccountRecord } from "./zenlayer-store.js";

/** The only path the emulator serves: the bare-metal product. */
export const ZENLAYER_BMC_PATH = "/api/v2/bmc";
/** bmc API versions accepted in X-ZC-Version; both carry the same EIP actions (reference §1.2). */
export const ZENLAYER_BMC_VERSIONS: readonly string[] = ["2022-11-20", "2026-02-01"];

const ACTIONS: Readonly<Record<string, ZenlayerActionHandler>> = {
  AllocateEipAddresses: allocateEipAddresses,
  DescribeEipAddresses: describeEipAddresses,
  DescribeEipAvailableResources: describeEipAvailableResources,
  TerminateEipAddress: terminateEipAddress,
  ReleaseEipAddresses: releaseEipAddresses,
  AssociateEipAddress: associateEipAddress,
  UnAssociateEipAddress: unassociateEipAddress,
};

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim();
}

function checkRoute(request: IncomingMessage): void {
  const path = (request.url ?? "").split("?")[0];
  if (path !== ZENLAYER_BMC_PATH)
    throw new ZenlayerApiError("INVALID_REQUEST_PATH", `Only POST ${ZENLAYER_BMC_PATH} is served.`);
  if (request.method !== "POST")
    throw new ZenlayerApiError("INVALID_HTTP_METHOD", `The method ${request.method} is not allowed; use POST.`);
}

function parseActionHeaders(headers: IncomingHttpHeaders): { action: string; handler: ZenlayerActionHandler } {
  const version = singleHeader(headers, "x-zc-version");
  if (version === undefined || !ZENLAYER_BMC_VERSIONS.includes(version)) {
    throw new ZenlayerApiError("INVALID_VERSION", `X-ZC-Version must be one of ${ZENLAYER_BMC_VERSIONS.join(", ")}.`);
  }
  const action = singleHeader(headers, "x-zc-action") ?? "";
  const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (handler === undefined) {
    const hint = action === "UnassociateEipAddress" ? " (the bmc action is spelled UnAssociateEipAddress)" : "";
    // The common list's code for "the API does not exist or access was not granted".
    throw new ZenlayerApiError(
      "AUTHFAILURE_UNAUTHORIZED_OPERATION",
      `The action \`${action}\` does not exist or is not emulated${hint}.`,
    );
  }
  return { action, handler };
}

function describeFaultReply(
  requestId: string,
  kind: "throttle" | "server-error" | "error-code",
  rule: FaultRule,
): EmulatorReply {
  const fallback =
    kind === "throttle"
      ? { code: "REQUEST_LIMIT_EXCEEDED", message: "Request limit exceeded, please retry later." }
      : { code: "INTERNAL_SERVER_ERROR", message: "An internal error occurred, please retry later." };
  const code = rule.code ?? fallback.code;
  const known = Object.hasOwn(ZENLAYER_ERROR_CODES, code) ? ZENLAYER_ERROR_CODES[code as ZenlayerErrorCode] : undefined;
  const httpStatus =
    rule.httpStatus ?? known?.httpStatus ?? (kind === "throttle" ? 429 : kind === "server-error" ? 500 : 400);
  return failureReply(
    requestId,
    httpStatus,
    code,
    rule.message ?? (rule.code === undefined ? fallback.message : `Injected fault: ${code}.`),
  );
}

/**
 * Creates the Zenlayer bmc EIP emulator: `POST /api/v2/bmc` verifying ZC2-HMAC-SHA256 (or Bearer) like
 * the cloud, then — in this order — action and version, the per-key rate limit, the fault rule for the
 * action, the timestamp window (shifted by a clock-skew rule), the key's allowed actions and the action itself. Lifecycles advance
 * lazily from `context.now()`, so the emulator owns no timers.
 */
export function createZenlayerEmulator(
  seed: ZenlayerSeed,
  context: ProviderEmulatorContext,
  options: ZenlayerEmulatorOptions = {},
): ProviderEmulator<ZenlayerState> {
  const parsedSeed = parseZenlayerSeed(seed);
  const settings = resolveZenlayerOptions(options, {
    describeLagMs: parsedSeed.describeLagMs,
    describeLagListings: parsedSeed.describeLagListings,
  });
  const store = new ZenlayerStore(parsedSeed, settings, context.events);
  const rateLimiter = new RequestRateLimiter(settings.rateLimit);
  // A separate stream for CREATE_FAILED draws: outcomes depend only on allocation order, not on polling.
  const drawLifecycleRandom = createSeededRandom(Math.floor(context.random() * 2 ** 32));
  const openResponses = new Set<ServerResponse>();

  function processAction(
    caller: ZenlayerCaller,
    action: string,
    handler: ZenlayerActionHandler,
    body: Buffer,
    requestId: string,
  ): EmulatorReply {
    try {
      const now = context.now();
      store.settle(now);
      // Credentials only resolve to seeded accounts, and accounts are never removed.
      const account = store.accounts.get(caller.accountId) as AccountRecord;
      const fields = handler(parseJsonParameters(body), { store, account, now, settings, action, drawLifecycleRandom });
      return successReply(requestId, fields);
    } catch (error) {
      if (error instanceof ZenlayerApiError)
        return failureReply(requestId, error.httpStatus, error.code, error.message);
      throw error;
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    checkRoute(request);
    const body = await readRequestBody(request, settings.maxBodyBytes);
    if (body === undefined) {
      throw new ZenlayerApiError("REQUEST_BODY_TOO_LARGE", `The request body exceeds ${settings.maxBodyBytes} bytes.`);
    }
    const caller = verifyZc2Request(request.headers, body, store.credentials);
    const { action, handler } = parseActionHeaders(request.headers);
    if (!rateLimiter.tryAcquire(caller.rateLimitKey, context.now())) {
      throw new ZenlayerApiError("REQUEST_LIMIT_EXCEEDED", "Request limit exceeded, please retry later.");
    }
    const fault = context.faults.match("zenlayer", action);
    const skewSeconds = fault?.kind === "clock-skew" ? (fault.skewSeconds ?? 0) : 0;
    verifyZc2Timestamp(caller, context.now(), skewSeconds, settings.timestampWindowSeconds);
    verifyZc2Permission(caller, action);
    await runWithFault({
      request,
      response,
      fault,
      errorReply: (kind, rule) => describeFaultReply(requestId, kind, rule),
      process: () => processAction(caller, action, handler, body, requestId),
    });
  }

  return {
    handle(request, response) {
      openResponses.add(response);
      response.on("close", () => openResponses.delete(response));
      let requestId = "T00000000-0000-4000-8000-000000000000";
      try {
        requestId = createRequestId(context.random);
      } catch {
        // A misbehaving PRNG must not keep the request from being answered.
      }
      serve(request, response, requestId).catch((error: unknown) => {
        const apiError =
          error instanceof ZenlayerApiError
            ? error
            : new ZenlayerApiError("INTERNAL_SERVER_ERROR", "An internal error occurred.");
        const reply = failureReply(requestId, apiError.httpStatus, apiError.code, apiError.message);
        if (apiError.code === "INVALID_HTTP_METHOD") reply.headers = { allow: "POST" };
        sendReply(response, reply);
      });
    },
    state: createZenlayerState(store, context.now),
    close() {
      // Hung requests (the "hang" fault) would otherwise keep their sockets, and a server's close(), waiting.
      for (const response of openResponses) response.socket?.destroy();
      openResponses.clear();
    },
  };
}
