import { systemClock } from "../clock.js";
import { createHttpDispatcher } from "../http/create-http-dispatcher.js";
import { silentLogger } from "../logger.js";
import { RetryBudget } from "../retry/retry-budget.js";
import type { Dispatcher } from "undici";
import { container as rootContainer, type DependencyContainer } from "./tsyringe.js";
import type { ProviderModule } from "./provider-module.js";
import { CLOCK, HTTP_DISPATCHER, LOGGER, RANDOM, RETRY_BUDGET } from "./tokens.js";

const ownedDispatchers = new WeakMap<DependencyContainer, Dispatcher>();

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

/**
 * Declares an adapter's DI module. Importing it from `@polycloud/core/di` is what loads tsyringe and applies the
 * adapter's decorators, so a module works with any tsyringe container, not only {@link createAllocatorContainer}'s.
 * @public
 */
export function defineProviderModule<Settings>(module: ProviderModule<Settings>): ProviderModule<Settings> {
  return module;
}
