// The in-memory example provider: named exports for direct use, the plugin as the default export.
export { InMemoryAllocator } from "./in-memory-allocator.js";
export { InMemoryCloud, InMemoryCloudError, type InMemoryCloudErrorCode, type InMemoryCloudOptions, type InMemoryIpRecord, type InMemoryOperation } from "./in-memory-cloud.js";
export { IN_MEMORY_PROVIDER, InMemoryProviderOptionsSchema, InMemorySettingsSchema, type InMemorySettings, type ResolvedInMemorySettings } from "./in-memory-settings.js";
export { IN_MEMORY_CLOUD, IN_MEMORY_SETTINGS } from "./in-memory-tokens.js";
export { IN_MEMORY_ERROR_CODES, mapInMemoryError } from "./map-in-memory-error.js";
export { createInMemoryAllocator, type InMemoryDependencies } from "./create-in-memory-allocator.js";
export { default } from "./in-memory-plugin.js";
