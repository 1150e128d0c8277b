import type { XmlValue } from "./aws-envelope.js";
import { AwsApiError } from "./aws-api-error.js";
import type { AddressRecord, AwsStore, InstanceRecord } from "./aws-store.js";
import { AWS_INSTANCE_ID_PATTERN } from "./parse-aws-seed.js";
import type { QueryParameters } from "./read-query-parameters.js";
import type { ResolvedAwsOptions } from "./resolve-aws-options.js";
import type { VerifiedAwsCaller } from "./verify-sigv4-request.js";

/** What an action handler sees of one authenticated request. */
export interface AwsActionContext {
  store: AwsStore;
  caller: VerifiedAwsCaller;
  /** Emulator clock at the time the request is processed (ms). */
  now: number;
  settings: ResolvedAwsOptions;
  /** The Action, recorded with every state change. */
  action: string;
  /** DryRun=true: validate everything, then answer DryRunOperation instead of committing. */
  dryRun: boolean;
}

/** Runs one action and returns the answer's fields (after `requestId`). */
export type AwsActionHandler = (parameters: QueryParameters, context: AwsActionContext) => Record<string, XmlValue>;

/** A served action: its handler and the parameters it takes besides Action, Version and DryRun. */
export interface AwsAction {
  handler: AwsActionHandler;
  parameters: readonly RegExp[];
}

/** Throws `DryRunOperation` (412) under DryRun: called by each handler right before it would commit. */
export function stopIfDryRun(context: AwsActionContext): void {
  if (context.dryRun) throw new AwsApiError("DryRunOperation");
}

/** `InvalidInstanceID.Malformed` unless the id is `i-` + 8 or 17 hex digits. */
export function requireWellFormedInstanceId(instanceId: string): void {
  if (!AWS_INSTANCE_ID_PATTERN.test(instanceId)) {
    throw new AwsApiError("InvalidInstanceID.Malformed", `Invalid id: "${instanceId}" (expecting "i-...")`);
  }
}

/** The caller's instance in the request's region, or `InvalidInstanceID.NotFound` (another account's is not found either). */
export function findOwnInstance(context: AwsActionContext, instanceId: string): InstanceRecord {
  requireWellFormedInstanceId(instanceId);
  const instance = context.store.instances.get(instanceId);
  if (
    instance === undefined ||
    instance.accountId !== context.caller.accountId ||
    instance.region !== context.caller.region
  ) {
    throw new AwsApiError("InvalidInstanceID.NotFound", `The instance ID '${instanceId}' does not exist`);
  }
  return instance;
}

/** The caller's address in the request's region, or `InvalidAllocationID.NotFound`. */
export function findOwnAddress(context: AwsActionContext, allocationId: string): AddressRecord {
  const address = context.store.addresses.get(allocationId);
  if (
    address === undefined ||
    address.accountId !== context.caller.accountId ||
    address.region !== context.caller.region
  ) {
    throw new AwsApiError("InvalidAllocationID.NotFound", `The allocation ID '${allocationId}' does not exist`);
  }
  return address;
}
