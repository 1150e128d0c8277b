import type { IpAllocatorErrorCode } from "@polycloud/core";

/** How one Alibaba error code maps onto the neutral taxonomy. @public */
export interface AlibabaErrorRule {
  code: IpAllocatorErrorCode;
  /** Overrides the neutral code's default. */
  retryable?: boolean;
  /** The request may have been processed although an error came back (a mutation must be reconciled). */
  ambiguous?: boolean;
  /** What to do about it, kept in `details.hint`. */
  hint?: string;
  /** The request field at fault: the error lists it in `issues` (INVALID_ARGUMENT). */
  field?: string;
}

const CLOCK_HINT = "Check the system clock: Alibaba accepts requests within 15 minutes of its time.";
const AUTH_HINT = "Check the AccessKey id, secret and STS token the credential chain resolved.";
const BANDWIDTH_HINT =
  'Raise InternetMaxBandwidthOut first (ModifyInstanceNetworkSpec), or allocate with providerOptions["alibaba-ecs"].method "modify-instance-network-spec" and internetMaxBandwidthOut.';

/**
 * Alibaba `Code` → neutral code, keyed by the envelope's `Code` (the HTTP status of one code differs between
 * Alibaba's own doc pages). Covers every code of the AllocatePublicIpAddress seeds and the gateway codes.
 * @public
 */
export const ALIBABA_ECS_ERROR_TABLE: Readonly<Record<string, AlibabaErrorRule>> = {
  // AllocatePublicIpAddress (seeds 000, 001, 003).
  "InvalidOperation.AllocateFailed": { code: "UNAVAILABLE", hint: "Alibaba asks to try again later." },
  "InvalidIpAddress.Malformed": { code: "INVALID_ARGUMENT" },
  OperationDenied: {
    code: "FAILED_PRECONDITION",
    hint: "A VPC instance with an EIP cannot get a system public IP, or the VlanId has no free address.",
  },
  InsufficientPublicIp: { code: "RESOURCE_EXHAUSTED" },
  AllocateIpInvalidInstanceBandwidth: { code: "FAILED_PRECONDITION", hint: BANDWIDTH_HINT },
  "OperationDenied.CloudboxNotSupport": { code: "UNSUPPORTED" },
  "OperationDenied.DedicatedRegionNotSupported": { code: "UNSUPPORTED" },
  IncorrectInstanceStatus: { code: "FAILED_PRECONDITION", hint: "The instance must be Running or Stopped." },
  InstanceLockedForSecurity: { code: "FAILED_PRECONDITION" },
  InstanceExpiredOrInArrears: {
    code: "FAILED_PRECONDITION",
    hint: "Renew the instance or settle the overdue payment.",
  },
  IpInUse: { code: "ALREADY_EXISTS" },
  AllocatedAlready: { code: "ALREADY_EXISTS" },
  "AllocateIp.Fail": { code: "UNAVAILABLE", hint: "Alibaba asks to try again." },
  // The binding step failed after the address was picked: re-read the instance before concluding.
  NAT_PUBLIC_IP_BINDING_FAILED: { code: "INTERNAL", ambiguous: true },
  NAT_PUBLIC_IP_ALLOCATE_FAILED: { code: "INTERNAL", ambiguous: true },
  "InvalidIpAddress.NotPublic": { code: "INVALID_ARGUMENT" },
  "InvalidInstanceId.NotFound": { code: "NOT_FOUND" },
  "InvalidVlanId.NotFound": { code: "NOT_FOUND" },
  "InvalidIpAddress.NotFound": { code: "NOT_FOUND" },
  InternalError: { code: "INTERNAL", retryable: true, ambiguous: true },
  // ReleasePublicIpAddress (its API page).
  "InvalidIpAddress.NeedInstanceId": { code: "INVALID_ARGUMENT" },
  OperationTimesOverLimit: { code: "RESOURCE_EXHAUSTED" },
  // The adapter never sends DryRun: such an answer means nothing was done, and it is not what was asked for.
  DryRunOperation: {
    code: "INTERNAL",
    hint: "ECS answered a DryRun check although polycloud sends no DryRun parameter; nothing was changed.",
  },
  // Gateway and common codes (reference §2.5).
  Throttling: { code: "RATE_LIMITED" },
  "Throttling.User": { code: "RATE_LIMITED" },
  "Throttling.Api": { code: "RATE_LIMITED" },
  "Rejected.Throttling": { code: "RATE_LIMITED" },
  ServiceUnavailable: { code: "UNAVAILABLE", retryable: true, ambiguous: true },
  SignatureDoesNotMatch: { code: "UNAUTHENTICATED", hint: AUTH_HINT },
  IncompleteSignature: { code: "UNAUTHENTICATED" },
  InvalidSignatureMethod: { code: "UNAUTHENTICATED" },
  "InvalidAccessKeyId.NotFound": { code: "UNAUTHENTICATED", hint: AUTH_HINT },
  "InvalidAccessKeyId.Inactive": { code: "UNAUTHENTICATED", hint: "The AccessKey is disabled." },
  "InvalidSecurityToken.Expired": { code: "UNAUTHENTICATED", hint: "Refresh the STS token." },
  "InvalidSecurityToken.Malformed": { code: "UNAUTHENTICATED" },
  "InvalidSecurityToken.MismatchWithAccessKey": { code: "UNAUTHENTICATED" },
  "InvalidTimeStamp.Format": { code: "UNAUTHENTICATED", hint: CLOCK_HINT },
  "InvalidTimeStamp.Expired": { code: "UNAUTHENTICATED", hint: CLOCK_HINT },
  IllegalTimestamp: { code: "UNAUTHENTICATED" },
  // Every attempt signs with a fresh nonce, so a retry cures a (vanishingly rare) collision.
  SignatureNonceUsed: { code: "UNAUTHENTICATED", retryable: true },
  "Forbidden.RAM": { code: "PERMISSION_DENIED", hint: "Grant the RAM policy action ecs:<Action> to the caller." },
  "Forbidden.RiskControl": { code: "PERMISSION_DENIED" },
  "Forbidden.UserVerification": { code: "PERMISSION_DENIED" },
  ActionUnauthorized: { code: "PERMISSION_DENIED" },
  InvalidAction: { code: "UNSUPPORTED" },
  "InvalidAction.NotFound": { code: "UNSUPPORTED" },
  "InvalidApi.NotFound": { code: "UNSUPPORTED" },
  UnsupportedHTTPMethod: { code: "UNSUPPORTED" },
  MissingParameter: { code: "INVALID_ARGUMENT" },
  InvalidParameter: { code: "INVALID_ARGUMENT" },
  InvalidVersion: { code: "INVALID_ARGUMENT" },
  IdempotentParameterMismatch: {
    code: "INVALID_ARGUMENT",
    hint: "The idempotency key was already used with other parameters.",
  },
  InsufficientBalance: { code: "RESOURCE_EXHAUSTED" },
};

