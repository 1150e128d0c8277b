import {
  mapHttpStatusToCode,
  readHttpResponse,
  type IpAllocatorError,
  type Redactor,
  type ResponseDeclaration,
} from "@polycloud/core";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";
import { ALIBABA_ECS_ACTION_ERROR_TABLE } from "./action-error-rules.js";
import { ALIBABA_ECS_ERROR_PREFIX_RULES, ALIBABA_ECS_ERROR_TABLE, type AlibabaErrorRule } from "./ecs-error-table.js";
import { AlibabaErrorEnvelopeSchema, type AlibabaErrorEnvelope } from "./parse-alibaba-ecs-response.js";

/**
 * The rule for a code: the action's table, the exact table, then prefix rules, then the HTTP status class. Any
 * 5xx is ambiguous (the request may have been processed) and transient.
 * @public
 */
export function classifyAlibabaEcsError(
  providerCode: string | undefined,
  httpStatus: number,
  action?: string,
): AlibabaErrorRule & { matchedBy: "table" | "prefix" | "http-status" } {
  const serverSide = httpStatus >= 500 ? { retryable: true, ambiguous: true } : {};
  const forAction =
    providerCode === undefined || action === undefined
      ? undefined
      : ALIBABA_ECS_ACTION_ERROR_TABLE[action]?.[providerCode];
  const exact = forAction ?? (providerCode === undefined ? undefined : ALIBABA_ECS_ERROR_TABLE[providerCode]);
  if (exact !== undefined) return { ...serverSide, ...exact, matchedBy: "table" };
  const prefixed =
    providerCode === undefined
      ? undefined
      : ALIBABA_ECS_ERROR_PREFIX_RULES.find((entry) => entry.pattern.test(providerCode));
  if (prefixed !== undefined) return { ...serverSide, ...prefixed.rule, matchedBy: "prefix" };
  return { code: mapHttpStatusToCode(httpStatus), ...serverSide, matchedBy: "http-status" };
}

const SERVER_STRING_TO_SIGN = "server string to sign is:";

/**
 * What the adapter declares about ECS answers for core's `readHttpResponse`: the JSON envelope `{ RequestId,
 * HostId, Code, Message, Recommend }`, the error tables through {@link classifyAlibabaEcsError} (any 5xx
 * ambiguous and transient), the request id header, and `x-acs-retry-after` (milliseconds, as the official SDK
 * reads it) before the standard retry hints.
 * @public
 */
export const ALIBABA_ECS_RESPONSES: ResponseDeclaration = {
  provider: ALIBABA_ECS_PROVIDER,
  label: "Alibaba ECS",
  requestIdHeader: "x-acs-request-id",
  retryHintHeaders: [{ name: "x-acs-retry-after", unit: "milliseconds" }],
  parseError(json) {
    const parsed = AlibabaErrorEnvelopeSchema.safeParse(json);
    if (!parsed.success) return undefined;
    const {
      Code: providerCode,
      Message: rawMessage = "",
      RequestId: requestId,
      HostId: hostId,
      Recommend: recommend,
      AccessDeniedDetail: accessDeniedDetail,
    } = parsed.data;
    const [message, serverStringToSign] = splitServerStringToSign(rawMessage);
    return { providerCode, message, requestId, details: { recommend, hostId, serverStringToSign, accessDeniedDetail } };
  },
  classify: (answer, response) => withoutMatch(classifyAlibabaEcsError(answer.providerCode, response.status)),
};

const RESPONSES_BY_ACTION = new Map<string, ResponseDeclaration>();

/** {@link ALIBABA_ECS_RESPONSES} with `action`'s own rules ({@link ALIBABA_ECS_ACTION_ERROR_TABLE}) first; one per action. @public */
export function describeAlibabaEcsResponses(action: string): ResponseDeclaration {
  const known = RESPONSES_BY_ACTION.get(action);
  if (known !== undefined) return known;
  const declaration: ResponseDeclaration = {
    ...ALIBABA_ECS_RESPONSES,
    classify: (answer, response) => withoutMatch(classifyAlibabaEcsError(answer.providerCode, response.status, action)),
  };
  RESPONSES_BY_ACTION.set(action, declaration);
  return declaration;
}

/** The rule without the test-facing `matchedBy`. */
function withoutMatch({ matchedBy, ...rule }: ReturnType<typeof classifyAlibabaEcsError>): AlibabaErrorRule {
  return rule;
}

/** What a test or tool hands {@link mapAlibabaEcsError}: an error answer as received. @public */
export interface AlibabaErrorResponse {
  httpStatus: number;
  headers: Readonly<Record<string, string>>;
  /** Parsed error envelope; undefined when the body was not a JSON envelope. */
  envelope?: AlibabaErrorEnvelope;
  body: string;
}

/** Context of the failed call. @public */
export interface MapAlibabaEcsErrorContext {
  /** Neutral operation (`allocate`, `describe`, …). */
  operation: string;
  /** ECS action, e.g. `AllocatePublicIpAddress`. */
  action: string;
  /** Masks the credentials in use wherever the wire echoed them. */
  redactor: Redactor;
  now?: number;
}

/**
 * The `IpAllocatorError` core's response handler makes of an ECS error answer with {@link ALIBABA_ECS_RESPONSES}:
 * `providerCode`, `httpStatus`, `requestId`, `retryAfterMs` and `details` (`recommend`, `hostId`, `hint`).
 * @public
 */
export function mapAlibabaEcsError(
  response: AlibabaErrorResponse,
  context: MapAlibabaEcsErrorContext,
): IpAllocatorError {
  const headers =
    response.envelope === undefined ? response.headers : { ...response.headers, "content-type": "application/json" };
  const body = response.envelope === undefined ? response.body : JSON.stringify(response.envelope);
  try {
    readHttpResponse(
      { status: response.httpStatus, headers, body },
      describeAlibabaEcsResponses(context.action),
      context,
      () => undefined,
    );
  } catch (thrown) {
    return thrown as IpAllocatorError;
  }
  throw new TypeError("mapAlibabaEcsError: the answer was not an error");
}

function splitServerStringToSign(message: string): [string, string | undefined] {
  const index = message.indexOf(SERVER_STRING_TO_SIGN);
  if (index < 0) return [message, undefined];
  return [message.slice(0, index).trim(), message.slice(index + SERVER_STRING_TO_SIGN.length)];
}
