/**
 * Where an error code's HTTP status comes from: the project's AWS facts (`spec`), AWS's published error
 * documentation (`aws-docs`), or a choice of this emulator where neither pins it (`chosen`).
 */
export type AwsStatusSource = "spec" | "aws-docs" | "chosen";

/** One error code the EC2 emulator answers, with its HTTP status and default message. */
export interface AwsErrorCodeInfo {
  readonly httpStatus: number;
  readonly message: string;
  readonly statusSource: AwsStatusSource;
  /** When the emulator answers it on its own; "fault rule only" codes need an `error-code` fault rule. */
  readonly producedWhen: string;
}

function entry(httpStatus: number, statusSource: AwsStatusSource, message: string, producedWhen: string): AwsErrorCodeInfo {
  return Object.freeze({ httpStatus, message, statusSource, producedWhen });
}

/**
 * Every code the AWS endpoint answers. Adapter tests can iterate it: each code is producible from state or,
 * failing that, with `{ provider: "aws", kind: "error-code", code }` (status and message default to these).
 */
export const AWS_ERROR_CODES = Object.freeze({
  // Authentication and authorisation.
  AuthFailure: entry(401, "spec", "AWS was not able to validate the provided access credentials", "unknown access key; no Authorization header; session key without its X-Amz-Security-Token, a wrong token, or a token on a long-term key"),
  SignatureDoesNotMatch: entry(403, "spec", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", "wrong signature (any signed byte changed); credential scope with another service, an unserved region, a date other than X-Amz-Date's, or a terminator other than aws4_request"),
  IncompleteSignature: entry(400, "aws-docs", "The request signature does not conform to AWS standards.", "malformed Authorization header, algorithm other than AWS4-HMAC-SHA256, missing or malformed X-Amz-Date, host or x-amz-date not signed, a signed header missing"),
  RequestExpired: entry(400, "spec", "Request has expired.", "X-Amz-Date more than timestampToleranceSeconds (300) from the server clock (a clock-skew fault shifts it); an expired session token"),
  UnauthorizedOperation: entry(403, "aws-docs", "You are not authorized to perform this operation.", "the access key's deniedActions lists the action (checked before DryRun)"),
  // Throttling and server errors.
  RequestLimitExceeded: entry(503, "spec", "Request limit exceeded.", "rate limit per access key exceeded; throttle fault"),
  Unavailable: entry(503, "spec", "The server is overloaded and can't handle the request.", "fault rule only (server-error with code Unavailable)"),
  ServiceUnavailable: entry(503, "aws-docs", "The request has failed due to a temporary failure of the server.", "fault rule only"),
  InternalError: entry(500, "spec", "An internal error has occurred.", "server-error fault; an unexpected emulator error"),
  InsufficientAddressCapacity: entry(503, "chosen", "Insufficient capacity to satisfy the request.", "the seed's publicIpCidr has no free address left"),
  // Request shape.
  MissingAction: entry(400, "chosen", "The request must contain the parameter Action.", "no Action parameter"),
  InvalidAction: entry(400, "spec", "The action is not valid for this web service.", "an action the emulator does not serve"),
  NoSuchVersion: entry(400, "chosen", "The requested version of service AmazonEC2 does not exist.", "Version other than 2016-11-15"),
  InvalidRequest: entry(400, "chosen", "The request received was invalid.", "path other than /, method other than GET/POST, body above maxBodyBytes"),
  MalformedQueryString: entry(404, "aws-docs", "The query string contains a syntax error.", "query string or form body that is not percent-encoded UTF-8"),
  MissingParameter: entry(400, "spec", "The request must contain the parameter.", "a required parameter is absent (Version, AllocationId, InstanceId, AssociationId, tag key …)"),
  UnknownParameter: entry(400, "chosen", "The parameter is not recognized.", "a parameter the action does not take (catches misspelt query keys)"),
  InvalidParameterValue: entry(400, "spec", "The value supplied for a parameter is not valid.", "bad boolean, domain, pool, border group, tag, filter name; PublicIp where a VPC address needs AllocationId"),
  InvalidParameterCombination: entry(400, "chosen", "Parameters that must not be used together were used together.", "DisassociateAddress with both AssociationId and PublicIp"),
  DryRunOperation: entry(412, "spec", "Request would have succeeded, but DryRun flag is set.", "DryRun=true on a request that would have succeeded"),
  // Resources.
  AddressLimitExceeded: entry(400, "spec", "The maximum number of addresses has been reached.", "AllocateAddress beyond the account's addressLimit in the region (default 5)"),
  "InvalidAllocationID.NotFound": entry(400, "spec", "The allocation ID does not exist.", "unknown, released, foreign or not-yet-listed (describeLagMs) allocation id"),
  "InvalidAssociationID.NotFound": entry(400, "spec", "The association ID does not exist.", "unknown or ended association id"),
  "InvalidAddress.NotFound": entry(400, "chosen", "The address is not found.", "DescribeAddresses PublicIp.N or DisassociateAddress PublicIp the caller does not hold"),
  "InvalidInstanceID.NotFound": entry(400, "spec", "The instance ID does not exist.", "well-formed instance id not in the caller's account and region"),
  "InvalidInstanceID.Malformed": entry(400, "spec", "Invalid id (expecting \"i-...\").", "instance id that is not i- + 8 or 17 hex digits"),
  "InvalidIPAddress.InUse": entry(400, "spec", "The address is in use.", "ReleaseAddress of an associated address"),
  "Resource.AlreadyAssociated": entry(400, "spec", "The resource is already associated.", "AssociateAddress without AllowReassociation=true when the address is associated elsewhere or the instance holds another address"),
  IncorrectInstanceState: entry(400, "spec", "The instance is not in a valid state for this operation.", "AssociateAddress to an instance that is not running (stopped, pending, stopping, shutting-down, terminated)"),
} satisfies Record<string, AwsErrorCodeInfo>);

/** A code listed in {@link AWS_ERROR_CODES}. */
export type AwsErrorCode = keyof typeof AWS_ERROR_CODES;

/** An EC2 API failure, answered in the XML error envelope with its HTTP status. */
export class AwsApiError extends Error {
  readonly code: string;
  readonly httpStatus: number;

  /** Message and status default to the table entry of `code`; unknown codes (fault rules) default to 400. */
  constructor(code: string, message?: string, httpStatus?: number) {
    const known = Object.hasOwn(AWS_ERROR_CODES, code) ? AWS_ERROR_CODES[code as AwsErrorCode] : undefined;
    super(message ?? known?.message ?? `The request failed with ${code}.`);
    this.name = "AwsApiError";
    this.code = code;
    this.httpStatus = httpStatus ?? known?.httpStatus ?? 400;
  }
}

/** `MissingParameter` naming the absent parameter. */
export function missingParameter(name: string): AwsApiError {
  return new AwsApiError("MissingParameter", `The request must contain the parameter ${name}`);
}

/** `InvalidParameterValue` for `value` of parameter `name`, with an optional reason. */
export function invalidParameterValue(name: string, value: string, reason?: string): AwsApiError {
  return new AwsApiError("InvalidParameterValue", `Value (${value}) for parameter ${name} is invalid.${reason === undefined ? "" : ` ${reason}`}`);
}
