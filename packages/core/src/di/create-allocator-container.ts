import { systemClock } from "../clock.js";
import { createHttpDispatcher } from "../http/create-http-dispatcher.js";
import { silentLogger } from "../logger.js";
import { RetryBudget } from "../retry/retry-budget.js";
import type { Dispatcher } from "undici";
import { container as rootContainer, type DependencyContainer } from "./tsyringe.js";
import { CLOCK, HTTP_DISPATCHER, LOGGER, RANDOM, RETRY_BUDGET } from "./tokens.js";

const ownedDispatchers = new WeakMap<DependencyContainer, Dispatcher>();

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

/**
 * A child container with the cross-cutting defaults registered (dispatcher, clock, logger, retry budget,
 * randomness) unless the parent already provides them.
 * @public
 */
export function createAllocatorContainer(parent: DependencyContainer = rootContainer): DependencyContainer {
  const child = parent.createChildContainer();
  if (!child.isRegistered(HTTP_DISPATCHER, true)) {
    const dispatcher = createHttpDispatcher();
    ownedDispatchers.set(child, dispatcher);
    child.register(HTTP_DISPATCHER, { useValue: dispatcher });
  }
  if (!child.isRegistered(CLOCK, true)) child.register(CLOCK, { useValue: systemClock });
  if (!child.isRegistered(LOGGER, true)) child.register(LOGGER, { useValue: silentLogger });
  if (!child.isRegistered(RETRY_BUDGET, true)) child.register(RETRY_BUDGET, { useValue: new RetryBudget() });
  if (!child.isRegistered(RANDOM, true)) child.register(RANDOM, { useValue: Math.random });
  return child;
}

/**
 * Closes what {@link createAllocatorContainer} created for this container (its HTTP dispatcher).
 * Dispatchers injected by a parent are left open: their owner closes them.
 * @public
 */
export async function disposeAllocatorContainer(container: DependencyContainer): Promise<void> {
  const dispatcher = ownedDispatchers.get(container);
  ownedDispatchers.delete(container);
  await dispatcher?.close();
}
