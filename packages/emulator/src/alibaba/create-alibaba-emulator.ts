import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultRule } from "../shared/fault-rules.js";
import { MAX_BODY_BYTES, readRequestBody, runWithFault, sendReply, type EmulatorReply } from "../shared/http-exchange.js";
import type { ProviderEmulator, ProviderEmulatorContext } from "../shared/provider-emulator.js";
import { AlibabaApiError, buildErrorReply, buildSuccessReply, createRequestId, missingParameter } from "./alibaba-envelope.js";
import type { AlibabaEmulatorOptions, AlibabaSeed } from "./alibaba-seed.js";
import { AlibabaStore, type AlibabaState } from "./alibaba-state.js";
import { describeInstanceAttribute, describeInstances } from "./describe-actions.js";
import type { AlibabaActionHandler } from "./instance-checks.js";
import { modifyInstanceNetworkSpec } from "./modify-instance-network-spec.js";
import { parseAlibabaSeed } from "./parse-alibaba-seed.js";
import { allocatePublicIpAddress, releasePublicIpAddress } from "./public-ip-actions.js";
import { captureReceivedRequest, collectRequestPairs, pairsToParams, readHeader } from "../shared/received-request.js";
import { FlowControl, NonceCache } from "./request-guards.js";
import { verifyV1Request } from "./verify-v1-request.js";
import { verifyV3Request } from "./verify-v3-request.js";

export type { ProviderEmulator, ProviderEmulatorContext } from "../shared/provider-emulator.js";

/** The ECS API version the emulator serves. */
export const ALIBABA_ECS_API_VERSION = "2014-05-26";

const ACTIONS = new Map<string, AlibabaActionHandler>([
  ["AllocatePublicIpAddress", allocatePublicIpAddress],
  ["ReleasePublicIpAddress", releasePublicIpAddress],
  ["DescribeInstanceAttribute", describeInstanceAttribute],
  ["DescribeInstances", describeInstances],
  ["ModifyInstanceNetworkSpec", modifyInstanceNetworkSpec],
]);

/** A request as far as it could be read before any check: used to pick the fault and then to process it. */
interface ParsedRequest {
  requestId: string;
  hostId: string;
  method: string;
  path: string;
  isV3: boolean;
  action: string | undefined;
  version: string | undefined;
  pairs: Array<[string, string]>;
  params: Record<string, string>;
  encodingError: boolean;
  received: ReturnType<typeof captureReceivedRequest>;
}

/**
 * Creates the Alibaba ECS (2014-05-26) RPC emulator: verifies V3 `ACS3-HMAC-SHA256` and V1 `HMAC-SHA1`
 * signatures against the received bytes, applies flow control and faults, and serves the public-IP actions.
 * @throws SeedValidationError when the seed is invalid.
 */
