import { createToken, type IpAllocator } from "@polycloud/core";
import type { InMemoryClient } from "./in-memory-client.js";
import type { ResolvedInMemorySettings } from "./in-memory-settings.js";

/** Validated settings of one allocator. */
export const IN_MEMORY_SETTINGS = createToken<ResolvedInMemorySettings>("polycloud-example-in-memory/settings");
/** The wire client of one allocator. */
export const IN_MEMORY_CLIENT = createToken<InMemoryClient>("polycloud-example-in-memory/client");
/** Environment the credentials are resolved from at the first call (default `process.env`). */
export const IN_MEMORY_ENVIRONMENT = createToken<InMemoryEnvironment>("polycloud-example-in-memory/environment");
/** What the allocator frees on `close()`. */
export const IN_MEMORY_LIFECYCLE = createToken<InMemoryLifecycle>("polycloud-example-in-memory/lifecycle");
/** The allocator `inMemoryModule` registers. */
export const IN_MEMORY_ALLOCATOR = createToken<IpAllocator>("polycloud-example-in-memory/allocator");

/** Environment variables, wrapped so a container can hold them. */
export interface InMemoryEnvironment {
  env: Readonly<Record<string, string | undefined>>;
}

/** Dispatcher ownership: an allocator closes only a dispatcher it created. */
export interface InMemoryLifecycle {
  ownsDispatcher: boolean;
}
