import type { ErrorRule, ResponseDeclaration } from "@polycloud/core";
import { z } from "zod";
import { AWS_EC2_PROVIDER } from "./aws-ec2-settings.js";

const SIGNATURE_HINT =
  "check the secret access key, and that this machine's clock is right (SigV4 allows 5 minutes of skew)";
const IAM_HINT =
  "the IAM policy needs ec2:AllocateAddress, ec2:DescribeAddresses, ec2:AssociateAddress, ec2:DisassociateAddress, ec2:ReleaseAddress, ec2:DescribeInstances and ec2:CreateTags";
const INSTANCE_HINT = "instanceId names no EC2 instance of this account in this region";

/**
 * The EC2 error codes the adapter meets (AllocateAddress, DescribeAddresses, AssociateAddress, DisassociateAddress,
 * ReleaseAddress, DescribeInstances and the common client/server errors). Unknown codes fall back to the prefix
 * rules, then to the HTTP status. An unknown instance is INVALID_ARGUMENT naming `instanceId`, as in zenlayer-eip.
 * @public
 */
export const AWS_EC2_ERROR_MAP: Readonly<Record<string, ErrorRule>> = Object.freeze({
  AddressLimitExceeded: {
    code: "RESOURCE_EXHAUSTED",
    hint: "the region's Elastic IP quota (5 by default) is used up: release unused addresses or ask AWS for more",
  },
  // EC2 answers it with a 5xx, yet nothing was allocated and retrying at once will not find capacity.
  InsufficientAddressCapacity: {
    code: "RESOURCE_EXHAUSTED",
    retryable: false,
    ambiguous: false,
    hint: "the address pool or border group has no free address",
  },
  "InvalidAllocationID.NotFound": { code: "NOT_FOUND" },
  "InvalidAssociationID.NotFound": { code: "NOT_FOUND" },
  "InvalidAddress.NotFound": { code: "NOT_FOUND" },
  "InvalidAllocationID.Malformed": { code: "INVALID_ARGUMENT" },
  "InvalidInstanceID.NotFound": { code: "INVALID_ARGUMENT", hint: INSTANCE_HINT, field: "instanceId" },
  "InvalidInstanceID.Malformed": {
    code: "INVALID_ARGUMENT",
    hint: "instance ids look like i-0123456789abcdef0",
    field: "instanceId",
  },
  "InvalidPublicIpv4PoolID.NotFound": { code: "INVALID_ARGUMENT", field: "providerOptions.aws-ec2.publicIpv4Pool" },
  "InvalidIPAddress.InUse": { code: "FAILED_PRECONDITION", hint: "the address is associated: disassociate it first" },
  "Resource.AlreadyAssociated": {
    code: "FAILED_PRECONDITION",
    hint: "the address is associated with another instance or interface",
  },
  IncorrectInstanceState: { code: "FAILED_PRECONDITION", hint: "the instance must be running" },
  "Gateway.NotAttached": { code: "FAILED_PRECONDITION", hint: "the instance's VPC has no internet gateway" },
  AuthFailure: { code: "UNAUTHENTICATED", hint: "the access key is unknown, disabled or its signature is wrong" },
  SignatureDoesNotMatch: { code: "UNAUTHENTICATED", hint: SIGNATURE_HINT },
  RequestExpired: { code: "UNAUTHENTICATED", hint: "X-Amz-Date is too far from AWS's time: fix this machine's clock" },
  InvalidClientTokenId: { code: "UNAUTHENTICATED", hint: "the access key id is unknown" },
  ExpiredToken: { code: "UNAUTHENTICATED", hint: "the session token has expired: refresh the temporary credentials" },
  MissingAuthenticationToken: { code: "UNAUTHENTICATED" },
  UnauthorizedOperation: { code: "PERMISSION_DENIED", hint: IAM_HINT },
  OptInRequired: { code: "PERMISSION_DENIED", hint: "the account is not subscribed to EC2 in this region" },
  Blocked: { code: "PERMISSION_DENIED", hint: "the account is blocked: contact AWS Support" },
  // Throttles are answered before the request is processed (a 503 that certainly changed nothing).
  RequestLimitExceeded: { code: "RATE_LIMITED", ambiguous: false },
  Throttling: { code: "RATE_LIMITED", ambiguous: false },
  Unavailable: { code: "UNAVAILABLE" },
  ServiceUnavailable: { code: "UNAVAILABLE" },
  // EC2 may have committed before failing: retried for reads, read back by tag for AllocateAddress.
  InternalError: { code: "INTERNAL", retryable: true },
  InternalFailure: { code: "INTERNAL", retryable: true },
  // polycloud never sets DryRun: the answer means nothing was changed (and someone altered the request).
  DryRunOperation: {
    code: "INTERNAL",
    retryable: false,
    ambiguous: false,
    hint: "a dry run changes nothing; polycloud never sends DryRun=true",
  },
  MissingParameter: { code: "INVALID_ARGUMENT" },
  InvalidParameterValue: { code: "INVALID_ARGUMENT" },
  InvalidParameterCombination: { code: "INVALID_ARGUMENT" },
  TagLimitExceeded: { code: "INVALID_ARGUMENT", hint: "an Elastic IP carries at most 50 tags", field: "tags" },
  InvalidAction: { code: "UNSUPPORTED", hint: "check the endpoint setting" },
});

