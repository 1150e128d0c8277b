// Public API of @polycloud/core/di: containers for the dependency-injection path. Importing it loads tsyringe
// (and reflect-metadata); the factory and config paths never do.
export {
  createAllocatorContainer,
  defineProviderModule,
  disposeAllocatorContainer,
} from "./create-allocator-container.js";
export { container, type DependencyContainer } from "./tsyringe.js";
export type { ProviderModule } from "./provider-module.js";
