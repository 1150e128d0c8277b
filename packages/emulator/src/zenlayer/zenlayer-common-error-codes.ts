import { codeInfo, type ZenlayerErrorCodeInfo } from "./zenlayer-error-code-info.js";

const COMMON_LIST = "zenlayer/zenlayer-cloud-csi-driver pkg/cloud/error.go (common codes)";
const COMMON_STATUS = "the docs give only 4xx for bad input, 5xx for system errors";

/** The common codes: every code of Zenlayer's official common list is here. */
export const ZENLAYER_COMMON_ERROR_CODES = Object.freeze({
  INTERNAL_SERVER_ERROR: codeInfo(
    500,
    "chosen",
    "official-common",
    `${COMMON_LIST}; ${COMMON_STATUS}`,
    "server-error fault; an unexpected emulator error",
  ),
  SERVICE_TEMPORARY_UNAVAILABLE: codeInfo(503, "chosen", "official-common", COMMON_LIST, "fault rule only"),
  REQUEST_TIMED_OUT: codeInfo(504, "chosen", "official-common", COMMON_LIST, "fault rule only"),
  AUTHFAILURE_INVALID_AUTHORIZATION: codeInfo(
    401,
    "chosen",
    "official-common",
    COMMON_LIST,
    "Authorization missing, unparseable, of another algorithm, or with SignedHeaders lacking content-type/host",
  ),
  AUTHFAILURE_SIGNATURE_FAILURE: codeInfo(
    401,
    "chosen",
    "official-common",
    `${COMMON_LIST}; the official CLI guidance names bad credentials as a cause`,
    "signature mismatch, unknown access key id, bad X-ZC-Signature-Method or X-ZC-Timestamp, a signed header missing",
  ),
  AUTHFAILURE_UNAUTHORIZED_OPERATION: codeInfo(
    403,
    "chosen",
    "official-common",
    `${COMMON_LIST} ("the API does not exist or access was not granted")`,
    "unknown or missing X-ZC-Action, or an action outside the access key's `allowedActions`",
  ),
  AUTHFAILURE_SIGNATURE_EXPIRED: codeInfo(
    401,
    "chosen",
    "official-common",
    `${COMMON_LIST} (Timestamp more than five minutes from server time)`,
    "X-ZC-Timestamp further than `timestampWindowSeconds` (300) from the server clock, clock-skew faults included",
  ),
  MISSING_PARAMETER: codeInfo(
    400,
    "documented",
    "official-common",
    `${COMMON_LIST}; 400 in the bmc client comments`,
    "a required parameter is absent or empty",
  ),
  INVALID_PARAMETER_TYPE: codeInfo(
    400,
    "documented",
    "official-common",
    `${COMMON_LIST}; 400 on the ZEC CreateEips page`,
    "a parameter has the wrong JSON type, or the body is not a JSON object",
  ),
  INVALID_PARAMETER_EXCEED_MAXIMUM: codeInfo(
    400,
    "chosen",
    "official-common",
    COMMON_LIST,
    "a number above its maximum (amount > 100, period > 36, pageSize > 1000, netmask > 32)",
  ),
  INVALID_PARAMETER_LESS_MINIMUM: codeInfo(
    400,
    "chosen",
    "official-common",
    COMMON_LIST,
    "a number below its minimum (amount < 1, period < 1, pageSize < 1, pageNum < 1)",
  ),
  INVALID_PARAMETER_EXCEED_LENGTH: codeInfo(
    400,
    "chosen",
    "official-common",
    COMMON_LIST,
    "too many items (eipIds > 100, tags > 20, tagKeys > 20) or a tag key/value over 128 characters",
  ),
  INVALID_PARAMETER_LESS_LENGTH: codeInfo(
    400,
    "chosen",
    "official-common",
    COMMON_LIST,
    "an empty tag key or value, or an empty string in eipIds / tagKeys",
  ),
  INVALID_PARAMETER_PATTERN_ERROR: codeInfo(
    400,
    "chosen",
    "official-common",
    COMMON_LIST,
    "a tag key or value with control characters; an ipAddress filter that is not dotted IPv4",
  ),
  INVALID_PARAMETER_DATE_FORMAT_ERROR: codeInfo(
    400,
    "chosen",
    "official-common",
    COMMON_LIST,
    "fault rule only (no emulated action takes a date)",
  ),
  INVALID_PARAMETER_VALUE: codeInfo(
    400,
    "chosen",
    "official-common",
    COMMON_LIST,
    "not one of the allowed values (eipChargeType, eipStatus), or a repeated tag key",
  ),
  OPERATION_FAILED_FOR_RECYCLE_RESOURCE: codeInfo(
    403,
    "chosen",
    "official-common",
    `${COMMON_LIST}; 403 like the documented FAILED_OPERATION_FOR_RECYCLE_RESOURCE`,
    "fault rule only (the emulated actions answer their documented recycle codes)",
  ),
  OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND: codeInfo(
    404,
    "chosen",
    "official-common",
    `${COMMON_LIST}; ModifyEipAddressesResourceGroup comments`,
    "Allocate with an unknown resourceGroupId, or without one when the account has no default group",
  ),
  OPERATION_FAILED_RESOURCE_NOT_FOUND: codeInfo(
    404,
    "chosen",
    "official-common",
    `${COMMON_LIST}; Terraform treats it as "already gone" on ReleaseEipAddresses`,
    "ReleaseEipAddresses naming an unknown or released eipId",
  ),
} satisfies Record<string, ZenlayerErrorCodeInfo>);
