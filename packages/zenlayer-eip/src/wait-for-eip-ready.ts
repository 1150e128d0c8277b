import { IpAllocatorError, pollUntil, type Operation } from "@polycloud/core";
import { RELEASING_STATUSES, describeEipAddress } from "./describe-eip-addresses.js";
import { mapEipToAllocatedIp, needsAssociation, readTargetInstance } from "./map-eip-to-allocated-ip.js";
import type { EipAddress } from "./parse-zenlayer-eip-response.js";
import { z } from "zod";
import type { ZenlayerEipClient } from "./zenlayer-eip-client.js";

/** Poll pacing of one wait. @internal */
export interface PollPacing {
  intervalMs: number;
  maxIntervalMs: number;
  /** Consecutive "not listed" answers tolerated (Describe lags behind Allocate). Default 3. */
  notFoundPolls?: number;
}

const EmptyResponseSchema = z.looseObject({});

/**
 * Polls DescribeEipAddresses (backoff with jitter) until the EIP is ready: AVAILABLE, or ASSOCIATED when
 * it was allocated for an instance, in which case AssociateEipAddress is sent once it is AVAILABLE.
 * Tolerates `notFoundPolls` "not listed yet" answers; CREATE_FAILED and the recycle bin end the wait
 * with FAILED_PRECONDITION; a deadline or abort ends it with TIMEOUT / CANCELLED. Every error carries the
 * last state seen (`details.lastState`, `details.providerState`).
 * @internal
 */
export async function waitForEipReady(
  operation: Operation,
  client: ZenlayerEipClient,
  eipId: string,
  pacing: PollPacing,
): Promise<EipAddress> {
  const { clock, random } = operation.environment;
  let last: EipAddress | undefined;
  let missing = 0;
  try {
    const { value } = await pollUntil<EipAddress | undefined>({
      read: async () => {
        const eip = await describeEipAddress(operation, client, eipId);
        if (eip === undefined) {
          missing += 1;
          if (missing > (pacing.notFoundPolls ?? 3)) throw createNotListedError(eipId, missing);
          return undefined;
        }
        missing = 0;
        last = eip;
        rejectTerminalStatus(eip);
        if (needsAssociation(eip)) await associateEip(operation, client, eip);
        return eip;
      },
      check: (eip) =>
        eip !== undefined && !needsAssociation(eip) && mapEipToAllocatedIp(eip).state === "ready" ? "done" : "continue",
      signal: operation.signal,
      clock,
      random,
      intervalMs: pacing.intervalMs,
      maxIntervalMs: pacing.maxIntervalMs,
    });
    return value as EipAddress;
  } catch (thrown) {
    throw attachLastState(thrown, eipId, last);
  }
}

function rejectTerminalStatus(eip: EipAddress): void {
  const failed = eip.eipStatus === "CREATE_FAILED";
  if (!failed && !RELEASING_STATUSES.has(eip.eipStatus)) return;
  const ip = mapEipToAllocatedIp(eip);
  throw new IpAllocatorError({
    code: "FAILED_PRECONDITION",
    message: failed
      ? `EIP ${eip.eipId} failed to provision (CREATE_FAILED) in zone ${eip.zoneId ?? "?"}; release it (Terminate refunds it) and allocate again.`
      : `EIP ${eip.eipId} is being released (${eip.eipStatus}); it will not become ready.`,
    provider: "zenlayer-eip",
    operation: "waitUntilReady",
    providerCode: eip.eipStatus,
    details: { eipId: eip.eipId, lastState: ip.state, providerState: eip.eipStatus, ip: { ...ip, raw: undefined } },
  });
}

async function associateEip(operation: Operation, client: ZenlayerEipClient, eip: EipAddress): Promise<void> {
  try {
    await operation.call((context) =>
      client.call(
        "AssociateEipAddress",
        { eipId: eip.eipId, instanceId: readTargetInstance(eip) },
        EmptyResponseSchema,
        context,
      ),
    );
  } catch (thrown) {
    // Another waiter (or a retried attempt of ours) already started it: keep polling.
    if (IpAllocatorError.isInstance(thrown) && thrown.providerCode === "OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE")
      return;
    throw thrown;
  }
}

function createNotListedError(eipId: string, polls: number): IpAllocatorError {
  return new IpAllocatorError({
    code: "NOT_FOUND",
    message: `EIP ${eipId} is not listed by DescribeEipAddresses (${polls} consecutive polls); it does not exist or was released.`,
    provider: "zenlayer-eip",
    operation: "waitUntilReady",
    details: { eipId },
  });
}

function attachLastState(thrown: unknown, eipId: string, last: EipAddress | undefined): unknown {
  if (!IpAllocatorError.isInstance(thrown) || thrown.details.lastState !== undefined) return thrown;
  const state = last === undefined ? "pending" : mapEipToAllocatedIp(last).state;
  const seen = last === undefined ? "not listed yet" : `${state} (${last.eipStatus})`;
  const stillWaiting = thrown.code === "TIMEOUT" || thrown.code === "CANCELLED";
  return new IpAllocatorError({
    ...thrown.toOptions(),
    message: stillWaiting ? `${thrown.message} EIP ${eipId} was still ${seen}.` : thrown.message,
    operation: "waitUntilReady",
    details: { ...thrown.details, eipId, lastState: state, ...(last ? { providerState: last.eipStatus } : {}) },
  });
}
