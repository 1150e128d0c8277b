import {
  RetryBudget,
  createHttpDispatcher,
  silentLogger,
  systemClock,
  type Clock,
  type Dispatcher,
  type Logger,
} from "@polycloud/core";
import { InMemoryAllocator } from "./in-memory-allocator.js";
import { InMemoryClient } from "./in-memory-client.js";
import { parseInMemorySettings, type InMemorySettings } from "./in-memory-settings.js";

/** What the plain factory lets a caller or a test replace. Every field is optional. */
export interface InMemoryDependencies {
  /** A shared dispatcher (its owner closes it); default: one the allocator creates and closes. */
  dispatcher?: Dispatcher;
  /** Time source for backoff, settle reads and polling. Default the system clock. */
  clock?: Clock;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Retry token bucket. Default a fresh one per allocator. */
  retryBudget?: RetryBudget;
  /** Receives redacted diagnostics. Default silent. */
  logger?: Logger;
  /** Environment the credentials are resolved from at the first call. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Builds an in-memory allocator without a DI container. Validates the settings now; resolves the
 * credential at the first call.
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming each bad setting.
 */
export function createInMemoryAllocator(
  settings: InMemorySettings,
  dependencies: InMemoryDependencies = {},
): InMemoryAllocator {
  const resolved = parseInMemorySettings(settings);
  const ownsDispatcher = dependencies.dispatcher === undefined;
  const dispatcher = dependencies.dispatcher ?? createHttpDispatcher({ connectTimeoutMs: resolved.connectTimeoutMs });
  const clock = dependencies.clock ?? systemClock;
  const client = new InMemoryClient(resolved, dispatcher, clock, { env: dependencies.env ?? process.env });
  const random = dependencies.random ?? Math.random;
  return new InMemoryAllocator(
    resolved,
    client,
    { ownsDispatcher },
    dispatcher,
    clock,
    random,
    dependencies.retryBudget ?? new RetryBudget(),
    dependencies.logger ?? silentLogger,
  );
}
