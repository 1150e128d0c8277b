import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultInjector } from "./fault-rules.js";
import type { StateEventLog } from "./state-event-log.js";

/** What every provider emulator receives from {@link startEmulator}: shared faults, event log, clock and PRNG. */
export interface ProviderEmulatorContext {
  faults: FaultInjector;
  events: StateEventLog;
  /** Emulator clock in ms (tests may replace it). */
  now: () => number;
  /** Seeded PRNG shared with the injector's seed. */
  random: () => number;
}

/** A provider emulator: an HTTP handler plus its inspectable state. */
export interface ProviderEmulator<State> {
  /** Never throws; answers every request (unless a fault says otherwise). */
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** Inspection: read-only views of accounts, resources. */
  state: State;
  /** Clears timers. */
  close(): void;
}
