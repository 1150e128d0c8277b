/**
 * Where a code (and its HTTP status) comes from:
 * - `official-common`: Zenlayer's common error list (its CSI driver's `pkg/cloud/error.go`);
 * - `official-docs`: an official API page (seed 002, the bmc EIP pages) or the docs' envelope page;
 * - `official-sdk`: the official SDKs (retry logic, synthesised codes, code comments);
 * - `terraform`: Zenlayer's Terraform provider;
 * - `assumption`: no official source; the emulator's choice, explained in `reference`.
 */
export type ZenlayerErrorSourceKind = "official-common" | "official-docs" | "official-sdk" | "terraform" | "assumption";

/** Where the HTTP status comes from: a documented value, or a choice this emulator made. */
export type ZenlayerStatusSource = "documented" | "chosen";

/** One error code the emulator can answer with: its status, its source and when it is produced. */
export interface ZenlayerErrorCodeInfo {
  readonly httpStatus: number;
  readonly statusSource: ZenlayerStatusSource;
  readonly source: ZenlayerErrorSourceKind;
  /** The page, file or reasoning behind the code; for `assumption`, why no official code fits. */
  readonly reference: string;
  /** When the emulator answers it on its own; "fault rule only" codes need an `error-code` fault rule. */
  readonly producedWhen: string;
}

const COMMON_LIST = "zenlayer/zenlayer-cloud-csi-driver pkg/cloud/error.go (common codes)";
const EIP_DOCS = "docs.console.zenlayer.com bmc EIP API pages";
const COMMON_STATUS = "the docs give only 4xx for bad input, 5xx for system errors";

function entry(
  httpStatus: number,
  statusSource: ZenlayerStatusSource,
  source: ZenlayerErrorSourceKind,
  reference: string,
  producedWhen: string,
): ZenlayerErrorCodeInfo {
  return Object.freeze({ httpStatus, statusSource, source, reference, producedWhen });
}

/**
 * Every error code the Zenlayer emulator can answer, its HTTP status and where it comes from. Adapter tests
 * walk it: each code is produced by state or, failing that, by an `error-code` fault rule with this status.
 * The README's "Zenlayer error codes and their sources" table is checked against it by a test.
 */