export function createAlibabaEmulator(
  seed: AlibabaSeed,
  context: ProviderEmulatorContext,
  options: AlibabaEmulatorOptions = {},
): ProviderEmulator<AlibabaState> {
  const store = new AlibabaStore(parseAlibabaSeed(seed), context.random, context.now);
  const toleranceSeconds = options.timestampToleranceSeconds ?? 900;
  const nonces = new NonceCache((options.nonceTtlSeconds ?? 900) * 1000);
  const flow = options.flowControl ?? {};
  const flowControl = new FlowControl(flow.windowMs ?? 60_000, (action) => flow.actionLimits?.[action] ?? flow.limit ?? 1000);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;

  function processRequest(parsed: ParsedRequest, fault: FaultRule | undefined): EmulatorReply {
    try {
      if (parsed.method !== "GET" && parsed.method !== "POST") throw new AlibabaApiError("UnsupportedHTTPMethod");
      if (parsed.encodingError) {
        throw new AlibabaApiError("InvalidParameter", "The request parameters are not correctly percent-encoded UTF-8.");
      }
      if (parsed.path !== "/") throw new AlibabaApiError("InvalidAction.NotFound");
      if (parsed.version === undefined || parsed.version === "") throw missingParameter("Version");
      if (parsed.version !== ALIBABA_ECS_API_VERSION) throw new AlibabaApiError("InvalidVersion");
      if (parsed.action === undefined || parsed.action === "") throw missingParameter("Action");
      const handler = ACTIONS.get(parsed.action);
      if (handler === undefined) throw new AlibabaApiError("InvalidAction.NotFound");
      const skewMs = fault?.kind === "clock-skew" ? (fault.skewSeconds ?? 0) * 1000 : 0;
      const verification = {
        findAccount: (accessKeyId: string) => store.accounts.get(accessKeyId),
        nowMs: context.now() + skewMs,
        toleranceSeconds,
      };
      const caller = parsed.isV3
        ? verifyV3Request(parsed.received, verification)
        : verifyV1Request(parsed.method, parsed.pairs, parsed.params, verification);
      if (caller.nonce !== undefined && !nonces.remember(caller.accessKeyId, caller.nonce, context.now())) {
        throw new AlibabaApiError("SignatureNonceUsed");
      }
      // The official SDK reads x-acs-retry-after (milliseconds) from throttling answers; say when a slot frees.
      const retryAfterMs = flowControl.admit(caller.accessKeyId, parsed.action, context.now());
      if (retryAfterMs > 0) throw new AlibabaApiError("Throttling.User", undefined, undefined, { "x-acs-retry-after": String(retryAfterMs) });
      const secondAllocate = options.secondAllocate ?? "return-existing";
      const fields = handler(parsed.params, { store, events: context.events, secondAllocate, accessKeyId: caller.accessKeyId });
      return buildSuccessReply(parsed.requestId, fields);
    } catch (error) {
      const apiError = error instanceof AlibabaApiError ? error : new AlibabaApiError("InternalError");
      return buildErrorReply(parsed.requestId, parsed.hostId, apiError);
    }
  }

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = createRequestId();
    const hostId = request.headers.host ?? "ecs.aliyuncs.com";
    const body = await readRequestBody(request, maxBodyBytes);
    if (body === undefined) {
      const tooLarge = new AlibabaApiError("InvalidParameter", `The request body exceeds ${maxBodyBytes} bytes.`);
      sendReply(response, { ...buildErrorReply(requestId, hostId, tooLarge), headers: { "x-acs-request-id": requestId, connection: "close" } });
      return;
    }
    const parsed = parseRequest(request, body, requestId, hostId);
    const fault = context.faults.match("alibaba", parsed.action ?? "");
    await runWithFault({
      request,
      response,
      fault,
      errorReply: (kind, rule) => buildErrorReply(requestId, hostId, describeFaultError(kind, rule)),
      process: () => processRequest(parsed, fault),
    });
  }

  return {
    handle(request, response) {
      handleRequest(request, response).catch(() => {
        // Only reachable when the connection broke mid-request; answer if it still can, else drop it.
        if (!response.headersSent && !response.destroyed) {
          sendReply(response, buildErrorReply(createRequestId(), "ecs.aliyuncs.com", new AlibabaApiError("InternalError")));
        } else {
          response.destroy();
        }
      });
    },
    state: store.createView(),
    close() {
      // Nonces and flow-control windows are pruned on use; the Alibaba emulator owns no timers.
    },
  };
}

function parseRequest(request: IncomingMessage, body: Buffer, requestId: string, hostId: string): ParsedRequest {
  const received = captureReceivedRequest(request, body);
  const isV3 = readHeader(received, "authorization") !== undefined;
  let pairs: Array<[string, string]> = [];
  let encodingError = false;
  try {
    pairs = collectRequestPairs(received);
  } catch {
    encodingError = true;
  }
  const params = pairsToParams(pairs);
  return {
    requestId,
    hostId,
    method: received.method,
    path: received.path,
    isV3,
    action: isV3 ? readHeader(received, "x-acs-action") : params["Action"],
    version: isV3 ? readHeader(received, "x-acs-version") : params["Version"],
    pairs,
    params,
    encodingError,
    received,
  };
}

/** Error of a throttle / server-error / error-code fault; the rule's code, status and message override the defaults. */
function describeFaultError(kind: "throttle" | "server-error" | "error-code", rule: FaultRule): AlibabaApiError {
  const defaultCode = kind === "throttle" ? "Throttling.User" : "InternalError";
  return new AlibabaApiError(rule.code ?? defaultCode, rule.message, rule.httpStatus);
}
