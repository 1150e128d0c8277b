import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultRule } from "../shared/fault-rules.js";
import {
  MAX_BODY_BYTES,
  readRequestBody,
  runWithFault,
  sendReply,
  type EmulatorReply,
} from "../shared/http-exchange.js";
import type { ProviderEmulator, ProviderEmulatorContext } from "../shared/provider-emulator.js";
import { AlibabaApiError, buildErrorReply, buildSuccessReply, createRequestId } from "./alibaba-envelope.js";
import type { AlibabaEmulatorOptions, AlibabaSeed } from "./alibaba-seed.js";
import { AlibabaStore, type AlibabaState } from "./alibaba-state.js";
import {
  authenticateAlibabaRequest,
  parseAlibabaRequest,
  type AuthenticatedAlibabaRequest,
  type ParsedAlibabaRequest,
} from "./authenticate-alibaba-request.js";
import { describeInstanceAttribute, describeInstances } from "./describe-actions.js";
import type { AlibabaActionHandler } from "./instance-checks.js";
import { rebootInstance, startInstance, stopInstance } from "./instance-power-actions.js";
import { modifyInstanceNetworkSpec } from "./modify-instance-network-spec.js";
import { parseAlibabaSeed } from "./parse-alibaba-seed.js";
import { allocatePublicIpAddress, releasePublicIpAddress } from "./public-ip-actions.js";
import { FlowControl, NonceCache } from "./request-guards.js";
import { checkRequestTime, type VerificationContext } from "./verify-credentials.js";

export type { ProviderEmulator, ProviderEmulatorContext } from "../shared/provider-emulator.js";
export { ALIBABA_ECS_API_VERSION } from "./authenticate-alibaba-request.js";

const ACTIONS: ReadonlyMap<string, AlibabaActionHandler> = new Map<string, AlibabaActionHandler>([
  ["AllocatePublicIpAddress", allocatePublicIpAddress],
  ["ReleasePublicIpAddress", releasePublicIpAddress],
  ["DescribeInstanceAttribute", describeInstanceAttribute],
  ["DescribeInstances", describeInstances],
  ["ModifyInstanceNetworkSpec", modifyInstanceNetworkSpec],
  ["StartInstance", startInstance],
  ["StopInstance", stopInstance],
  ["RebootInstance", rebootInstance],
]);

/**
 * Creates the Alibaba ECS (2014-05-26) RPC emulator: verifies V3 `ACS3-HMAC-SHA256` and V1 `HMAC-SHA1`
 * signatures against the received bytes before any fault rule is picked (an unauthenticated request never
 * consumes one), then applies the rule, the timestamp window, nonce reuse and flow control, and serves the
 * public-IP and instance power actions.
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
  const flowControl = new FlowControl(
    flow.windowMs ?? 60_000,
    (action) => flow.actionLimits?.[action] ?? flow.limit ?? 1000,
  );
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;

  function verificationContext(): VerificationContext {
    return { findAccount: (accessKeyId) => store.accounts.get(accessKeyId), nowMs: context.now(), toleranceSeconds };
  }

  /** After the fault rule: the timestamp window (on the skewed clock), nonce reuse, flow control, then the action. */
  function processRequest(
    parsed: ParsedAlibabaRequest,
    authenticated: AuthenticatedAlibabaRequest,
    fault: FaultRule | undefined,
  ): EmulatorReply {
    try {
      const { caller, action, handler } = authenticated;
      const skewMs = fault?.kind === "clock-skew" ? (fault.skewSeconds ?? 0) * 1000 : 0;
      checkRequestTime(caller, { nowMs: context.now() + skewMs, toleranceSeconds });
      if (caller.nonce !== undefined && !nonces.remember(caller.accessKeyId, caller.nonce, context.now())) {
        throw new AlibabaApiError("SignatureNonceUsed");
      }
      // The official SDK reads x-acs-retry-after (milliseconds) from throttling answers; say when a slot frees.
      const retryAfterMs = flowControl.admit(caller.accessKeyId, action, context.now());
      if (retryAfterMs > 0)
        throw new AlibabaApiError("Throttling.User", undefined, undefined, {
          "x-acs-retry-after": String(retryAfterMs),
        });
      const secondAllocate = options.secondAllocate ?? "return-existing";
      const fields = handler(parsed.params, {
        store,
        events: context.events,
        secondAllocate,
        accessKeyId: caller.accessKeyId,
      });
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
      sendReply(response, {
        ...buildErrorReply(requestId, hostId, tooLarge),
        headers: { "x-acs-request-id": requestId, connection: "close" },
      });
      return;
    }
    const parsed = parseAlibabaRequest(request, body, requestId, hostId);
    let authenticated: AuthenticatedAlibabaRequest;
    try {
      authenticated = authenticateAlibabaRequest(parsed, ACTIONS, verificationContext());
    } catch (error) {
      sendReply(
        response,
        buildErrorReply(
          requestId,
          hostId,
          error instanceof AlibabaApiError ? error : new AlibabaApiError("InternalError"),
        ),
      );
      return;
    }
    const fault = context.faults.match("alibaba", authenticated.action);
    await runWithFault({
      request,
      response,
      fault,
      errorReply: (kind, rule) => buildErrorReply(requestId, hostId, describeFaultError(kind, rule)),
      process: () => processRequest(parsed, authenticated, fault),
    });
  }

  return {
    handle(request, response) {
      handleRequest(request, response).catch(() => {
        // Only reachable when the connection broke mid-request; answer if it still can, else drop it.
        if (!response.headersSent && !response.destroyed) {
          sendReply(
            response,
            buildErrorReply(createRequestId(), "ecs.aliyuncs.com", new AlibabaApiError("InternalError")),
          );
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

/** Error of a throttle / server-error / error-code fault; the rule's code, status and message override the defaults. */
function describeFaultError(kind: "throttle" | "server-error" | "error-code", rule: FaultRule): AlibabaApiError {
  const defaultCode = kind === "throttle" ? "Throttling.User" : "InternalError";
  return new AlibabaApiError(rule.code ?? defaultCode, rule.message, rule.httpStatus);
}
