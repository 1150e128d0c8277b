import { IpAllocatorError, pollUntil, type Operation } from "@polycloud/core";
import { z } from "zod";
import { describeEipAddress, describeListedEip } from "./describe-eip-addresses.js";
import type { EipAddress } from "./parse-zenlayer-eip-response.js";
import type { PollPacing } from "./wait-for-eip-ready.js";
import type { ZenlayerEipClient } from "./zenlayer-eip-client.js";
import type { ZenlayerReleaseMode } from "./zenlayer-eip-settings.js";

const EmptyResponseSchema = z.looseObject({});
/** Statuses in which only queries are allowed (reference §4.1): Terminate waits them out. */
const TRANSITIONAL_STATUSES = new Set(["CREATING", "ASSOCIATING", "UNASSOCIATING"]);
/** "Already gone" answers: Terraform's list for release (INVALID_RESOURCE_NOT_FOUND is the older code). */
const GONE_CODES = new Set([
  "INVALID_EIP_NOT_FOUND",
  "OPERATION_FAILED_RESOURCE_NOT_FOUND",
  "INVALID_RESOURCE_NOT_FOUND",
]);

/**
 * Releases one EIP in two phases (reference §4.4): TerminateEipAddress moves it to the recycle bin
 * (billing stops), then, in `permanent` mode, ReleaseEipAddresses deletes it once it is in RECYCLE.
 * "Already recycled" and "already gone" answers count as progress, so a retried or repeated release
 * converges. An EIP Describe does not list yet is looked up `notFoundPolls` times before NOT_FOUND. PREPAID EIPs
 * cannot be terminated: FAILED_PRECONDITION before anything changes.
 * @internal
 */
export async function releaseEipAddress(
  operation: Operation,
  client: ZenlayerEipClient,
  eipId: string,
  mode: ZenlayerReleaseMode,
  pacing: PollPacing,
): Promise<"releasing" | "released"> {
  const current = await describeListedEip(operation, client, eipId, pacing);
  if (current === undefined) throw createNotFoundError(eipId);
  if (current.eipChargeType === "PREPAID") throw createPrepaidError(eipId);
  let eip: EipAddress | undefined = current;
  if (TRANSITIONAL_STATUSES.has(eip.eipStatus))
    eip = await pollStatus(operation, client, eipId, pacing, (status) => !TRANSITIONAL_STATUSES.has(status));
  if (eip === undefined) return "released";
  if (eip.eipStatus !== "RECYCLING" && eip.eipStatus !== "RECYCLE" && !(await terminateEip(operation, client, eipId)))
    return "released";
  if (mode === "recycle-bin") return "releasing";
  for (;;) {
    const recycled = await pollStatus(operation, client, eipId, pacing, (status) => status === "RECYCLE");
    if (recycled === undefined) return "released";
    try {
      await operation.call((context) =>
        client.call("ReleaseEipAddresses", { eipIds: [eipId] }, EmptyResponseSchema, context),
      );
      return "released";
    } catch (thrown) {
      if (isProviderCode(thrown, GONE_CODES)) return "released";
      // Describe and Release disagreed about RECYCLE for a moment: poll again.
      if (!isProviderCode(thrown, new Set(["OPERATION_DENIED_EIP_NOT_RECYCLED"]))) throw thrown;
    }
  }
}

/** Terminates; false when the EIP turned out to be gone already (a retried attempt finished it). */
async function terminateEip(operation: Operation, client: ZenlayerEipClient, eipId: string): Promise<boolean> {
  try {
    await operation.call((context) => client.call("TerminateEipAddress", { eipId }, EmptyResponseSchema, context));
    return true;
  } catch (thrown) {
    if (isProviderCode(thrown, new Set(["OPERATION_DENIED_EIP_RECYCLED"]))) return true;
    if (isProviderCode(thrown, GONE_CODES)) return false;
    if (isProviderCode(thrown, new Set(["OPERATION_DENIED_EIP_SUBSCRIPTION"])))
      throw createPrepaidError(eipId, thrown as IpAllocatorError);
    throw thrown;
  }
}

/** Polls until `done(status)`; undefined once Describe no longer lists the EIP (released). */
async function pollStatus(
  operation: Operation,
  client: ZenlayerEipClient,
  eipId: string,
  pacing: PollPacing,
  done: (status: string) => boolean,
): Promise<EipAddress | undefined> {
  const { clock, random } = operation.environment;
  const { value } = await pollUntil({
    read: () => describeEipAddress(operation, client, eipId),
    check: (eip) => (eip === undefined || done(eip.eipStatus) ? "done" : "continue"),
    signal: operation.signal,
    clock,
    random,
    intervalMs: pacing.intervalMs,
    maxIntervalMs: pacing.maxIntervalMs,
  });
  return value;
}

function isProviderCode(thrown: unknown, codes: ReadonlySet<string>): boolean {
  return IpAllocatorError.isInstance(thrown) && thrown.providerCode !== undefined && codes.has(thrown.providerCode);
}

function createNotFoundError(eipId: string): IpAllocatorError {
  return new IpAllocatorError({
    code: "NOT_FOUND",
    message: `EIP ${eipId} is not listed by DescribeEipAddresses: it does not exist or was already released.`,
    provider: "zenlayer-eip",
    operation: "release",
    details: { eipId },
  });
}

function createPrepaidError(eipId: string, cause?: IpAllocatorError): IpAllocatorError {
  return new IpAllocatorError({
    code: "FAILED_PRECONDITION",
    message: `EIP ${eipId} is PREPAID (subscription): Zenlayer does not terminate subscription EIPs; it is returned when the subscription expires (do not renew it).`,
    provider: "zenlayer-eip",
    operation: "release",
    providerCode: cause?.providerCode ?? "OPERATION_DENIED_EIP_SUBSCRIPTION",
    httpStatus: cause?.httpStatus,
    requestId: cause?.requestId,
    details: { eipId, eipChargeType: "PREPAID" },
    cause,
  });
}
