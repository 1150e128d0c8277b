import type { AllocateRequestInput, IpAllocatorCapabilities, PolycloudConfig } from "@polycloud/core";
import type { AllocationTarget } from "./config/allocation-target.js";

/**
 * Turns a neutral target into the allocate request of one provider, deciding by capabilities rather
 * than by provider name: `location` becomes a region or a zone as `locationKind` says. A region-based
 * provider already configured with a `region` needs no location at all.
 * @public
 */
export function toAllocateRequest(
  target: AllocationTarget,
  capabilities: IpAllocatorCapabilities,
  config: PolycloudConfig,
): AllocateRequestInput {
  const configuredRegion =
    capabilities.locationKind === "region" && typeof config.region === "string" ? config.region : undefined;
  const location = target.location ?? configuredRegion;
  return {
    location: location === undefined ? {} : { [capabilities.locationKind]: location },
    ...(target.instanceId !== undefined && { instanceId: target.instanceId }),
    ...(target.count !== undefined && { count: target.count }),
    ...(target.tags !== undefined && { tags: target.tags }),
    ...(target.idempotencyKey !== undefined && { idempotencyKey: target.idempotencyKey }),
    ...(target.providerOptions !== undefined && { providerOptions: target.providerOptions }),
  };
}

/**
 * Layers targets, later ones winning key by key; `undefined` never overrides and tags are merged, so a
 * `--tag` flag adds to the tags from the configuration file.
 * @public
 */
export function mergeTargets(...targets: ReadonlyArray<AllocationTarget | undefined>): AllocationTarget {
  const merged: AllocationTarget = {};
  for (const target of targets) {
    for (const [key, value] of Object.entries(target ?? {})) {
      if (value === undefined) continue;
      if (key === "tags") merged.tags = { ...merged.tags, ...(value as Record<string, string>) };
      else Object.assign(merged, { [key]: value });
    }
  }
  return merged;
}
