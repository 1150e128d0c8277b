import { type AwsErrorCodeInfo, codeInfo } from "./aws-error-code-info.js";

export type { AwsErrorCodeInfo, AwsStatusSource } from "./aws-error-code-info.js";

/**
 * Every code the AWS endpoint answers. Adapter tests can iterate it: each code is producible from state or,
 * failing that, with `{ provider: "aws", kind: "error-code", code }` (status and message default to these).
 */
export const AWS_ERROR_CODES = Object.freeze({
  // Authentication and authorisation.
  AuthFailure: codeInfo(
    401,
    "spec",
    "AWS was not able to validate the provided access credentials",
    "unknown access key; no Authorization header; session key without its X-Amz-Security-Token, a wrong token, or a token on a long-term key",
  ),
  SignatureDoesNotMatch: codeInfo(
    403,
    "spec",
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    "wrong signature (any signed byte changed); credential scope with another service, an unserved region, a date other than X-Amz-Date's, or a terminator other than aws4_request",
  ),
  IncompleteSignature: codeInfo(
    400,
    "aws-docs",
    "The request signature does not conform to AWS standards.",
    "malformed Authorization header, algorithm other than AWS4-HMAC-SHA256, missing or malformed X-Amz-Date, host or x-amz-date not signed, a signed header missing",
  ),
  RequestExpired: codeInfo(
    400,
    "spec",
    "Request has expired.",
    "X-Amz-Date more than timestampToleranceSeconds (300) from the server clock (a clock-skew fault shifts it); an expired session token",
  ),
  UnauthorizedOperation: codeInfo(
    403,
    "aws-docs",
    "You are not authorized to perform this operation.",
    "the access key's deniedActions lists the action (checked before DryRun)",
  ),
  // Throttling and server errors.
  RequestLimitExceeded: codeInfo(
    503,
    "spec",
    "Request limit exceeded.",
    "rate limit per access key exceeded; throttle fault",
  ),
  Unavailable: codeInfo(
    503,
    "spec",
    "The server is overloaded and can't handle the request.",
    "fault rule only (server-error with code Unavailable)",
  ),
  ServiceUnavailable: codeInfo(
    503,
    "aws-docs",
    "The request has failed due to a temporary failure of the server.",
    "fault rule only",
  ),
  InternalError: codeInfo(
    500,
    "spec",
    "An internal error has occurred.",
    "server-error fault; an unexpected emulator error",
  ),
  InsufficientAddressCapacity: codeInfo(
    503,
    "chosen",
    "Insufficient capacity to satisfy the request.",
    "the seed's publicIpCidr has no free address left",
  ),
  // Request shape.
  MissingAction: codeInfo(400, "chosen", "The request must contain the parameter Action.", "no Action parameter"),
  InvalidAction: codeInfo(
    400,
    "spec",
    "The action is not valid for this web service.",
    "an action the emulator does not serve",
  ),
  NoSuchVersion: codeInfo(
    400,
    "chosen",
    "The requested version of service AmazonEC2 does not exist.",
    "Version other than 2016-11-15",
  ),
  InvalidRequest: codeInfo(
    400,
    "chosen",
    "The request received was invalid.",
    "path other than /, method other than GET/POST, body above maxBodyBytes",
  ),
  MalformedQueryString: codeInfo(
    404,
    "aws-docs",
    "The query string contains a syntax error.",
    "query string or form body that is not percent-encoded UTF-8",
  ),
  MissingParameter: codeInfo(
    400,
    "spec",
    "The request must contain the parameter.",
    "a required parameter is absent (Version, AllocationId, InstanceId, AssociationId, tag key …)",
  ),
  UnknownParameter: codeInfo(
    400,
    "chosen",
    "The parameter is not recognized.",
    "a parameter the action does not take (catches misspelt query keys)",
  ),
  InvalidParameterValue: codeInfo(
    400,
    "spec",
    "The value supplied for a parameter is not valid.",
    "bad boolean, domain, pool, border group, tag, filter name; PublicIp where a VPC address needs AllocationId",
  ),
  InvalidParameterCombination: codeInfo(
    400,
    "chosen",
    "Parameters that must not be used together were used together.",
    "DisassociateAddress with both AssociationId and PublicIp",
  ),
  DryRunOperation: codeInfo(
    412,
    "spec",
    "Request would have succeeded, but DryRun flag is set.",
    "DryRun=true on a request that would have succeeded",
  ),
  // Resources.
  AddressLimitExceeded: codeInfo(
    400,
    "spec",
    "The maximum number of addresses has been reached.",
    "AllocateAddress beyond the account's addressLimit in the region (default 5)",
  ),
  "InvalidAllocationID.NotFound": codeInfo(
    400,
    "spec",
    "The allocation ID does not exist.",
    "unknown, released, foreign or not-yet-listed (describeLagMs) allocation id",
  ),
  "InvalidAssociationID.NotFound": codeInfo(
    400,
    "spec",
    "The association ID does not exist.",
    "unknown or ended association id",
  ),
  "InvalidAddress.NotFound": codeInfo(
    400,
    "chosen",
    "The address is not found.",
    "DescribeAddresses PublicIp.N or DisassociateAddress PublicIp the caller does not hold",
  ),
  "InvalidInstanceID.NotFound": codeInfo(
    400,
    "spec",
    "The instance ID does not exist.",
    "well-formed instance id not in the caller's account and region",
  ),
  "InvalidInstanceID.Malformed": codeInfo(
    400,
    "spec",
    'Invalid id (expecting "i-...").',
    "instance id that is not i- + 8 or 17 hex digits",
  ),
  "InvalidIPAddress.InUse": codeInfo(400, "spec", "The address is in use.", "ReleaseAddress of an associated address"),
  "Resource.AlreadyAssociated": codeInfo(
    400,
    "spec",
    "The resource is already associated.",
    "AssociateAddress without AllowReassociation=true when the address is associated elsewhere or the instance holds another address",
  ),
  IncorrectInstanceState: codeInfo(
    400,
    "spec",
    "The instance is not in a valid state for this operation.",
    "AssociateAddress to an instance that is not running (stopped, pending, stopping, shutting-down, terminated)",
  ),
} satisfies Record<string, AwsErrorCodeInfo>);

/** A code listed in {@link AWS_ERROR_CODES}. */
export type AwsErrorCode = keyof typeof AWS_ERROR_CODES;
