/** HTTP status and default message of an Alibaba error code. */
export interface AlibabaErrorDefinition {
  httpStatus: number;
  message: string;
}

/**
 * One error code of the `AllocatePublicIpAddress` error tables in the seed documents, with its HTTP status.
 * Adapter tests iterate these to inject each one with an `error-code` fault rule.
 */
export interface AlibabaSeedErrorCode {
  code: string;
  httpStatus: number;
  message: string;
  /** How the emulator produces it from state alone; undefined when only an `error-code` fault rule produces it. */
  stateTrigger?: string;
}

/**
 * Every error code listed for `AllocatePublicIpAddress` in the seed documents (000, 001, 003), with the seeds' HTTP
 * status. All are producible with `{ provider: "alibaba", kind: "error-code", code }` (status and message default
 * to these); those with a `stateTrigger` also arise from state.
 */
export const ALIBABA_SEED_ERROR_CODES: readonly AlibabaSeedErrorCode[] = [
  { code: "InvalidOperation.AllocateFailed", httpStatus: 400, message: "The current instance failed to allocate public IP, please try again later." },
  { code: "InvalidIpAddress.Malformed", httpStatus: 400, message: 'The specified parameter "IpAddress" is not valid.', stateTrigger: "IpAddress is not a dotted IPv4 address" },
  { code: "OperationDenied", httpStatus: 400, message: "Specified operation is denied as your instance is in VPC.", stateTrigger: "the instance has an EIP associated" },
  { code: "InsufficientPublicIp", httpStatus: 400, message: "Ip address not found.", stateTrigger: "the seed's public IP pool is exhausted" },
  { code: "AllocateIpInvalidInstanceBandwidth", httpStatus: 400, message: "OperationDenied The InternetMaxBandwidthOut of the specified instance cannot be less than 0.", stateTrigger: "InternetMaxBandwidthOut is 0" },
  { code: "OperationDenied.CloudboxNotSupport", httpStatus: 400, message: "This operation is denied, because the specified ECS instance which is in the Cloudbox dose not support PublicIp or Eip.", stateTrigger: "instance seeded with cloudbox: true" },
  { code: "OperationDenied.DedicatedRegionNotSupported", httpStatus: 400, message: "This operation is denied, because the specified ECS instance which is in the dedicated region dose not support PublicIp or Eip.", stateTrigger: "instance seeded with dedicatedRegion: true" },
  { code: "IncorrectInstanceStatus", httpStatus: 403, message: "The current status of the resource does not support this operation.", stateTrigger: "instance status is not Running or Stopped" },
  { code: "InstanceLockedForSecurity", httpStatus: 403, message: "The specified operation is denied as your instance is locked for security reasons.", stateTrigger: 'instance seeded with lockReasons: ["security"]' },
  { code: "InstanceExpiredOrInArrears", httpStatus: 403, message: "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode).", stateTrigger: 'instance seeded with expired: true or lockReasons: ["financial"]' },
  { code: "IpInUse", httpStatus: 403, message: "The specified IP is already in use.", stateTrigger: "IpAddress is already used by another instance" },
  { code: "AllocatedAlready", httpStatus: 403, message: "There is an IpAddress allocated already for the specified instance.", stateTrigger: 'second allocation with options.secondAllocate = "allocated-already"' },
  { code: "AllocateIp.Fail", httpStatus: 403, message: "The specified instance fails to allocate ip, please try again." },
  { code: "NAT_PUBLIC_IP_BINDING_FAILED", httpStatus: 403, message: "Binding nat public ip failed." },
  { code: "NAT_PUBLIC_IP_ALLOCATE_FAILED", httpStatus: 403, message: "Nat public ip binding failed." },
  { code: "InvalidIpAddress.NotPublic", httpStatus: 403, message: "The specified IP is not public address.", stateTrigger: "IpAddress is a private, loopback or reserved address" },
  { code: "InvalidInstanceId.NotFound", httpStatus: 404, message: "The specified InstanceId does not exist.", stateTrigger: "unknown InstanceId" },
  { code: "InvalidVlanId.NotFound", httpStatus: 404, message: "The VlanId provided does not exist in our records.", stateTrigger: "VlanId not in the seed's vlanIds" },
  { code: "InvalidIpAddress.NotFound", httpStatus: 404, message: "The specified IP is not in the specified vlan." },
  { code: "InternalError", httpStatus: 500, message: "The request processing has failed due to some unknown error." },
];

