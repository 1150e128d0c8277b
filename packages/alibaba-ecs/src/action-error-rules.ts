import type { AlibabaErrorRule } from "./ecs-error-table.js";

const UNKNOWN_INSTANCE: AlibabaErrorRule = {
  code: "INVALID_ARGUMENT",
  field: "instanceId",
  hint: "instanceId names no ECS instance of this account in the allocator's region",
};

/**
 * Rules that depend on the action, tried before `ALIBABA_ECS_ERROR_TABLE`. An unknown instance is a bad
 * argument of allocate (as on AWS and Zenlayer: exit 2 in the CLI) but NOT_FOUND for describe and release, whose
 * id it is. `OperationDenied` means "instance in VPC" on ReleasePublicIpAddress (its API page), not the EIP/VLAN
 * cases of AllocatePublicIpAddress.
 * @public
 */
export const ALIBABA_ECS_ACTION_ERROR_TABLE: Readonly<Record<string, Readonly<Record<string, AlibabaErrorRule>>>> = {
  AllocatePublicIpAddress: { "InvalidInstanceId.NotFound": UNKNOWN_INSTANCE },
  ModifyInstanceNetworkSpec: { "InvalidInstanceId.NotFound": UNKNOWN_INSTANCE },
  ReleasePublicIpAddress: {
    // The request is well formed; the instance's network type rules it out and a retry cannot change that.
    OperationDenied: {
      code: "FAILED_PRECONDITION",
      hint: "ECS denies ReleasePublicIpAddress for VPC instances. Set the instance's InternetMaxBandwidthOut to 0 with ModifyInstanceNetworkSpec, or convert the address to an EIP (ConvertNatPublicIpToEip) and release that EIP.",
    },
    "InvalidIpAddress.NotFound": {
      code: "NOT_FOUND",
      hint: "The instance does not hold that public IP (it was released already, or never allocated).",
    },
  },
};
