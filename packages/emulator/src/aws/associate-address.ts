import {
  findOwnAddress,
  findOwnInstance,
  stopIfDryRun,
  type AwsAction,
  type AwsActionContext,
} from "./aws-action-context.js";
import { AwsApiError, invalidParameterValue, missingParameter } from "./aws-api-error.js";
import type { AddressRecord } from "./aws-store.js";
import { readBoolean, type QueryParameters } from "./read-query-parameters.js";

function alreadyAssociated(resourceId: string, associationId: string): AwsApiError {
  return new AwsApiError(
    "Resource.AlreadyAssociated",
    `resource ${resourceId} is already associated with associate-id ${associationId}`,
  );
}

/**
 * AssociateAddress (VPC): `AllocationId` + `InstanceId` of a running instance, on its primary private address.
 * - The same address and instance again: idempotent, answers the existing association id, no state change.
 * - The address associated elsewhere, or the instance holding another address: `Resource.AlreadyAssociated`
 *   unless `AllowReassociation=true`, which moves the address and/or replaces the instance's address (each
 *   ended association is recorded as `unassociate` with reason `reassociated`).
 * - An instance that is not running: `IncorrectInstanceState`, as the project's AWS facts specify (real EC2 also
 *   accepts a stopped VPC instance; this emulator is stricter on purpose).
 */
function associateAddress(parameters: QueryParameters, context: AwsActionContext): Record<string, string | boolean> {
  const { store } = context;
  const allocationId = parameters["AllocationId"];
  if (allocationId === undefined) {
    if (parameters["PublicIp"] !== undefined)
      throw new AwsApiError(
        "InvalidParameterValue",
        "You must specify an allocation id when mapping an address to a VPC instance",
      );
    throw missingParameter("AllocationId");
  }
  for (const unsupported of ["NetworkInterfaceId", "PublicIp"]) {
    const value = parameters[unsupported];
    if (value !== undefined)
      throw invalidParameterValue(unsupported, value, "The emulator associates by AllocationId and InstanceId only.");
  }
  const instanceId = parameters["InstanceId"];
  if (instanceId === undefined) throw missingParameter("InstanceId");
  const allowReassociation = readBoolean(parameters, "AllowReassociation") ?? false;
  const address = findOwnAddress(context, allocationId);
  const instance = findOwnInstance(context, instanceId);
  if (instance.state !== "running") {
    throw new AwsApiError(
      "IncorrectInstanceState",
      `The instance '${instanceId}' is not in a valid state for this operation.`,
    );
  }
  const privateIpAddress = parameters["PrivateIpAddress"];
  if (privateIpAddress !== undefined && privateIpAddress !== instance.privateIpAddress) {
    throw invalidParameterValue(
      "PrivateIpAddress",
      privateIpAddress,
      `The instance's private address is ${instance.privateIpAddress}.`,
    );
  }
  const current = address.association;
  if (current?.instanceId === instanceId) {
    stopIfDryRun(context);
    return { return: true, associationId: current.associationId };
  }
  const held = store.findAddressOfInstance(instanceId);
  if (!allowReassociation && current !== undefined) throw alreadyAssociated(allocationId, current.associationId);
  if (!allowReassociation && held?.association !== undefined)
    throw alreadyAssociated(instanceId, held.association.associationId);
  stopIfDryRun(context);
  store.endAssociation(address, context.action, "reassociated");
  if (held !== undefined) store.endAssociation(held, context.action, "reassociated");
  const associationId = store.nextId("eipassoc");
  address.association = {
    associationId,
    instanceId,
    networkInterfaceId: instance.networkInterfaceId,
    privateIpAddress: instance.privateIpAddress,
  };
  store.record(context.action, "associate", address, { associationId, instanceId, allowReassociation });
  return { return: true, associationId };
}

function findAssociated(parameters: QueryParameters, context: AwsActionContext): AddressRecord | undefined {
  const associationId = parameters["AssociationId"];
  const publicIp = parameters["PublicIp"];
  if (associationId !== undefined && publicIp !== undefined) {
    throw new AwsApiError("InvalidParameterCombination", "Specify either AssociationId or PublicIp, not both");
  }
  const own = context.store.listAddresses(context.caller.accountId, context.caller.region);
  if (associationId !== undefined) {
    const address = own.find((candidate) => candidate.association?.associationId === associationId);
    if (address === undefined)
      throw new AwsApiError("InvalidAssociationID.NotFound", `The association ID '${associationId}' does not exist`);
    return address;
  }
  if (publicIp === undefined) throw missingParameter("AssociationId");
  const address = own.find((candidate) => candidate.publicIp === publicIp);
  if (address === undefined) throw new AwsApiError("InvalidAddress.NotFound", `Address '${publicIp}' not found.`);
  // By PublicIp an unassociated address is a no-op success (EC2-Classic's idempotent unmapping).
  return address.association === undefined ? undefined : address;
}

/**
 * DisassociateAddress: by `AssociationId` (an ended or unknown one is `InvalidAssociationID.NotFound`), or by
 * `PublicIp` (unknown → `InvalidAddress.NotFound`; not associated → `return` true without a change).
 */
function disassociateAddress(parameters: QueryParameters, context: AwsActionContext): Record<string, boolean> {
  const address = findAssociated(parameters, context);
  stopIfDryRun(context);
  if (address !== undefined) context.store.endAssociation(address, context.action, "disassociated");
  return { return: true };
}

/** The AssociateAddress action and its parameters. */
export const ASSOCIATE_ADDRESS: AwsAction = {
  handler: associateAddress,
  parameters: [
    /^AllocationId$/,
    /^InstanceId$/,
    /^PublicIp$/,
    /^AllowReassociation$/,
    /^NetworkInterfaceId$/,
    /^PrivateIpAddress$/,
  ],
};

/** The DisassociateAddress action and its parameters. */
export const DISASSOCIATE_ADDRESS: AwsAction = {
  handler: disassociateAddress,
  parameters: [/^AssociationId$/, /^PublicIp$/],
};
