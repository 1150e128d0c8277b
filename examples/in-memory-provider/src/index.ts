// The in-memory example provider (main entry): the allocator, its factory, settings and plugin. The wire
// internals (client, signer, error table, wire calls) are not exported; the far side is the `./cloud` entry.
import { inMemoryPlugin } from "./in-memory-plugin.js";

export { InMemoryAllocator, IN_MEMORY_CAPABILITIES } from "./in-memory-allocator.js";
export { createInMemoryAllocator, type InMemoryDependencies } from "./create-in-memory-allocator.js";
export {
  IN_MEMORY_PROVIDER,
  InMemorySettingsSchema,
  parseInMemorySettings,
  type InMemorySettings,
  type ResolvedInMemorySettings,
} from "./in-memory-settings.js";
export { IDEMPOTENCY_TAG_KEY, InMemoryProviderOptionsSchema } from "./validate-in-memory-request.js";
export { IN_MEMORY_TOKEN_VARIABLE } from "./resolve-in-memory-credentials.js";
export {
  IN_MEMORY_ALLOCATOR,
  IN_MEMORY_ENVIRONMENT,
  IN_MEMORY_SETTINGS,
  type InMemoryEnvironment,
} from "./in-memory-tokens.js";
export { inMemoryPlugin } from "./in-memory-plugin.js";

export default inMemoryPlugin;
