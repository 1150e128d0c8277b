/**
 * Every error code the Alibaba emulator can answer on its own, with its HTTP status, message, where that comes
 * from and what produces it. The README's "Alibaba error codes and their sources" table is checked against it.
 * A code may appear once per action when the docs give it another status or message there.
 */
export interface AlibabaCatalogueEntry {
  code: string;
  httpStatus: number;
  message: string;
  /** The action whose docs list it; undefined for gateway codes every action can answer. */
  action?: string;
  /** A seed page, an official doc URL, or "assumption: …" where the docs are silent. */
  source: string;
  /** What produces it from state or the request; "fault rule only" when only an `error-code` rule does. */
  trigger: string;
}

const SEED_000 = "seed 000 (AllocatePublicIpAddress API page, help.aliyun.com)";
const SEEDS_000_001 = "seeds 000, 001";
const SEEDS_ALL = "seeds 000, 001, 003";
const RELEASE_DOC = "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-releasepublicipaddress";
const ERR_POP = "https://developer.aliyun.com/ask/278265";
const ERR_51132 = "https://help.aliyun.com/document_detail/51132.html";
const DESCRIBE_DOC = "https://help.aliyun.com/zh/ecs/developer-reference/api-ecs-2014-05-26-describeinstances";
const IDEMPOTENCE_DOC = "https://help.aliyun.com/document_detail/25693.html";
const POWER = "assumption: ECS instance power actions (StartInstance / StopInstance / RebootInstance) answer IncorrectInstanceStatus like the public-IP actions";

const ALLOCATE = "AllocatePublicIpAddress";
const RELEASE = "ReleasePublicIpAddress";

