import type { IncomingMessage, ServerResponse } from "node:http";
import { createSeededRandom } from "../shared/create-seeded-random.js";
import type { FaultRule } from "../shared/fault-rules.js";
import { readRequestBody, runWithFault, sendReply, type EmulatorReply } from "../shared/http-exchange.js";
import type { ProviderEmulator, ProviderEmulatorContext } from "../shared/provider-emulator.js";
import {
  captureReceivedRequest,
  collectRequestPairs,
  pairsToParams,
  type ReceivedRequest,
} from "../shared/received-request.js";
import { ALLOCATE_ADDRESS } from "./allocate-address.js";
import { ASSOCIATE_ADDRESS, DISASSOCIATE_ADDRESS } from "./associate-address.js";
import type { AwsAction } from "./aws-action-context.js";
import {
  EC2_API_VERSION,
  buildAwsErrorReply,
  buildAwsSuccessReply,
  createRequestId,
  describeReplyHeaders,
} from "./aws-envelope.js";
import { AwsApiError, missingParameter } from "./aws-api-error.js";
import type { AwsEmulatorOptions, AwsSeed } from "./aws-seed.js";
import { createAwsState, type AwsState } from "./aws-state.js";
import { AwsStore } from "./aws-store.js";
import { DESCRIBE_ADDRESSES } from "./describe-addresses.js";
import { DESCRIBE_INSTANCES } from "./describe-instances.js";
import { AwsRequestRateLimiter } from "./limit-aws-request-rate.js";
import { parseAwsSeed } from "./parse-aws-seed.js";
import { readBoolean, rejectUnknownParameters, type QueryParameters } from "./read-query-parameters.js";
import { RELEASE_ADDRESS } from "./release-address.js";
import { resolveAwsOptions } from "./resolve-aws-options.js";
import { verifyRequestTime, verifySigV4Request, type VerifiedAwsCaller } from "./verify-sigv4-request.js";

/** The EC2 actions the emulator serves. */
export const AWS_EC2_ACTIONS: Readonly<Record<string, AwsAction>> = Object.freeze({
  AllocateAddress: ALLOCATE_ADDRESS,
  DescribeAddresses: DESCRIBE_ADDRESSES,
  AssociateAddress: ASSOCIATE_ADDRESS,
  DisassociateAddress: DISASSOCIATE_ADDRESS,
  ReleaseAddress: RELEASE_ADDRESS,
  DescribeInstances: DESCRIBE_INSTANCES,
});

/** Error of a throttle / server-error / error-code fault; the rule's code, status and message override the defaults. */
function describeFaultError(kind: "throttle" | "server-error" | "error-code", rule: FaultRule): AwsApiError {
  const code = rule.code ?? (kind === "throttle" ? "RequestLimitExceeded" : "InternalError");
  return new AwsApiError(code, rule.message, rule.httpStatus);
}

/** Method, path, body encoding, signature, then Action and Version: everything checked before flow control and faults. */
function readAuthenticatedRequest(
  received: ReceivedRequest,
  store: AwsStore,
): { caller: VerifiedAwsCaller; action: string; parameters: QueryParameters } {
  if (received.method !== "POST" && received.method !== "GET")
    throw new AwsApiError("InvalidRequest", `The method ${received.method} is not allowed; use POST (or GET).`);
  if (received.path !== "/") throw new AwsApiError("InvalidRequest", "EC2 serves its Query API on the path / only.");
  let pairs: Array<[string, string]>;
  try {
    pairs = collectRequestPairs(received);
  } catch {
    throw new AwsApiError(
      "MalformedQueryString",
      "The query string or form body is not correctly percent-encoded UTF-8.",
    );
  }
  const caller = verifySigV4Request(received, store.credentials);
  const parameters = pairsToParams(pairs);
  const action = parameters["Action"];
  if (action === undefined || action === "") throw new AwsApiError("MissingAction");
  if (!Object.hasOwn(AWS_EC2_ACTIONS, action))
    throw new AwsApiError("InvalidAction", `The action ${action} is not valid for this web service.`);
  const version = parameters["Version"];
  if (version === undefined || version === "") throw missingParameter("Version");
  if (version !== EC2_API_VERSION)
    throw new AwsApiError("NoSuchVersion", `The requested version (${version}) of service AmazonEC2 does not exist`);
  return { caller, action, parameters };
}