/** Families of codes, tried in order after the exact table (e.g. `Throttling.Foo`, `Forbidden.Bar`, `X.NotFound`). @public */
export const ALIBABA_ECS_ERROR_PREFIX_RULES: ReadonlyArray<{ pattern: RegExp; rule: AlibabaErrorRule }> = [
  { pattern: /Throttling/, rule: { code: "RATE_LIMITED" } },
  { pattern: /^(?:InvalidAccessKeyId|InvalidSecurityToken)\./, rule: { code: "UNAUTHENTICATED", hint: AUTH_HINT } },
  { pattern: /^InvalidTimeStamp\./, rule: { code: "UNAUTHENTICATED", hint: CLOCK_HINT } },
  { pattern: /^Forbidden/, rule: { code: "PERMISSION_DENIED" } },
  { pattern: /^QuotaExceed/, rule: { code: "RESOURCE_EXHAUSTED" } },
  { pattern: /^(?:OperationDenied|Incorrect)/, rule: { code: "FAILED_PRECONDITION" } },
  { pattern: /^Missing/, rule: { code: "INVALID_ARGUMENT" } },
  { pattern: /\.NotFound$/, rule: { code: "NOT_FOUND" } },
  { pattern: /^Invalid/, rule: { code: "INVALID_ARGUMENT" } },
  { pattern: /^Unsupported/, rule: { code: "UNSUPPORTED" } },
];
