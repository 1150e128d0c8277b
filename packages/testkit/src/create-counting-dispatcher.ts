import { createHttpDispatcher } from "@polycloud/core";
import type { Dispatcher } from "undici";

/** A dispatcher that counts what it sends; see {@link createCountingDispatcher}. @public */
export type CountingDispatcher = Dispatcher & {
  /** Requests dispatched to the wire so far; every retry attempt counts. */
  readonly requests: number;
  /** Closes the wrapped dispatcher once; later calls return the same promise. */
  close(): Promise<void>;
};

/**
 * Wraps `inner` (default: core's keep-alive `createHttpDispatcher()`) so every request it dispatches is
 * counted. Inject it into the adapter under test (e.g. `createXAllocator(settings, { dispatcher })`) and use
 * `requests` for {@link ConformanceSubject.countRequests}: the kit asserts that invalid input sends nothing.
 * The counting dispatcher owns `inner`: its `close()` closes `inner`, and is safe to call twice.
 * @public
 */
export function createCountingDispatcher(inner: Dispatcher = createHttpDispatcher()): CountingDispatcher {
  let requests = 0;
  let closing: Promise<void> | undefined;
  const dispatch: Dispatcher["dispatch"] = (options, handler) => {
    requests += 1;
    return inner.dispatch(options, handler);
  };
  // undici's callback form of close() is kept so the object stays a valid Dispatcher.
  const close = (callback?: () => void): Promise<void> | undefined => {
    closing ??= inner.close();
    if (callback === undefined) return closing;
    void closing.then(callback, callback);
    return undefined;
  };
  // A proxy, like undici's own `compose`: `request()`, `stream()` … call `this.dispatch` and so are counted too.
  const overrides: Record<PropertyKey, unknown> = { dispatch, close };
  return new Proxy(inner, {
    get: (target, key) =>
      key === "requests" ? requests : key in overrides ? overrides[key] : target[key as keyof Dispatcher],
  }) as CountingDispatcher;
}
