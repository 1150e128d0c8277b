import type { IncomingMessage } from "node:http";
import { AlibabaApiError, missingParameter } from "./alibaba-envelope.js";
import type { AlibabaActionHandler } from "./instance-checks.js";
import {
  captureReceivedRequest,
  collectRequestPairs,
  pairsToParams,
  readHeader,
  type ReceivedRequest,
} from "../shared/received-request.js";
import type { VerificationContext, VerifiedCaller } from "./verify-credentials.js";
import { verifyV1Request } from "./verify-v1-request.js";
import { verifyV3Request } from "./verify-v3-request.js";

/** The ECS API version the emulator serves. */
export const ALIBABA_ECS_API_VERSION = "2014-05-26";

/** A request as far as it could be read before any check. */
export interface ParsedAlibabaRequest {
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
  received: ReceivedRequest;
}

/** A request whose shape and signature passed: what the fault rules, flow control and the action see. */
export interface AuthenticatedAlibabaRequest {
  caller: VerifiedCaller;
  action: string;
  handler: AlibabaActionHandler;
}

/** Reads method, path, parameters (query and form body) and the V3 / V1 action and version of a request. */
export function parseAlibabaRequest(
  request: IncomingMessage,
  body: Buffer,
  requestId: string,
  hostId: string,
): ParsedAlibabaRequest {
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

/**
 * Everything checked before a fault rule is picked: method, encoding, path, Version, Action, then the signature,
 * AccessKey and STS token. An unsigned or wrongly signed request is answered here and never consumes a fault
 * rule (as on AWS). The timestamp's window is left to {@link checkRequestTime}, after the rule: a clock-skew
 * rule shifts the clock it is checked against.
 * @throws AlibabaApiError the cloud's error for the first failed check.
 */
export function authenticateAlibabaRequest(
  parsed: ParsedAlibabaRequest,
  actions: ReadonlyMap<string, AlibabaActionHandler>,
  verification: VerificationContext,
): AuthenticatedAlibabaRequest {
  if (parsed.method !== "GET" && parsed.method !== "POST") throw new AlibabaApiError("UnsupportedHTTPMethod");
  if (parsed.encodingError) {
    throw new AlibabaApiError("InvalidParameter", "The request parameters are not correctly percent-encoded UTF-8.");
  }
  if (parsed.path !== "/") throw new AlibabaApiError("InvalidAction.NotFound");
  if (parsed.version === undefined || parsed.version === "") throw missingParameter("Version");
  if (parsed.version !== ALIBABA_ECS_API_VERSION) throw new AlibabaApiError("InvalidVersion");
  if (parsed.action === undefined || parsed.action === "") throw missingParameter("Action");
  const handler = actions.get(parsed.action);
  if (handler === undefined) throw new AlibabaApiError("InvalidAction.NotFound");
  const caller = parsed.isV3
    ? verifyV3Request(parsed.received, verification)
    : verifyV1Request(parsed.method, parsed.pairs, parsed.params, verification);
  return { caller, action: parsed.action, handler };
}