/**
 * Creates the AWS EC2 (Query API 2016-11-15) Elastic IP emulator on `/`: verifies SigV4 like EC2, then — in
 * this order — Action and Version, the per-key rate limit, the fault rule for the action (so unauthenticated or
 * malformed requests never consume one), X-Amz-Date against the clock (shifted by a clock-skew rule),
 * permissions (`deniedActions`), parameters, DryRun and the action. Answers are EC2 XML.
 * @throws SeedValidationError when the seed is invalid; RangeError for an out-of-range option.
 */
export function createAwsEmulator(
  seed: AwsSeed,
  context: ProviderEmulatorContext,
  options: AwsEmulatorOptions = {},
): ProviderEmulator<AwsState> {
  const parsedSeed = parseAwsSeed(seed);
  const settings = resolveAwsOptions(options, parsedSeed.describeLagMs);
  // Ids and addresses draw from their own stream: they depend on allocation order only, not on request count.
  const store = new AwsStore(
    parsedSeed,
    context.events,
    createSeededRandom(Math.floor(context.random() * 2 ** 32)),
    context.now(),
  );
  const limiter = new AwsRequestRateLimiter(settings.rateLimit);
  const openResponses = new Set<ServerResponse>();

  function processAction(
    caller: VerifiedAwsCaller,
    action: string,
    parameters: QueryParameters,
    requestId: string,
    headers: Record<string, string>,
  ): EmulatorReply {
    try {
      if (caller.credential.deniedActions?.includes(action)) {
        const message = Buffer.from(
          JSON.stringify({
            allowed: false,
            explicitDeny: false,
            context: { action: `ec2:${action}`, principal: caller.accessKeyId },
          }),
        ).toString("base64");
        throw new AwsApiError(
          "UnauthorizedOperation",
          `You are not authorized to perform this operation. Encoded authorization failure message: ${message}`,
        );
      }
      const entry = AWS_EC2_ACTIONS[action] as AwsAction;
      rejectUnknownParameters(parameters, entry.parameters);
      const dryRun = readBoolean(parameters, "DryRun") ?? false;
      const fields = entry.handler(parameters, { store, caller, now: context.now(), settings, action, dryRun });
      return buildAwsSuccessReply(action, requestId, fields, headers);
    } catch (error) {
      return buildAwsErrorReply(
        requestId,
        error instanceof AwsApiError ? error : new AwsApiError("InternalError"),
        headers,
      );
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const body = await readRequestBody(request, settings.maxBodyBytes);
    if (body === undefined) {
      const tooLarge = new AwsApiError("InvalidRequest", `The request body exceeds ${settings.maxBodyBytes} bytes.`);
      sendReply(
        response,
        buildAwsErrorReply(requestId, tooLarge, {
          ...describeReplyHeaders(requestId, context.now()),
          connection: "close",
        }),
      );
      return;
    }
    const { caller, action, parameters } = readAuthenticatedRequest(captureReceivedRequest(request, body), store);
    if (!limiter.tryAcquire(caller.accessKeyId, action, context.now())) throw new AwsApiError("RequestLimitExceeded");
    const fault = context.faults.match("aws", action);
    const skewMs = fault?.kind === "clock-skew" ? (fault.skewSeconds ?? 0) * 1000 : 0;
    // A skewed server also reports its skewed time in `date`, which is what the SDK corrects its clock from.
    const headers = describeReplyHeaders(requestId, context.now() + skewMs);
    try {
      verifyRequestTime(caller, context.now() + skewMs, settings.timestampToleranceSeconds);
    } catch (error) {
      sendReply(response, buildAwsErrorReply(requestId, error as AwsApiError, headers));
      return;
    }
    await runWithFault({
      request,
      response,
      fault,
      errorReply: (kind, rule) => buildAwsErrorReply(requestId, describeFaultError(kind, rule), headers),
      process: () => processAction(caller, action, parameters, requestId, headers),
    });
  }

  return {
    handle(request, response) {
      openResponses.add(response);
      response.on("close", () => openResponses.delete(response));
      let requestId = "00000000-0000-4000-8000-000000000000";
      try {
        requestId = createRequestId(context.random);
      } catch {
        // A misbehaving PRNG must not keep the request from being answered.
      }
      serve(request, response, requestId).catch((error: unknown) => {
        const apiError = error instanceof AwsApiError ? error : new AwsApiError("InternalError");
        sendReply(response, buildAwsErrorReply(requestId, apiError, describeReplyHeaders(requestId, context.now())));
      });
    },
    state: createAwsState(store, settings, context.now),
    close() {
      // Hung requests (the "hang" fault) would otherwise keep their sockets, and a server's close(), waiting.
      for (const response of openResponses) response.socket?.destroy();
      openResponses.clear();
    },
  };
}
