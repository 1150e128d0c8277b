import { defineIpAllocatorPlugin } from "@polycloud/core";
import { createInMemoryAllocator } from "./create-in-memory-allocator.js";
import { IN_MEMORY_PROVIDER, InMemorySettingsSchema } from "./in-memory-settings.js";

/**
 * The plugin `createIpAllocator({ provider: "./path/to/in-memory-plugin.js", ...settings })` loads: core
 * validates the settings with `settingsSchema`, then calls `create` with the result.
 */
const inMemoryPlugin = defineIpAllocatorPlugin({
  name: IN_MEMORY_PROVIDER,
  settingsSchema: InMemorySettingsSchema,
  create: (settings, context) => createInMemoryAllocator(settings, { clock: context.clock }),
});

export default inMemoryPlugin;
