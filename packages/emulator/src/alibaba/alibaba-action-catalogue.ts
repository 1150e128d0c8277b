import type { AlibabaCatalogueEntry } from "./alibaba-catalogue-entry.js";

const RELEASE_DOC =
  "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-releasepublicipaddress";
const DESCRIBE_DOC = "https://help.aliyun.com/zh/ecs/developer-reference/api-ecs-2014-05-26-describeinstances";
const IDEMPOTENCE_DOC = "https://help.aliyun.com/document_detail/25693.html";
const POWER =
  "assumption: ECS instance power actions (StartInstance / StopInstance / RebootInstance) answer IncorrectInstanceStatus like the public-IP actions";

const RELEASE = "ReleasePublicIpAddress";

/**
 * Codes of the other emulated actions (ReleasePublicIpAddress, DescribeInstances, ModifyInstanceNetworkSpec, the
 * power actions), listed per action because their docs give another status or message than the gateway's.
 */
export const ALIBABA_ACTION_CATALOGUE: readonly AlibabaCatalogueEntry[] = [
  {
    action: RELEASE,
    code: "OperationDenied",
    httpStatus: 400,
    message: "Specified operation is denied as your instance is in VPC.",
    source: RELEASE_DOC,
    trigger: 'the instance is a VPC instance (instanceNetworkType "vpc")',
  },
  {
    action: RELEASE,
    code: "InvalidIpAddress.NotFound",
    httpStatus: 400,
    message: 'The specified parameter "IpAddress" is not found in your records.',
    source: RELEASE_DOC,
    trigger: "PublicIpAddress is not the instance's public IP (never allocated, or released already)",
  },
  {
    action: RELEASE,
    code: "DryRunOperation",
    httpStatus: 400,
    message: "This is a dryrun request with successful result.",
    source: RELEASE_DOC,
    trigger: "DryRun=true after every other check",
  },
  {
    action: RELEASE,
    code: "InvalidIpAddress.NeedInstanceId",
    httpStatus: 403,
    message: "The specified IpAddress need to release with InstanceId.",
    source: RELEASE_DOC,
    trigger: "InstanceId absent",
  },
  {
    action: RELEASE,
    code: "OperationTimesOverLimit",
    httpStatus: 403,
    message: "release public ip times over the limit",
    source: RELEASE_DOC,
    trigger: "fault rule only",
  },
  {
    action: "DescribeInstances",
    code: "InvalidInstanceIds.Malformed",
    httpStatus: 400,
    message: 'The specified parameter "InstanceIds" is not valid.',
    source:
      "assumption: DescribeInstances' documented InstanceIds limit (JSON array, at most 100) answered like other Malformed codes",
    trigger: "InstanceIds is not a JSON array of at most 100 strings",
  },
  {
    action: "DescribeInstances",
    code: "InvalidStatus.NotFound",
    httpStatus: 404,
    message: "The specified Status is not found.",
    source: DESCRIBE_DOC,
    trigger: "Status is not an ECS instance status",
  },
  {
    action: "ModifyInstanceNetworkSpec",
    code: "IdempotentParameterMismatch",
    httpStatus: 400,
    message: "The request uses the same client token as a previous, but non-identical request.",
    source: IDEMPOTENCE_DOC,
    trigger: "ClientToken reused with other parameters",
  },
  {
    action: "StartInstance",
    code: "IncorrectInstanceStatus",
    httpStatus: 403,
    message: "The current status of the resource does not support this operation.",
    source: POWER,
    trigger: "StartInstance on an instance that is not Stopped; Stop/RebootInstance on one that is not Running",
  },
];
