import { registerValue } from "@polycloud/core";
import { defineProviderModule } from "@polycloud/core/di";
import { InMemoryAllocator } from "./in-memory-allocator.js";
import { InMemoryClient } from "./in-memory-client.js";
import { IN_MEMORY_PROVIDER, parseInMemorySettings, type InMemorySettings } from "./in-memory-settings.js";
import {
  IN_MEMORY_ALLOCATOR,
  IN_MEMORY_CLIENT,
  IN_MEMORY_ENVIRONMENT,
  IN_MEMORY_LIFECYCLE,
  IN_MEMORY_SETTINGS,
} from "./in-memory-tokens.js";

/**
 * Registers the in-memory provider in a container from `createAllocatorContainer()` (which provides the
 * dispatcher, clock, logger, retry budget and randomness), then `resolveToken(container, IN_MEMORY_ALLOCATOR)`.
 * The container owns the dispatcher: `disposeAllocatorContainer(container)` closes it, `allocator.close()` does not.
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming each bad setting.
 */
export const inMemoryModule = defineProviderModule<InMemorySettings>({
  provider: IN_MEMORY_PROVIDER,
  register(container, settings) {
    registerValue(container, IN_MEMORY_SETTINGS, parseInMemorySettings(settings));
    if (!container.isRegistered(IN_MEMORY_ENVIRONMENT, true))
      registerValue(container, IN_MEMORY_ENVIRONMENT, { env: process.env });
    registerValue(container, IN_MEMORY_LIFECYCLE, { ownsDispatcher: false });
    container.registerSingleton(IN_MEMORY_CLIENT, InMemoryClient);
    container.registerSingleton(InMemoryAllocator);
    container.register(IN_MEMORY_ALLOCATOR, { useToken: InMemoryAllocator });
  },
});