/** Gateway and API codes the emulator answers besides the seed codes (reference §2.5, §3). */
const COMMON_ERRORS: Record<string, AlibabaErrorDefinition> = {
  MissingParameter: { httpStatus: 400, message: "A required parameter is not supplied." },
  InvalidParameter: { httpStatus: 400, message: "The specified parameter is not valid." },
  "InvalidAction.NotFound": { httpStatus: 404, message: "Specified api is not found, please check your url and method." },
  InvalidVersion: { httpStatus: 400, message: 'Specified parameter "Version" is not valid.' },
  UnsupportedHTTPMethod: { httpStatus: 403, message: "This http method is not supported." },
  "InvalidAccessKeyId.NotFound": { httpStatus: 404, message: "Specified access key is not found." },
  "InvalidAccessKeyId.Inactive": { httpStatus: 400, message: "Specified access key is disabled." },
  SignatureDoesNotMatch: { httpStatus: 400, message: "Specified signature is not matched with our calculation." },
  IncompleteSignature: { httpStatus: 400, message: "The request signature does not conform to Aliyun standards." },
  InvalidSignatureMethod: { httpStatus: 400, message: "Specified signature method is not valid." },
  "InvalidTimeStamp.Format": { httpStatus: 400, message: "Specified time stamp or date value is not well formatted." },
  "InvalidTimeStamp.Expired": { httpStatus: 400, message: "Specified time stamp or date value is expired." },
  IllegalTimestamp: { httpStatus: 400, message: 'The input parameter "Timestamp" that is mandatory for processing this request is not supplied.' },
  SignatureNonceUsed: { httpStatus: 400, message: "Specified signature nonce was used already." },
  "InvalidSecurityToken.Expired": { httpStatus: 400, message: "Specified SecurityToken is expired." },
  "InvalidSecurityToken.Malformed": { httpStatus: 400, message: "Specified SecurityToken is malformed." },
  "InvalidSecurityToken.MismatchWithAccessKey": { httpStatus: 400, message: "Specified SecurityToken mismatch with the AccessKey." },
  "Throttling.User": { httpStatus: 400, message: "Request was denied due to user flow control." },
  "Throttling.Api": { httpStatus: 400, message: "Request was denied due to api flow control." },
  Throttling: { httpStatus: 400, message: "Request was denied due to request throttling." },
  ServiceUnavailable: { httpStatus: 503, message: "The request has failed due to a temporary failure of the server." },
  IdempotentParameterMismatch: { httpStatus: 400, message: "The request uses the same client token as a previous, but non-identical request." },
  DryRunOperation: { httpStatus: 400, message: "Request validation has been passed with DryRun flag set." },
  "InvalidIpAddress.NeedInstanceId": { httpStatus: 403, message: 'The parameter "InstanceId" is required to release the specified IP.' },
  "InvalidInstanceIds.Malformed": { httpStatus: 400, message: 'The specified parameter "InstanceIds" is not valid.' },
};

const SEED_ERRORS: Record<string, AlibabaErrorDefinition> = Object.fromEntries(
  ALIBABA_SEED_ERROR_CODES.map((entry) => [entry.code, { httpStatus: entry.httpStatus, message: entry.message }]),
);

/** Status and message for a code the emulator knows; unknown codes default to 400 with a generic message. */
export function lookupAlibabaError(code: string): AlibabaErrorDefinition {
  return SEED_ERRORS[code] ?? COMMON_ERRORS[code] ?? { httpStatus: 400, message: `The request failed with ${code}.` };
}
