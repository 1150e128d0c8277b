import { RetryBudget, parseOrThrow, systemClock, type Clock } from "@polycloud/core";
import { InMemoryAllocator } from "./in-memory-allocator.js";
import { InMemoryCloud } from "./in-memory-cloud.js";
import { IN_MEMORY_PROVIDER, InMemorySettingsSchema, type InMemorySettings } from "./in-memory-settings.js";

/** What the plain factory lets a caller or test replace. Every field is optional. */
export interface InMemoryDependencies {
  /** Share one far side between allocators (e.g. a good and a bad credential); default: a new cloud from the settings. */
  cloud?: InMemoryCloud;
  clock?: Clock;
  random?: () => number;
  retryBudget?: RetryBudget;
}

/**
 * Builds an in-memory allocator without a DI container.
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming the bad setting.
 */
export function createInMemoryAllocator(settings: InMemorySettings = {}, dependencies: InMemoryDependencies = {}): InMemoryAllocator {
  const resolved = parseOrThrow(InMemorySettingsSchema, settings, { provider: IN_MEMORY_PROVIDER, subject: "in-memory settings" });
  const clock = dependencies.clock ?? systemClock;
  const cloud = dependencies.cloud ?? new InMemoryCloud({ ...resolved, clock });
  return new InMemoryAllocator(resolved, cloud, clock, dependencies.retryBudget ?? new RetryBudget(), dependencies.random ?? Math.random);
}
