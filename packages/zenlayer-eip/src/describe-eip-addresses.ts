import { DescribeEipAddressesResponseSchema, readEipTags, type EipAddress } from "./parse-zenlayer-eip-response.js";
import type { ZenlayerEipOperation } from "./zenlayer-eip-operation.js";
import { IDEMPOTENCY_TAG_KEY } from "./zenlayer-eip-provider-options.js";

/** Statuses of EIPs on their way out; they never count as the result of an allocation. @internal */
export const RELEASING_STATUSES: ReadonlySet<string> = new Set(["RECYCLING", "RECYCLE", "RELEASING"]);

const PAGE_SIZE = 100;
// 100 EIPs per call and one key per call: more pages than this means something else carries the tag.
const MAX_PAGES = 10;

/** Reads one EIP; undefined when Describe does not list it (never existed, released, or not visible yet). @internal */
export async function describeEipAddress(operation: ZenlayerEipOperation, eipId: string): Promise<EipAddress | undefined> {
  const { response } = await operation.call("DescribeEipAddresses", { eipIds: [eipId] }, DescribeEipAddressesResponseSchema);
  return (response.dataSet ?? []).find((eip) => eip.eipId === eipId);
}

/**
 * Lists the live EIPs tagged with `idempotencyKey` (Describe filtered by the tag), oldest first as
 * listed. Each record is checked to really carry the tag, so a server that ignored the filter can never
 * make another allocation pass for ours.
 * @internal
 */
export async function findEipsByIdempotencyKey(operation: ZenlayerEipOperation, idempotencyKey: string): Promise<EipAddress[]> {
  const found: EipAddress[] = [];
  for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum += 1) {
    const { response } = await operation.call(
      "DescribeEipAddresses",
      { tags: [{ key: IDEMPOTENCY_TAG_KEY, value: idempotencyKey }], pageNum, pageSize: PAGE_SIZE },
      DescribeEipAddressesResponseSchema,
    );
    const page = response.dataSet ?? [];
    found.push(...page.filter((eip) => readEipTags(eip)[IDEMPOTENCY_TAG_KEY] === idempotencyKey && !RELEASING_STATUSES.has(eip.eipStatus)));
    const total = response.totalCount ?? 0;
    if (page.length < PAGE_SIZE || pageNum * PAGE_SIZE >= total) break;
  }
  return found;
}