const PREFIX_RULES: ReadonlyArray<readonly [RegExp, ErrorRule]> = [
  [/^(Auth|Signature|IncompleteSignature)/, { code: "UNAUTHENTICATED" }],
  [/^Unauthorized/, { code: "PERMISSION_DENIED" }],
  [/^Throttl|RateExceeded$/, { code: "RATE_LIMITED", ambiguous: false }],
  [/LimitExceeded$/, { code: "RESOURCE_EXHAUSTED" }],
  [/\.NotFound$/, { code: "NOT_FOUND" }],
  [/\.InUse$|\.AlreadyAssociated$|^Incorrect\w*State$/, { code: "FAILED_PRECONDITION" }],
  [/^(Invalid|Missing|Malformed)|\.Malformed$/, { code: "INVALID_ARGUMENT" }],
  [/^Unsupported/, { code: "UNSUPPORTED" }],
];

/** The rule of an EC2 error code: the table, then the prefix rules; undefined lets the HTTP status decide. @public */
export function mapAwsEc2ErrorCode(providerCode: string): ErrorRule | undefined {
  // Own keys only: a code such as "constructor" must not hit Object.prototype.
  if (Object.hasOwn(AWS_EC2_ERROR_MAP, providerCode)) return AWS_EC2_ERROR_MAP[providerCode];
  return PREFIX_RULES.find(([pattern]) => pattern.test(providerCode))?.[1];
}

const ErrorSchema = z.looseObject({ Code: z.string().min(1), Message: z.string().optional() });
// EC2: <Response><Errors><Error>…</Error></Errors><RequestID/></Response>; STS-style gateways: <ErrorResponse><Error>…</Error><RequestId/>.
const ErrorEnvelopeSchema = z.looseObject({
  Errors: z.looseObject({ Error: z.union([ErrorSchema, z.array(ErrorSchema)]) }).optional(),
  Error: ErrorSchema.optional(),
  RequestID: z.string().optional(),
  RequestId: z.string().optional(),
});

/**
 * What the adapter declares about EC2's answers for core's `readHttpResponse` (the client hands it the XML as
 * plain objects): the error envelope, the table above, the `x-amzn-requestid` header.
 * @public
 */
export const AWS_EC2_RESPONSES: ResponseDeclaration = {
  provider: AWS_EC2_PROVIDER,
  label: "EC2",
  requestIdHeader: "x-amzn-requestid",
  parseError(json) {
    const root = json as Record<string, unknown> | null;
    const envelope = ErrorEnvelopeSchema.safeParse(root?.Response ?? root?.ErrorResponse).data;
    const error = [envelope?.Errors?.Error ?? envelope?.Error ?? []].flat()[0];
    return error === undefined
      ? undefined
      : { providerCode: error.Code, message: error.Message, requestId: envelope?.RequestID ?? envelope?.RequestId };
  },
  classify: (answer) => mapAwsEc2ErrorCode(answer.providerCode),
};
