import { afterEach } from "vitest";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "../../start-emulator.js";

/** A test file's emulator: `start()` boots one (with options) and returns its Alibaba endpoint; it is closed after each test. */
export interface AlibabaTestEmulator {
  start(options?: StartEmulatorOptions): Promise<string>;
  /** The emulator of the running test, for inspection and fault rules. */
  readonly emulator: RunningEmulator | undefined;
}

/** Registers the per-test emulator lifecycle in the calling test file. */
export function useAlibabaTestEmulator(): AlibabaTestEmulator {
  let current: RunningEmulator | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async start(options: StartEmulatorOptions = {}) {
      current = await startEmulator(options);
      return current.alibaba.endpoint;
    },
    get emulator() {
      return current;
    },
  };
}
