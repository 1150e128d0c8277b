import { mapHttpStatusToCode, type ErrorRule, type ResponseDeclaration } from "@polycloud/core";
import { ZenlayerErrorEnvelopeSchema } from "./parse-zenlayer-eip-response.js";

/** How one Zenlayer error code maps to the neutral taxonomy. @public */
export type ZenlayerErrorMapping = ErrorRule;

const SIGNATURE_HINT =
  "check the access key id and secret, and that this machine's clock is right (ZC2 timestamps must be near the server's)";

/**
 * Every code of Zenlayer's official common list, of seed 002, of the reference's table (§3.1/§4) and of the
 * emulator's catalogue. Unknown codes fall back to prefix rules, then to the HTTP status
 * ({@link mapZenlayerEipErrorCode}); official codes never do (a test pins that).
 * @public
 */
export const ZENLAYER_ERROR_MAP: Readonly<Record<string, ZenlayerErrorMapping>> = Object.freeze({
  REQUEST_LIMIT_EXCEEDED: { code: "RATE_LIMITED" },
  // Terraform retries it; for Allocate the adapter reconciles instead (5xx answers are ambiguous).
  INTERNAL_SERVER_ERROR: { code: "INTERNAL", retryable: true },
  SERVICE_TEMPORARY_UNAVAILABLE: { code: "UNAVAILABLE" },
  REQUEST_TIMED_OUT: { code: "TIMEOUT" },
  INVALID_OPERATION_TIMEOUT: { code: "TIMEOUT" },
  OPERATION_FAILED_RESOURCE_NOT_FOUND: { code: "NOT_FOUND" },
  INVALID_RESOURCE_NOT_FOUND: { code: "NOT_FOUND" },
  AUTHFAILURE_INVALID_AUTHORIZATION: {
    code: "UNAUTHENTICATED",
    hint: "the Authorization header is malformed (a proxy may have rewritten it)",
  },
  AUTHFAILURE_SIGNATURE_FAILURE: { code: "UNAUTHENTICATED", hint: SIGNATURE_HINT },
  AUTHFAILURE_SIGNATURE_EXPIRED: {
    code: "UNAUTHENTICATED",
    hint: "this machine's clock is more than five minutes off the server's: synchronise it (NTP)",
  },
  // Authenticated, but the key may not call this action: a permission problem, not a credential one.
  AUTHFAILURE_UNAUTHORIZED_OPERATION: {
    code: "PERMISSION_DENIED",
    hint: "the access key is not granted this action (or the action does not exist)",
  },
  AUTHFAILURE_INVALID_TOKEN: { code: "UNAUTHENTICATED", hint: "the Bearer token is unknown or expired" },
  MISSING_PARAMETER: { code: "INVALID_ARGUMENT" },
  INVALID_PARAMETER_TYPE: { code: "INVALID_ARGUMENT" },
  INVALID_PARAMETER_VALUE: { code: "INVALID_ARGUMENT" },
  INVALID_PARAMETER_EXCEED_MAXIMUM: { code: "INVALID_ARGUMENT" },
  INVALID_PARAMETER_LESS_MINIMUM: { code: "INVALID_ARGUMENT" },
  INVALID_PARAMETER_EXCEED_LENGTH: { code: "INVALID_ARGUMENT" },
  INVALID_PARAMETER_LESS_LENGTH: { code: "INVALID_ARGUMENT" },
  INVALID_PARAMETER_PATTERN_ERROR: { code: "INVALID_ARGUMENT" },
  INVALID_PARAMETER_DATE_FORMAT_ERROR: { code: "INVALID_ARGUMENT" },
  INVALID_REQUEST_BODY: { code: "INVALID_ARGUMENT" },
  REQUEST_BODY_TOO_LARGE: { code: "INVALID_ARGUMENT" },
  SECURITY_CHALLENGE: {
    code: "PERMISSION_DENIED",
    hint: "a Cloudflare challenge blocked the request (network-level block, not an API error)",
  },
  REQUEST_BLOCKED: { code: "PERMISSION_DENIED", hint: "the request was blocked (HTTP 451)" },
  INVALID_ZONE_NOT_FOUND: {
    code: "INVALID_ARGUMENT",
    hint: "location.zone names no Zenlayer zone",
    field: "location.zone",
  },
  INVALID_EIP_TYPE_ZONE_NO_SELL: {
    code: "RESOURCE_EXHAUSTED",
    hint: "the zone sells no EIPs now (sold out); try another zone",
  },
  OPERATION_DENIED_UNAVAILABLE_NETMASK: { code: "INVALID_ARGUMENT", hint: "the zone does not offer this netmask" },
  OPERATION_DENIED_NETMASK_OUT_OF_STOCK: { code: "RESOURCE_EXHAUSTED" },
  OPERATION_DENIED_INSUFFICIENT_BALANCE: { code: "RESOURCE_EXHAUSTED", hint: "the account balance is insufficient" },
  INVALID_EIP_NOT_FOUND: { code: "NOT_FOUND" },
  OPERATION_DENIED_EIP_SUBSCRIPTION: {
    code: "FAILED_PRECONDITION",
    hint: "PREPAID EIPs cannot be terminated; they are returned when the subscription expires",
  },
  OPERATION_DENIED_EIP_RECYCLED: { code: "FAILED_PRECONDITION", hint: "the EIP is already in the recycle bin" },
  OPERATION_DENIED_EIP_NOT_RECYCLED: { code: "FAILED_PRECONDITION", hint: "only EIPs in RECYCLE can be released" },
  INVALID_INSTANCE_NOT_FOUND: {
    code: "INVALID_ARGUMENT",
    hint: "instanceId names no bare-metal instance of this account",
    field: "instanceId",
  },
  OPERATION_DENIED_INSTANCE_RECYCLED: { code: "FAILED_PRECONDITION" },
  OPERATION_DENIED_INSTANCE_NOT_RUNNING: { code: "FAILED_PRECONDITION", hint: "the instance must be RUNNING" },
  OPERATION_DENIED_EIP_ZONE_NOT_SAME: {
    code: "FAILED_PRECONDITION",
    hint: "the EIP and the instance must be in the same zone",
  },
  FAILED_OPERATION_FOR_RECYCLE_RESOURCE: { code: "FAILED_PRECONDITION", hint: "the EIP is in the recycle bin" },
  OPERATION_FAILED_FOR_RECYCLE_RESOURCE: { code: "FAILED_PRECONDITION", hint: "the resource is in the recycle bin" },
  OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE: { code: "FAILED_PRECONDITION" },
  OPERATION_DENIED_EIP_ESXI_INSTANCE_ASSIGN: {
    code: "FAILED_PRECONDITION",
    hint: "instances running ESXi cannot take EIPs",
  },
  OPERATION_DENIED_EIP_INSTANCE_EXCEED_LIMIT: {
    code: "RESOURCE_EXHAUSTED",
    hint: "the instance has reached its EIP limit",
  },
  OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT: { code: "FAILED_PRECONDITION" },
  INVALID_ESXI_NOT_SUPPORT: { code: "UNSUPPORTED" },
  OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND: {
    code: "INVALID_ARGUMENT",
    hint: "resourceGroupId is unknown, or the account has no authorised default resource group",
  },
  INVALID_VERSION: { code: "UNSUPPORTED", hint: "the endpoint does not accept this apiVersion" },
  INVALID_REQUEST_PATH: { code: "UNSUPPORTED", hint: "check the endpoint setting" },
  INVALID_HTTP_METHOD: { code: "UNSUPPORTED" },
});

