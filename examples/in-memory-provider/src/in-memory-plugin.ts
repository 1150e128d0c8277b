import { defineIpAllocatorPlugin } from "@polycloud/core";
import { createInMemoryAllocator } from "./create-in-memory-allocator.js";
import { IN_MEMORY_PROVIDER, InMemorySettingsSchema, type InMemorySettings } from "./in-memory-settings.js";

/**
 * The plugin `createIpAllocator({ provider: "./path/to/in-memory-plugin.js", ...settings })` loads: core
 * validates the settings with `settingsSchema`, then calls `create` with the result and its shared infrastructure.
 */
export const inMemoryPlugin = defineIpAllocatorPlugin<InMemorySettings>({
  name: IN_MEMORY_PROVIDER,
  settingsSchema: InMemorySettingsSchema,
  create: (settings, context) =>
    createInMemoryAllocator(settings, {
      dispatcher: context.dispatcher,
      clock: context.clock,
      logger: context.logger,
      env: context.env,
    }),
});

export default inMemoryPlugin;
