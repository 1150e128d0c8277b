// The DI entry (`./di`): the container module, kept out of the main entry so the factory and plugin never load
// tsyringe; importing this entry does (through @polycloud/core/di).
export { inMemoryModule } from "./in-memory-module.js";
