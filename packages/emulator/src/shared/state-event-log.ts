import type { FaultProvider } from "./fault-rules.js";

/** One committed state change of an emulated resource (how tests count allocations). */
export interface StateChangeEvent {
  /** 1-based, strictly increasing across providers. */
  seq: number;
  /** `Date.now()` of the emulator clock when it was recorded. */
  at: number;
  provider: FaultProvider;
  /** API action that caused it, or "lifecycle" for timer-driven transitions. */
  action: string;
  kind: "allocate" | "release" | "associate" | "unassociate" | "status";
  /** Alibaba: instance id; Zenlayer: eip id; AWS: allocation id (`eipalloc-…`). */
  resourceId: string;
  /** E.g. `{ ipAddress, from, to, tagValue }`. */
  detail?: Record<string, unknown>;
}

/** Fields a {@link StateEventLog} can be filtered on (all given fields must match). */
export type StateChangeEventFilter = Partial<Pick<StateChangeEvent, "provider" | "action" | "kind" | "resourceId">>;

/** Append-only log of every state change the emulators commit. */
export class StateEventLog {
  readonly #events: StateChangeEvent[] = [];
  readonly #now: () => number;
  #nextSeq = 1;

  /** @param now clock stamped into `at` (the emulator clock; default `Date.now`). */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Appends an event, stamping `seq` and `at`; returns the stored event. */
  record(event: Omit<StateChangeEvent, "seq" | "at">): StateChangeEvent {
    const stored: StateChangeEvent = { seq: this.#nextSeq++, at: this.#now(), ...event };
    if (event.detail !== undefined) stored.detail = { ...event.detail };
    this.#events.push(stored);
    return { ...stored };
  }

  /** Events matching every given field of `filter`, oldest first (copies). */
  list(filter: StateChangeEventFilter = {}): StateChangeEvent[] {
    return this.#events.filter((event) => matchesFilter(event, filter)).map((event) => ({ ...event }));
  }

  /** Number of events matching every given field of `filter`. */
  count(filter: StateChangeEventFilter = {}): number {
    return this.#events.reduce((total, event) => total + (matchesFilter(event, filter) ? 1 : 0), 0);
  }

  /** Forgets every event (sequence numbers keep increasing). */
  clear(): void {
    this.#events.length = 0;
  }
}

function matchesFilter(event: StateChangeEvent, filter: StateChangeEventFilter): boolean {
  return (
    (filter.provider === undefined || event.provider === filter.provider) &&
    (filter.action === undefined || event.action === filter.action) &&
    (filter.kind === undefined || event.kind === filter.kind) &&
    (filter.resourceId === undefined || event.resourceId === filter.resourceId)
  );
}
