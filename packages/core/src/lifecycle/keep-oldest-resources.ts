import { failAfterAllocation } from "./fail-after-allocation.js";
import type { ConvergedAllocation, KeyedAllocation } from "./keyed-allocation.js";
import type { Operation } from "./operation.js";
import { releaseAllocated } from "./release-allocated.js";

/**
 * Keeps the oldest `count` of `found`, releases the surplus this call may release (its own, `mine`, or any when
 * `releaseForeign`), and reports the rest in warnings.
 * @internal
 */
export async function keepOldestResources<Resource>(
  operation: Operation,
  spec: KeyedAllocation<Resource>,
  found: Resource[],
  mine: Resource[],
  releaseForeign: boolean,
): Promise<ConvergedAllocation<Resource>> {
  const mineIds = new Set(mine.map(spec.idOf));
  const conflict = spec.checkExisting?.(found.filter((resource) => !mineIds.has(spec.idOf(resource))));
  if (conflict !== undefined) throw await failAfterAllocation(operation, spec, [...mineIds], conflict);
  const kept = found.slice(0, spec.count);
  // Surplus made by other callers is theirs to release, unless an ambiguous answer of ours may have made it.
  const surplus = found
    .slice(spec.count)
    .map(spec.idOf)
    .filter((id) => releaseForeign || mineIds.has(id));
  const outcome = await releaseAllocated(operation, surplus, spec.release);
  const warnings = outcome.unreleased.map(
    ({ id, error }) =>
      `Surplus ${id} carrying idempotencyKey "${spec.key}" could not be released (${error.code}): release it, or it keeps billing.`,
  );
  if (kept.length < spec.count)
    warnings.push(
      `Found ${kept.length} of ${spec.count} resources carrying idempotencyKey "${spec.key}"; polycloud never allocates the difference automatically.`,
    );
  const reconciled = !kept.every((resource) => mineIds.has(spec.idOf(resource)));
  return { resources: kept, reconciled, releasedSurplus: outcome.released, warnings };
}
