import { createHttpDispatcher } from "@polycloud/core";
import type { Dispatcher } from "undici";
import type { CountingDispatcher } from "./create-counting-dispatcher.js";
import { injectWireFault } from "./inject-wire-fault.js";
import { readWireRequest, type WireRequest } from "./read-wire-request.js";

export type { WireRequest } from "./read-wire-request.js";

/**
 * What the fault layer does to a request a rule matched:
 * - `lose-answer`: the request is forwarded and processed by the far side; the client then sees a connection
 *   reset (ECONNRESET) instead of the answer.
 * - `reset-before`: the client sees ECONNRESET; nothing reaches the far side.
 * - `respond`: the layer answers with `status`, `headers` and `body` (a proxy's page, a 429); nothing reaches
 *   the far side.
 *
 * Both resets look the same to a client (NETWORK, ambiguous): it cannot tell whether the request was processed.
 * @public
 */
export type WireFault =
  | { kind: "lose-answer" }
  | { kind: "reset-before" }
  | { kind: "respond"; status: number; headers?: Record<string, string>; body?: string };

/** One rule of a {@link FaultInjectingDispatcher}. @public */
export interface WireFaultRule {
  /** Which requests the rule applies to; every request when omitted. */
  match?: (request: WireRequest) => boolean;
  fault: WireFault;
  /** How many matching requests it fires for. Default 1. */
  times?: number;
}

/** A {@link CountingDispatcher} that also injects faults on the wire; see {@link createFaultInjectingDispatcher}. @public */
export interface FaultInjectingDispatcher extends CountingDispatcher {
  /** Adds a rule after the existing ones. */
  inject(rule: WireFaultRule): void;
  /** Removes every rule (faults already fired stay counted in `fired`). */
  clear(): void;
  /** Faults fired so far, over every rule. */
  readonly fired: number;
}

/**
 * Wraps `inner` (default: core's keep-alive `createHttpDispatcher()`) so tests can make the wire fail the way
 * real networks and proxies do, whatever the provider: lose an answer after the far side processed the request,
 * reset a connection before it did, or answer in its place (a 429 with an HTML body). Every request dispatched
 * is counted in `requests`, faulted ones included, as {@link createCountingDispatcher} does.
 *
 * Rules are checked in insertion order; the first whose `match` accepts the request and that has `times` left
 * fires (a rule's `match` is not called once an earlier rule fired). Requests no rule fires for go to `inner`
 * untouched. Inject it into the adapter under test; it owns `inner`, and its `close()` closes `inner` once.
 * @example
 * ```ts
 * const dispatcher = createFaultInjectingDispatcher();
 * dispatcher.inject({ match: (request) => request.headers["x-zc-action"] === "AllocateEipAddresses", fault: { kind: "lose-answer" } });
 * ```
 * @public
 */
export function createFaultInjectingDispatcher(inner: Dispatcher = createHttpDispatcher()): FaultInjectingDispatcher {
  const rules: Array<{ rule: WireFaultRule; remaining: number }> = [];
  let requests = 0;
  let fired = 0;
  let closing: Promise<void> | undefined;
  const forward: Dispatcher["dispatch"] = (options, handler) => inner.dispatch(options, handler);
  const dispatch: Dispatcher["dispatch"] = (options, handler) => {
    requests += 1;
    const fault = takeFault(rules, options);
    if (fault === undefined) return inner.dispatch(options, handler);
    fired += 1;
    return injectWireFault(fault, forward, options, handler);
  };
  const inject = (rule: WireFaultRule): void => {
    const times = rule.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
      throw new TypeError(`WireFaultRule.times must be a positive integer, got ${String(rule.times)}`);
    rules.push({ rule, remaining: times });
  };
  const clear = (): void => {
    rules.length = 0;
  };
  // undici's callback form of close() is kept so the object stays a valid Dispatcher.
  const close = (callback?: () => void): Promise<void> | undefined => {
    closing ??= inner.close();
    if (callback === undefined) return closing;
    void closing.then(callback, callback);
    return undefined;
  };
  // A proxy, like undici's own `compose`: `request()`, `stream()` … call `this.dispatch` and so meet the rules too.
  const overrides: Record<PropertyKey, unknown> = { dispatch, close, inject, clear };
  return new Proxy(inner, {
    get: (target, key) => {
      if (key === "requests") return requests;
      if (key === "fired") return fired;
      return key in overrides ? overrides[key] : target[key as keyof Dispatcher];
    },
  }) as FaultInjectingDispatcher;
}

/** The fault of the first rule that matches and has times left (spending one), or undefined. */
function takeFault(
  rules: Array<{ rule: WireFaultRule; remaining: number }>,
  options: Dispatcher.DispatchOptions,
): WireFault | undefined {
  if (!rules.some((entry) => entry.remaining > 0)) return undefined;
  const request = readWireRequest(options);
  for (const entry of rules) {
    if (entry.remaining <= 0 || (entry.rule.match !== undefined && !entry.rule.match(request))) continue;
    entry.remaining -= 1;
    return entry.rule.fault;
  }
  return undefined;
}