/** The catalogue, grouped: AllocatePublicIpAddress (seed pages), ReleasePublicIpAddress, other actions, gateway. */
export const ALIBABA_ERROR_CATALOGUE: readonly AlibabaCatalogueEntry[] = [
  { action: ALLOCATE, code: "InvalidOperation.AllocateFailed", httpStatus: 400, message: "The current instance failed to allocate public IP, please try again later.", source: SEED_000, trigger: "fault rule only" },
  { action: ALLOCATE, code: "InvalidIpAddress.Malformed", httpStatus: 400, message: 'The specified parameter "IpAddress" is not valid.', source: SEEDS_000_001, trigger: "IpAddress is not a dotted IPv4 address" },
  { action: ALLOCATE, code: "OperationDenied", httpStatus: 400, message: "Specified operation is denied as your instance is in VPC.", source: SEEDS_ALL, trigger: "the instance has an EIP associated" },
  { action: ALLOCATE, code: "InsufficientPublicIp", httpStatus: 400, message: "Ip address not found.", source: SEEDS_ALL, trigger: "the seed's public IP pool is exhausted" },
  { action: ALLOCATE, code: "AllocateIpInvalidInstanceBandwidth", httpStatus: 400, message: "OperationDenied The InternetMaxBandwidthOut of the specified instance cannot be less than 0.", source: SEEDS_000_001, trigger: "InternetMaxBandwidthOut is 0" },
  { action: ALLOCATE, code: "OperationDenied.CloudboxNotSupport", httpStatus: 400, message: "This operation is denied, because the specified ECS instance which is in the Cloudbox dose not support PublicIp or Eip.", source: SEED_000, trigger: "instance seeded with cloudbox: true" },
  { action: ALLOCATE, code: "OperationDenied.DedicatedRegionNotSupported", httpStatus: 400, message: "This operation is denied, because the specified ECS instance which is in the dedicated region dose not support PublicIp or Eip.", source: SEED_000, trigger: "instance seeded with dedicatedRegion: true" },
  { action: ALLOCATE, code: "IncorrectInstanceStatus", httpStatus: 403, message: "The current status of the resource does not support this operation.", source: SEEDS_ALL, trigger: "instance status is not Running or Stopped" },
  { action: ALLOCATE, code: "InstanceLockedForSecurity", httpStatus: 403, message: "The specified operation is denied as your instance is locked for security reasons.", source: SEEDS_ALL, trigger: 'instance seeded with lockReasons: ["security"]' },
  { action: ALLOCATE, code: "InstanceExpiredOrInArrears", httpStatus: 403, message: "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode).", source: SEEDS_ALL, trigger: 'instance seeded with expired: true or lockReasons: ["financial"]' },
  { action: ALLOCATE, code: "IpInUse", httpStatus: 403, message: "The specified IP is already in use.", source: SEEDS_000_001, trigger: "IpAddress is already used by another instance" },
  { action: ALLOCATE, code: "AllocatedAlready", httpStatus: 403, message: "There is an IpAddress allocated already for the specified instance.", source: SEEDS_ALL, trigger: 'second allocation with options.secondAllocate = "allocated-already"' },
  { action: ALLOCATE, code: "AllocateIp.Fail", httpStatus: 403, message: "The specified instance fails to allocate ip, please try again.", source: SEED_000, trigger: "fault rule only" },
  { action: ALLOCATE, code: "NAT_PUBLIC_IP_BINDING_FAILED", httpStatus: 403, message: "Binding nat public ip failed.", source: SEEDS_000_001, trigger: "fault rule only" },
  { action: ALLOCATE, code: "NAT_PUBLIC_IP_ALLOCATE_FAILED", httpStatus: 403, message: "Nat public ip binding failed.", source: SEEDS_000_001, trigger: "fault rule only" },
  { action: ALLOCATE, code: "InvalidIpAddress.NotPublic", httpStatus: 403, message: "The specified IP is not public address.", source: SEED_000, trigger: "IpAddress is a private, loopback or reserved address" },
  { action: ALLOCATE, code: "InvalidInstanceId.NotFound", httpStatus: 404, message: "The specified InstanceId does not exist.", source: SEEDS_ALL, trigger: "unknown InstanceId (every instance action)" },
  { action: ALLOCATE, code: "InvalidVlanId.NotFound", httpStatus: 404, message: "The VlanId provided does not exist in our records.", source: SEEDS_000_001, trigger: "VlanId not in the seed's vlanIds" },
  { action: ALLOCATE, code: "InvalidIpAddress.NotFound", httpStatus: 404, message: "The specified IP is not in the specified vlan.", source: SEEDS_000_001, trigger: "fault rule only" },
  { action: ALLOCATE, code: "InternalError", httpStatus: 500, message: "The request processing has failed due to some unknown error.", source: SEED_000, trigger: "server-error fault; an unexpected emulator error (every action)" },
  { action: RELEASE, code: "OperationDenied", httpStatus: 400, message: "Specified operation is denied as your instance is in VPC.", source: RELEASE_DOC, trigger: 'the instance is a VPC instance (instanceNetworkType "vpc")' },
  { action: RELEASE, code: "InvalidIpAddress.NotFound", httpStatus: 400, message: 'The specified parameter "IpAddress" is not found in your records.', source: RELEASE_DOC, trigger: "PublicIpAddress is not the instance's public IP (never allocated, or released already)" },
  { action: RELEASE, code: "DryRunOperation", httpStatus: 400, message: "This is a dryrun request with successful result.", source: RELEASE_DOC, trigger: "DryRun=true after every other check" },
  { action: RELEASE, code: "InvalidIpAddress.NeedInstanceId", httpStatus: 403, message: "The specified IpAddress need to release with InstanceId.", source: RELEASE_DOC, trigger: "InstanceId absent" },
  { action: RELEASE, code: "OperationTimesOverLimit", httpStatus: 403, message: "release public ip times over the limit", source: RELEASE_DOC, trigger: "fault rule only" },
  { action: "DescribeInstances", code: "InvalidInstanceIds.Malformed", httpStatus: 400, message: 'The specified parameter "InstanceIds" is not valid.', source: "assumption: DescribeInstances' documented InstanceIds limit (JSON array, at most 100) answered like other Malformed codes", trigger: "InstanceIds is not a JSON array of at most 100 strings" },
  { action: "DescribeInstances", code: "InvalidStatus.NotFound", httpStatus: 404, message: "The specified Status is not found.", source: DESCRIBE_DOC, trigger: "Status is not an ECS instance status" },
  { action: "ModifyInstanceNetworkSpec", code: "IdempotentParameterMismatch", httpStatus: 400, message: "The request uses the same client token as a previous, but non-identical request.", source: IDEMPOTENCE_DOC, trigger: "ClientToken reused with other parameters" },
  { action: "StartInstance", code: "IncorrectInstanceStatus", httpStatus: 403, message: "The current status of the resource does not support this operation.", source: POWER, trigger: "StartInstance on an instance that is not Stopped; Stop/RebootInstance on one that is not Running" },
  { code: "MissingParameter", httpStatus: 400, message: "A required parameter is not supplied.", source: ERR_POP, trigger: "a required parameter, Action or Version is absent" },
  { code: "InvalidParameter", httpStatus: 400, message: "The specified parameter is not valid.", source: ERR_POP, trigger: "a parameter value out of range; a body over maxBodyBytes; bad percent-encoding" },
  { code: "InvalidAction.NotFound", httpStatus: 404, message: "Specified api is not found, please check your url and method.", source: ERR_POP, trigger: "unknown Action, or a path other than /" },
  { code: "InvalidVersion", httpStatus: 400, message: 'Specified parameter "Version" is not valid.', source: ERR_51132, trigger: "Version other than 2014-05-26" },
  { code: "UnsupportedHTTPMethod", httpStatus: 403, message: "This http method is not supported.", source: ERR_51132, trigger: "a method other than GET or POST" },
  { code: "InvalidAccessKeyId.NotFound", httpStatus: 404, message: "Specified access key is not found.", source: `${ERR_POP}, ${ERR_51132}`, trigger: "unknown AccessKey id" },
  { code: "InvalidAccessKeyId.Inactive", httpStatus: 400, message: "Specified access key is disabled.", source: ERR_POP, trigger: "account seeded with active: false" },
  { code: "SignatureDoesNotMatch", httpStatus: 400, message: "Specified signature is not matched with our calculation.", source: ERR_POP, trigger: "wrong signature or secret; x-acs-content-sha256 differs from the body" },
  { code: "IncompleteSignature", httpStatus: 400, message: "The request signature does not conform to Aliyun standards.", source: ERR_51132, trigger: "malformed Authorization, unsigned required header, no V1 Signature" },
  { code: "InvalidSignatureMethod", httpStatus: 400, message: "Specified signature method is not valid.", source: ERR_POP, trigger: "V1 SignatureMethod other than HMAC-SHA1; V3 algorithm other than ACS3-HMAC-SHA256" },
  { code: "InvalidTimeStamp.Format", httpStatus: 400, message: "Specified time stamp or date value is not well formatted.", source: ERR_POP, trigger: "Timestamp / x-acs-date not yyyy-MM-ddTHH:mm:ssZ" },
  { code: "InvalidTimeStamp.Expired", httpStatus: 400, message: "Specified time stamp or date value is expired.", source: ERR_POP, trigger: "Timestamp more than timestampToleranceSeconds (900) from the server clock (a clock-skew fault shifts it)" },
  { code: "IllegalTimestamp", httpStatus: 400, message: 'The input parameter "Timestamp" that is mandatory for processing this request is not supplied.', source: ERR_51132, trigger: "Timestamp / x-acs-date absent" },
  { code: "SignatureNonceUsed", httpStatus: 400, message: "Specified signature nonce was used already.", source: ERR_POP, trigger: "a nonce reused within nonceTtlSeconds (900)" },
  { code: "InvalidSecurityToken.Expired", httpStatus: 400, message: "Specified SecurityToken is expired.", source: "assumption: code named in third-party CLI guides (reference §2.5); status not published", trigger: "STS token past securityTokenExpiration" },
  { code: "InvalidSecurityToken.Malformed", httpStatus: 400, message: "Specified SecurityToken is malformed.", source: "assumption: name and status unverified (reference §2.5)", trigger: "blank STS token" },
  { code: "InvalidSecurityToken.MismatchWithAccessKey", httpStatus: 400, message: "Specified SecurityToken mismatch with the AccessKey.", source: "assumption: name and status unverified (reference §2.5)", trigger: "STS token not the account's" },
  { code: "Throttling.User", httpStatus: 400, message: "Request was denied due to user flow control.", source: ERR_POP, trigger: "flow control (default 1000 calls / 60 s per action and AccessKey); throttle fault" },
  { code: "Throttling.Api", httpStatus: 400, message: "Request was denied due to api flow control.", source: `${ERR_POP} (status row truncated in the stored page; assumption: 400 like Throttling.User)`, trigger: "fault rule only" },
  { code: "Throttling", httpStatus: 400, message: "Request was denied due to request throttling.", source: "https://developer.aliyun.com/ask/128391", trigger: "fault rule only" },
  { code: "ServiceUnavailable", httpStatus: 503, message: "The request has failed due to a temporary failure of the server.", source: "https://help.aliyun.com/en/dns/error-code", trigger: 'server-error fault with code "ServiceUnavailable"' },
];

/** Status and message for a code: the entry of `action` first, then a gateway entry, then any entry of the code. */
export function findCatalogueEntry(code: string, action?: string): AlibabaCatalogueEntry | undefined {
  return (
    ALIBABA_ERROR_CATALOGUE.find((entry) => entry.code === code && entry.action === action && action !== undefined) ??
    ALIBABA_ERROR_CATALOGUE.find((entry) => entry.code === code && entry.action === undefined) ??
    ALIBABA_ERROR_CATALOGUE.find((entry) => entry.code === code)
  );
}