export const ZENLAYER_ERROR_CODES = Object.freeze({
  // Common codes: every code of the official list is here.
  INTERNAL_SERVER_ERROR: entry(500, "chosen", "official-common", `${COMMON_LIST}; ${COMMON_STATUS}`, "server-error fault; an unexpected emulator error"),
  SERVICE_TEMPORARY_UNAVAILABLE: entry(503, "chosen", "official-common", COMMON_LIST, "fault rule only"),
  REQUEST_TIMED_OUT: entry(504, "chosen", "official-common", COMMON_LIST, "fault rule only"),
  AUTHFAILURE_INVALID_AUTHORIZATION: entry(401, "chosen", "official-common", COMMON_LIST, "Authorization missing, unparseable, of another algorithm, or with SignedHeaders lacking content-type/host"),
  AUTHFAILURE_SIGNATURE_FAILURE: entry(401, "chosen", "official-common", `${COMMON_LIST}; the official CLI guidance names bad credentials as a cause`, "signature mismatch, unknown access key id, bad X-ZC-Signature-Method or X-ZC-Timestamp, a signed header missing"),
  AUTHFAILURE_UNAUTHORIZED_OPERATION: entry(403, "chosen", "official-common", `${COMMON_LIST} ("the API does not exist or access was not granted")`, "unknown or missing X-ZC-Action, or an action outside the access key's `allowedActions`"),
  AUTHFAILURE_SIGNATURE_EXPIRED: entry(401, "chosen", "official-common", `${COMMON_LIST} (Timestamp more than five minutes from server time)`, "X-ZC-Timestamp further than `timestampWindowSeconds` (300) from the server clock, clock-skew faults included"),
  MISSING_PARAMETER: entry(400, "documented", "official-common", `${COMMON_LIST}; 400 in the bmc client comments`, "a required parameter is absent or empty"),
  INVALID_PARAMETER_TYPE: entry(400, "documented", "official-common", `${COMMON_LIST}; 400 on the ZEC CreateEips page`, "a parameter has the wrong JSON type, or the body is not a JSON object"),
  INVALID_PARAMETER_EXCEED_MAXIMUM: entry(400, "chosen", "official-common", COMMON_LIST, "a number above its maximum (amount > 100, period > 36, pageSize > 1000, netmask > 32)"),
  INVALID_PARAMETER_LESS_MINIMUM: entry(400, "chosen", "official-common", COMMON_LIST, "a number below its minimum (amount < 1, period < 1, pageSize < 1, pageNum < 1)"),
  INVALID_PARAMETER_EXCEED_LENGTH: entry(400, "chosen", "official-common", COMMON_LIST, "too many items (eipIds > 100, tags > 20, tagKeys > 20) or a tag key/value over 128 characters"),
  INVALID_PARAMETER_LESS_LENGTH: entry(400, "chosen", "official-common", COMMON_LIST, "an empty tag key or value, or an empty string in eipIds / tagKeys"),
  INVALID_PARAMETER_PATTERN_ERROR: entry(400, "chosen", "official-common", COMMON_LIST, "a tag key or value with control characters; an ipAddress filter that is not dotted IPv4"),
  INVALID_PARAMETER_DATE_FORMAT_ERROR: entry(400, "chosen", "official-common", COMMON_LIST, "fault rule only (no emulated action takes a date)"),
  INVALID_PARAMETER_VALUE: entry(400, "chosen", "official-common", COMMON_LIST, "not one of the allowed values (eipChargeType, eipStatus), or a repeated tag key"),
  OPERATION_FAILED_FOR_RECYCLE_RESOURCE: entry(403, "chosen", "official-common", `${COMMON_LIST}; 403 like the documented FAILED_OPERATION_FOR_RECYCLE_RESOURCE`, "fault rule only (the emulated actions answer their documented recycle codes)"),
  OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND: entry(404, "chosen", "official-common", `${COMMON_LIST}; ModifyEipAddressesResourceGroup comments`, "Allocate with an unknown resourceGroupId, or without one when the account has no default group"),
  OPERATION_FAILED_RESOURCE_NOT_FOUND: entry(404, "chosen", "official-common", `${COMMON_LIST}; Terraform treats it as "already gone" on ReleaseEipAddresses`, "ReleaseEipAddresses naming an unknown or released eipId"),
  // Codes of the official SDKs and of Terraform.
  REQUEST_LIMIT_EXCEEDED: entry(429, "documented", "official-sdk", "official SDKs' rate-limit retry (Go ratelimitretry.go, Python/Java AbstractClient)", "rate limit per access key exceeded; throttle fault"),
  SECURITY_CHALLENGE: entry(403, "documented", "official-sdk", "Python/Java SDKs synthesise it from HTTP 403 + cf-mitigated: challenge", "fault rule only"),
  REQUEST_BLOCKED: entry(451, "documented", "official-sdk", "Python/Java SDKs synthesise it from HTTP 451", "fault rule only"),
  INVALID_OPERATION_TIMEOUT: entry(504, "chosen", "terraform", "Terraform resource_zc_bmc_eip.go retries it on Allocate", "fault rule only"),
  INVALID_RESOURCE_NOT_FOUND: entry(404, "chosen", "terraform", "Terraform: the older code of OPERATION_FAILED_RESOURCE_NOT_FOUND", "fault rule only (the emulator answers the current code)"),
  // bmc EIP codes of the API pages (seed 002 is the AllocateEipAddresses page).
  INVALID_ZONE_NOT_FOUND: entry(404, "documented", "official-docs", "AllocateEipAddresses (seed 002), DescribeEipAvailableResources", "unknown zoneId in Allocate or DescribeEipAvailableResources"),
  INVALID_EIP_TYPE_ZONE_NO_SELL: entry(400, "documented", "official-docs", "AllocateEipAddresses (seed 002)", "Allocate in a SOLD_OUT zone or beyond the zone's remaining stock"),
  OPERATION_DENIED_UNAVAILABLE_NETMASK: entry(403, "chosen", "official-sdk", "Java SDK BmcErrorCode", "Allocate with a netmask the zone does not offer"),
  OPERATION_DENIED_NETMASK_OUT_OF_STOCK: entry(403, "chosen", "official-sdk", "Java SDK BmcErrorCode", "Allocate with a non-default netmask whose blocks are exhausted"),
  INVALID_EIP_NOT_FOUND: entry(404, "documented", "official-docs", `${EIP_DOCS}: Terminate, Associate, UnAssociate`, "Terminate, Associate or UnAssociate of an unknown or released eipId"),
  OPERATION_DENIED_EIP_SUBSCRIPTION: entry(403, "documented", "official-docs", `${EIP_DOCS}: TerminateEipAddress`, "Terminate on a PREPAID EIP"),
  OPERATION_DENIED_EIP_RECYCLED: entry(403, "documented", "official-docs", `${EIP_DOCS}: TerminateEipAddress`, "Terminate on an EIP in RECYCLING or RECYCLE"),
  OPERATION_DENIED_EIP_NOT_RECYCLED: entry(403, "documented", "official-docs", `${EIP_DOCS}: ReleaseEipAddresses`, "Release of an EIP that is not in RECYCLE"),
  INVALID_INSTANCE_NOT_FOUND: entry(403, "documented", "official-docs", `${EIP_DOCS}: AssociateEipAddress (403 sic)`, "Associate with an unknown instanceId"),
  OPERATION_DENIED_INSTANCE_RECYCLED: entry(403, "chosen", "official-docs", `${EIP_DOCS}: AssociateEipAddress (table truncated; 403 inferred)`, "Associate with an instance in RECYCLING or RECYCLE"),
  OPERATION_DENIED_INSTANCE_NOT_RUNNING: entry(403, "chosen", "official-docs", `${EIP_DOCS}: AssociateEipAddress (403 inferred)`, "Associate with an instance that is not RUNNING"),
  OPERATION_DENIED_EIP_ZONE_NOT_SAME: entry(403, "chosen", "official-docs", `${EIP_DOCS}: AssociateEipAddress (403 inferred)`, "Associate an EIP with an instance of another zone"),
  FAILED_OPERATION_FOR_RECYCLE_RESOURCE: entry(403, "documented", "official-docs", `${EIP_DOCS}: UnAssociateEipAddress, AssociateEipAddress`, "(Un)Associate on an EIP in RECYCLING or RECYCLE"),
  OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE: entry(403, "chosen", "official-docs", `${EIP_DOCS}: AssociateEipAddress (403 inferred)`, "Associate on an EIP that is not AVAILABLE"),
  OPERATION_DENIED_EIP_ESXI_INSTANCE_ASSIGN: entry(403, "chosen", "official-docs", `${EIP_DOCS}: AssociateEipAddress (403 inferred)`, "Associate with an ESXi instance"),
  OPERATION_DENIED_EIP_INSTANCE_EXCEED_LIMIT: entry(403, "chosen", "official-docs", `${EIP_DOCS}: AssociateEipAddress (403 inferred)`, "Associate beyond the instance's EIP limit"),
  OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT: entry(403, "documented", "official-docs", `${EIP_DOCS}: UnAssociateEipAddress`, "UnAssociate or Terminate on an EIP in CREATING, ASSOCIATING or UNASSOCIATING (and UnAssociate on CREATE_FAILED)"),
  INVALID_ESXI_NOT_SUPPORT: entry(400, "chosen", "official-sdk", "bmc client comments: DescribeInstanceAvailableEipResources", "fault rule only (that action is not emulated)"),
  // No official equivalent found: kept, and marked as assumptions.
  AUTHFAILURE_INVALID_TOKEN: entry(401, "chosen", "assumption", "assumption: the common list has no code for an unknown Bearer token", "the Bearer token is unknown"),
  INVALID_VERSION: entry(400, "chosen", "assumption", "assumption: no official code for an unsupported X-ZC-Version", "X-ZC-Version is missing or not 2022-11-20 / 2026-02-01"),
  INVALID_REQUEST_BODY: entry(400, "chosen", "assumption", "assumption: no official code for a body that is not JSON", "the body is not valid UTF-8 JSON"),
  REQUEST_BODY_TOO_LARGE: entry(413, "chosen", "assumption", "assumption: no official body limit or code", "the body exceeds maxBodyBytes"),
  INVALID_REQUEST_PATH: entry(404, "chosen", "assumption", "assumption: no official code for a wrong path", "any path other than /api/v2/bmc"),
  INVALID_HTTP_METHOD: entry(405, "chosen", "assumption", "assumption: no official code for a method other than POST", "any method other than POST"),
  OPERATION_DENIED_INSUFFICIENT_BALANCE: entry(403, "chosen", "assumption", "assumption: seed 002 says Allocate fails on an insufficient balance but names no code", "PREPAID cost above the balance, or POSTPAID with a balance of 0 or less"),
} satisfies Record<string, ZenlayerErrorCodeInfo>);

/** A code listed in {@link ZENLAYER_ERROR_CODES}. */
export type ZenlayerErrorCode = keyof typeof ZENLAYER_ERROR_CODES;
