import { CLOCK, parseOrThrow, registerValue, resolveToken } from "@polycloud/core";
import { defineProviderModule } from "@polycloud/core/di";
import { InMemoryAllocator } from "./in-memory-allocator.js";
import { InMemoryCloud } from "./in-memory-cloud.js";
import { IN_MEMORY_PROVIDER, InMemorySettingsSchema, type InMemorySettings } from "./in-memory-settings.js";
import { IN_MEMORY_CLOUD, IN_MEMORY_SETTINGS } from "./in-memory-tokens.js";

/**
 * Registers the in-memory provider in a container from `createAllocatorContainer()`, then
 * `container.resolve(InMemoryAllocator)`. A cloud registered in the parent container is shared.
 */
export const inMemoryModule = defineProviderModule<InMemorySettings>({
  provider: IN_MEMORY_PROVIDER,
  register(container, settings) {
    const resolved = parseOrThrow(InMemorySettingsSchema, settings, { provider: IN_MEMORY_PROVIDER, subject: "in-memory settings" });
    registerValue(container, IN_MEMORY_SETTINGS, resolved);
    if (!container.isRegistered(IN_MEMORY_CLOUD, true)) {
      registerValue(container, IN_MEMORY_CLOUD, new InMemoryCloud({ ...resolved, clock: resolveToken(container, CLOCK) }));
    }
    container.register(InMemoryAllocator, { useClass: InMemoryAllocator });
  },
});
