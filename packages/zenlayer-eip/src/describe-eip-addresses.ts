import { IpAllocatorError, pollUntil, type Operation } from "@polycloud/core";
import { DescribeEipAddressesResponseSchema, readEipTags, type EipAddress } from "./parse-zenlayer-eip-response.js";
import type { UnlistedEipTracker } from "./track-unlisted-eips.js";
import type { PollPacing } from "./wait-for-eip-ready.js";
import type { ZenlayerEipClient } from "./zenlayer-eip-client.js";
import { IDEMPOTENCY_TAG_KEY } from "./zenlayer-eip-provider-options.js";

/** Statuses of EIPs on their way out; they never count as the result of an allocation. @internal */
export const RELEASING_STATUSES: ReadonlySet<string> = new Set(["RECYCLING", "RECYCLE", "RELEASING"]);

const PAGE_SIZE = 100;
// 100 EIPs per call and one key per call: more pages than this means something else carries the tag.
const MAX_PAGES = 10;

/** Reads one EIP; undefined when Describe does not list it (never existed, released, or not visible yet). @internal */
export async function describeEipAddress(
  operation: Operation,
  client: ZenlayerEipClient,
  eipId: string,
): Promise<EipAddress | undefined> {
  const { response } = await operation.call((context) =>
    client.call("DescribeEipAddresses", { eipIds: [eipId] }, DescribeEipAddressesResponseSchema, context),
  );
  return (response.dataSet ?? []).find((eip) => eip.eipId === eipId);
}

/**
 * Reads the EIP, tolerating `notFoundPolls` "not listed" answers: Describe lags behind Allocate, and an EIP
 * described or released right after it was allocated (compensation, surplus) must not pass for gone.
 * @internal
 */
export async function describeListedEip(
  operation: Operation,
  client: ZenlayerEipClient,
  eipId: string,
  pacing: PollPacing,
): Promise<EipAddress | undefined> {
  let misses = 0;
  const { value } = await pollUntil({
    read: () => describeEipAddress(operation, client, eipId),
    check: (eip) => {
      if (eip !== undefined) return "done";
      misses += 1;
      return misses > (pacing.notFoundPolls ?? 3) ? "done" : "continue";
    },
    signal: operation.signal,
    clock: operation.environment.clock,
    random: operation.environment.random,
    intervalMs: pacing.intervalMs,
    maxIntervalMs: pacing.maxIntervalMs,
  });
  return value;
}

/**
 * Reads one EIP for `describe`. An id in `unlisted` (allocated here, not listed yet) gets `notFoundPolls` polls
 * first, and is forgotten once answered. NOT_FOUND when Describe does not list it (unknown, or released).
 * @internal
 */
export async function describeTrackedEip(
  operation: Operation,
  client: ZenlayerEipClient,
  eipId: string,
  unlisted: UnlistedEipTracker,
  pacing: PollPacing,
): Promise<EipAddress> {
  const eip = unlisted.has(eipId)
    ? await describeListedEip(operation, client, eipId, pacing)
    : await describeEipAddress(operation, client, eipId);
  unlisted.delete(eipId);
  if (eip === undefined) {
    throw new IpAllocatorError({
      code: "NOT_FOUND",
      message: `EIP ${eipId} is not listed by DescribeEipAddresses: it does not exist or was released.`,
      provider: "zenlayer-eip",
      operation: "describe",
      requestId: operation.requestId,
      details: { eipId },
    });
  }
  return eip;
}

/**
 * Lists the live EIPs tagged with `idempotencyKey` (Describe filtered by the tag), oldest first: by
 * `createTime`, then, within one second, in reverse listing order (Describe lists newest first). Each record
 * is checked to really carry the tag, so a server that ignored the filter can never make another
 * allocation pass for ours.
 * @internal
 */
export async function findEipsByIdempotencyKey(
  operation: Operation,
  client: ZenlayerEipClient,
  idempotencyKey: string,
): Promise<EipAddress[]> {
  const found: EipAddress[] = [];
  for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum += 1) {
    const parameters = { tags: [{ key: IDEMPOTENCY_TAG_KEY, value: idempotencyKey }], pageNum, pageSize: PAGE_SIZE };
    const { response } = await operation.call((context) =>
      client.call("DescribeEipAddresses", parameters, DescribeEipAddressesResponseSchema, context),
    );
    const page = response.dataSet ?? [];
    found.push(
      ...page.filter(
        (eip) => readEipTags(eip)[IDEMPOTENCY_TAG_KEY] === idempotencyKey && !RELEASING_STATUSES.has(eip.eipStatus),
      ),
    );
    const total = response.totalCount ?? 0;
    if (page.length < PAGE_SIZE || pageNum * PAGE_SIZE >= total) break;
  }
  return sortOldestFirst(found);
}

function sortOldestFirst(listed: EipAddress[]): EipAddress[] {
  const created = (eip: EipAddress) => Date.parse(String(eip.createTime ?? "")) || 0;
  return listed
    .map((eip, position) => ({ eip, position }))
    .sort((left, right) => created(left.eip) - created(right.eip) || right.position - left.position)
    .map(({ eip }) => eip);
}
