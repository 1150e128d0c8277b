/** Where an error code's HTTP status comes from: the Zenlayer docs/SDKs, or a choice this emulator made. */
export type ZenlayerStatusSource = "documented" | "chosen";

/** One error code the emulator can answer with, and the HTTP status it uses for it. */
export interface ZenlayerErrorCodeInfo {
  readonly httpStatus: number;
  readonly statusSource: ZenlayerStatusSource;
  /** When the emulator answers it on its own; "fault rule only" codes need an `error-code` fault rule. */
  readonly producedWhen: string;
}

function entry(httpStatus: number, statusSource: ZenlayerStatusSource, producedWhen: string): ZenlayerErrorCodeInfo {
  return Object.freeze({ httpStatus, statusSource, producedWhen });
}

/**
 * Every error code of the Zenlayer seed (002) and of the reference's table (§3.1), plus the common codes
 * the reference leaves open (authentication, unknown action/version, malformed input) with the statuses
 * this emulator chose. Adapter tests can iterate it: each code is producible by state or, failing that,
 * by an `error-code` fault rule with this status.
 */
export const ZENLAYER_ERROR_CODES = Object.freeze({
  // Common codes (reference §3.1 / §5).
  REQUEST_LIMIT_EXCEEDED: entry(429, "documented", "rate limit per access key exceeded; throttle fault"),
  INTERNAL_SERVER_ERROR: entry(500, "chosen", "server-error fault; an unexpected emulator error"),
  SERVICE_TEMPORARY_UNAVAILABLE: entry(503, "chosen", "fault rule only"),
  REQUEST_TIMED_OUT: entry(504, "chosen", "fault rule only"),
  INVALID_OPERATION_TIMEOUT: entry(504, "chosen", "fault rule only"),
  OPERATION_FAILED_RESOURCE_NOT_FOUND: entry(404, "chosen", "fault rule only"),
  AUTHFAILURE_SIGNATURE_FAILURE: entry(
    401,
    "chosen",
    "signature mismatch, X-ZC-Timestamp outside the skew window, malformed or missing Authorization / signature headers",
  ),
  MISSING_PARAMETER: entry(400, "documented", "a required parameter is absent or empty"),
  INVALID_PARAMETER_TYPE: entry(400, "documented", "a parameter has the wrong JSON type, or the body is not a JSON object"),
  SECURITY_CHALLENGE: entry(403, "documented", "fault rule only (the SDKs synthesise it from a Cloudflare block)"),
  REQUEST_BLOCKED: entry(451, "documented", "fault rule only (the SDKs synthesise it from HTTP 451)"),
  // bmc EIP codes (seed 002, reference §3.1 and §4).
  INVALID_ZONE_NOT_FOUND: entry(404, "documented", "unknown zoneId in Allocate or DescribeEipAvailableResources"),
  INVALID_EIP_TYPE_ZONE_NO_SELL: entry(400, "documented", "Allocate in a SOLD_OUT zone or beyond the zone's remaining stock"),
  OPERATION_DENIED_UNAVAILABLE_NETMASK: entry(403, "chosen", "Allocate with a netmask the zone does not offer"),
  OPERATION_DENIED_NETMASK_OUT_OF_STOCK: entry(403, "chosen", "Allocate with a non-default netmask whose blocks are exhausted"),
  INVALID_EIP_NOT_FOUND: entry(404, "documented", "unknown (or released) eipId"),
  OPERATION_DENIED_EIP_SUBSCRIPTION: entry(403, "documented", "Terminate on a PREPAID EIP"),
  OPERATION_DENIED_EIP_RECYCLED: entry(403, "documented", "Terminate on an EIP in RECYCLING or RECYCLE"),
  OPERATION_DENIED_EIP_NOT_RECYCLED: entry(403, "documented", "Release of an EIP that is not in RECYCLE"),
  INVALID_INSTANCE_NOT_FOUND: entry(403, "documented", "Associate with an unknown instanceId (403 as documented)"),
  OPERATION_DENIED_INSTANCE_RECYCLED: entry(403, "chosen", "Associate with an instance in RECYCLING or RECYCLE"),
  OPERATION_DENIED_INSTANCE_NOT_RUNNING: entry(403, "chosen", "Associate with an instance that is not RUNNING"),
  OPERATION_DENIED_EIP_ZONE_NOT_SAME: entry(403, "chosen", "Associate an EIP with an instance of another zone"),
  FAILED_OPERATION_FOR_RECYCLE_RESOURCE: entry(403, "documented", "(Un)Associate on an EIP in RECYCLING or RECYCLE"),
  OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE: entry(403, "chosen", "Associate on an EIP that is not AVAILABLE"),
  OPERATION_DENIED_EIP_ESXI_INSTANCE_ASSIGN: entry(403, "chosen", "Associate with an ESXi instance"),
  OPERATION_DENIED_EIP_INSTANCE_EXCEED_LIMIT: entry(403, "chosen", "Associate beyond the instance's EIP limit"),
  OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT: entry(
    403,
    "documented",
    "UnAssociate or Terminate on an EIP in CREATING, ASSOCIATING or UNASSOCIATING (and UnAssociate on CREATE_FAILED)",
  ),
  INVALID_ESXI_NOT_SUPPORT: entry(400, "chosen", "fault rule only (DescribeInstanceAvailableEipResources is not emulated)"),
  OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND: entry(404, "chosen", "Allocate with an unknown resourceGroupId, or without one when the account has no default group"),
  // Codes the reference leaves open; names and statuses chosen by this emulator.
  AUTHFAILURE_INVALID_ACCESS_KEY: entry(401, "chosen", "the Credential access key id is unknown"),
  AUTHFAILURE_INVALID_TOKEN: entry(401, "chosen", "the Bearer token is unknown"),
  INVALID_PARAMETER_VALUE: entry(400, "chosen", "a parameter is out of range, not an allowed value, or duplicated"),
  INVALID_REQUEST_BODY: entry(400, "chosen", "the body is not valid UTF-8 JSON"),
  REQUEST_BODY_TOO_LARGE: entry(413, "chosen", "the body exceeds maxBodyBytes"),
  INVALID_ACTION: entry(400, "chosen", "X-ZC-Action is missing or not an emulated bmc EIP action"),
  INVALID_VERSION: entry(400, "chosen", "X-ZC-Version is missing or not 2022-11-20 / 2026-02-01"),
  INVALID_REQUEST_PATH: entry(404, "chosen", "any path other than /api/v2/bmc"),
  INVALID_HTTP_METHOD: entry(405, "chosen", "any method other than POST"),
  OPERATION_DENIED_INSUFFICIENT_BALANCE: entry(403, "chosen", "PREPAID cost above the balance, or POSTPAID with a balance of 0 or less"),
} satisfies Record<string, ZenlayerErrorCodeInfo>);

/** A code listed in {@link ZENLAYER_ERROR_CODES}. */
export type ZenlayerErrorCode = keyof typeof ZENLAYER_ERROR_CODES;

/** An API failure answered as `{requestId, code, message}` with `httpStatus`. */
export class ZenlayerApiError extends Error {
  readonly code: string;
  readonly httpStatus: number;

  constructor(code: ZenlayerErrorCode, message: string) {
    super(message);
    this.name = "ZenlayerApiError";
    this.code = code;
    this.httpStatus = ZENLAYER_ERROR_CODES[code].httpStatus;
  }
}