const PREFIX_RULES: ReadonlyArray<readonly [RegExp, ZenlayerErrorMapping]> = [
  [/^AUTHFAILURE_/, { code: "UNAUTHENTICATED" }],
  [/^REQUEST_LIMIT/, { code: "RATE_LIMITED" }],
  [/_NOT_FOUND$/, { code: "NOT_FOUND" }],
  [/^(OPERATION_DENIED_|FAILED_OPERATION_)|_FOR_RECYCLE_RESOURCE$/, { code: "FAILED_PRECONDITION" }],
  [/^(INVALID_PARAMETER|MISSING_PARAMETER)/, { code: "INVALID_ARGUMENT" }],
];

/**
 * The neutral mapping of a Zenlayer error: the table, then prefix rules (`AUTHFAILURE_*`, `*_NOT_FOUND`,
 * `OPERATION_DENIED_*`, …), then the HTTP status. A 403 carrying `cf-mitigated` and a 451 are network
 * blocks whatever the body says.
 * @public
 */
export function mapZenlayerEipErrorCode(
  providerCode: string | undefined,
  httpStatus: number,
  cloudflareMitigated = false,
): ZenlayerErrorMapping {
  if (httpStatus === 403 && cloudflareMitigated) return ZENLAYER_ERROR_MAP.SECURITY_CHALLENGE as ZenlayerErrorMapping;
  if (httpStatus === 451) return ZENLAYER_ERROR_MAP.REQUEST_BLOCKED as ZenlayerErrorMapping;
  if (providerCode !== undefined) {
    // Own keys only: a code such as "constructor" must not hit Object.prototype.
    if (Object.hasOwn(ZENLAYER_ERROR_MAP, providerCode))
      return ZENLAYER_ERROR_MAP[providerCode] as ZenlayerErrorMapping;
    const rule = PREFIX_RULES.find(([pattern]) => pattern.test(providerCode));
    if (rule !== undefined) return rule[1];
  }
  if (httpStatus === 429) return { code: "RATE_LIMITED" };
  if (httpStatus === 500) return { code: "INTERNAL", retryable: true };
  return { code: mapHttpStatusToCode(httpStatus) };
}

/**
 * What the adapter declares about Zenlayer's answers for core's `readHttpResponse`: the `{requestId, code,
 * message}` envelope, the table above, and the network blocks (a 403 with `cf-mitigated`, a 451) whatever
 * the body says.
 * @public
 */
export const ZENLAYER_RESPONSES: ResponseDeclaration = {
  provider: "zenlayer-eip",
  label: "Zenlayer",
  parseError(json) {
    const envelope = ZenlayerErrorEnvelopeSchema.safeParse(json);
    return envelope.success
      ? { providerCode: envelope.data.code, message: envelope.data.message, requestId: envelope.data.requestId }
      : undefined;
  },
  classify: (answer, response) =>
    mapZenlayerEipErrorCode(answer.providerCode, response.status, response.headers["cf-mitigated"] !== undefined),
  classifyStatus(response) {
    const blocked =
      response.status === 451
        ? "REQUEST_BLOCKED"
        : response.status === 403 && response.headers["cf-mitigated"] !== undefined
          ? "SECURITY_CHALLENGE"
          : undefined;
    return blocked === undefined
      ? undefined
      : { ...(ZENLAYER_ERROR_MAP[blocked] as ZenlayerErrorMapping), providerCode: blocked };
  },
};
