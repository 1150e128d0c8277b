import type { DependencyContainer } from "tsyringe";

/**
 * What an adapter package registers in a container: its settings token and its allocator.
 * Each configured allocator gets its own child container, so two differently configured allocators
 * (two regions, two accounts) live side by side.
 * @public
 */
export interface ProviderModule<Settings> {
  readonly provider: string;
  /** Registers the adapter's tokens in `container` for the given settings. */
  register(container: DependencyContainer, settings: Settings): void;
}
