import { afterEach } from "vitest";
import { startInMemoryCloud, type RunningInMemoryCloud, type StartInMemoryCloudOptions } from "../cloud/index.js";
import { createInMemoryAllocator, type InMemoryDependencies } from "../create-in-memory-allocator.js";
import type { InMemoryAllocator } from "../in-memory-allocator.js";
import type { InMemorySettings } from "../in-memory-settings.js";

/** The loopback cloud of one test and the allocators connected to it; both are closed after each test. */
export interface InMemoryCloudHarness {
  /** The cloud the current test started, if any. */
  readonly far: RunningInMemoryCloud | undefined;
  startCloud(options?: StartInMemoryCloudOptions): Promise<RunningInMemoryCloud>;
  /** An allocator on the running cloud (jitter fixed at the midpoint), closed after the test. */
  connect(settings?: Partial<InMemorySettings>, dependencies?: InMemoryDependencies): InMemoryAllocator;
}

/** Registers the per-test cleanup and returns the harness of a test file whose cloud accepts `accessToken`. */
export function useInMemoryCloud(accessToken: string): InMemoryCloudHarness {
  let far: RunningInMemoryCloud | undefined;
  const allocators: InMemoryAllocator[] = [];
  afterEach(async () => {
    await Promise.all(allocators.splice(0).map((allocator) => allocator.close()));
    await far?.close();
    far = undefined;
  });
  return {
    get far() {
      return far;
    },
    async startCloud(options = {}) {
      far = await startInMemoryCloud({ accessToken, ...options });
      return far;
    },
    connect(settings = {}, dependencies = {}) {
      const allocator = createInMemoryAllocator(
        { endpoint: far?.endpoint ?? "", accessToken, ...settings },
        { random: () => 0.5, ...dependencies },
      );
      allocators.push(allocator);
      return allocator;
    },
  };
}
