import { STATUS_CODES } from "node:http";
import type { Dispatcher } from "undici";
import type { WireFault } from "./create-fault-injecting-dispatcher.js";

/** undici's controller-style handler, every callback present. */
type ControllerHandler = Required<
  Pick<
    Dispatcher.DispatchHandler,
    "onRequestStart" | "onResponseStart" | "onResponseData" | "onResponseEnd" | "onResponseError"
  >
>;

/**
 * An error shaped like Node's socket reset: core's `mapNetworkError` reads `code` and so reports NETWORK,
 * ambiguous, exactly as for a real one (a client cannot tell whether the far side processed the request).
 */
export function createConnectionResetError(): Error {
  return Object.assign(new Error("read ECONNRESET (connection reset by the conformance fault layer)"), {
    code: "ECONNRESET",
    syscall: "read",
  });
}

/**
 * Applies `fault` to one dispatch: `lose-answer` forwards the request through `forward` and turns its answer into
 * a reset; `reset-before` and `respond` are answered here, on a later tick as a socket would, and send nothing.
 */
export function injectWireFault(
  fault: WireFault,
  forward: Dispatcher["dispatch"],
  options: Dispatcher.DispatchOptions,
  handler: Dispatcher.DispatchHandler,
): boolean {
  const target = toControllerHandler(handler);
  if (fault.kind === "lose-answer") return forward(options, loseAnswer(target));
  setImmediate(() => answerLocally(fault, target));
  return true;
}

/** Forwards the request; the far side processes and answers it, and the answer is replaced by a reset. */
function loseAnswer(target: ControllerHandler): Dispatcher.DispatchHandler {
  return {
    onRequestStart: (controller, context) => target.onRequestStart(controller, context),
    // The whole answer is read (so the far side has certainly finished), then dropped.
    onResponseStart: () => undefined,
    onResponseData: () => undefined,
    onResponseEnd: (controller) => target.onResponseError(controller, createConnectionResetError()),
    onResponseError: (controller, error) => target.onResponseError(controller, error),
  };
}

function answerLocally(fault: Exclude<WireFault, { kind: "lose-answer" }>, target: ControllerHandler): void {
  let settled = false;
  const fail = (error: Error) => {
    if (settled) return;
    settled = true;
    target.onResponseError(controller, error);
  };
  // An abort (the caller's signal) ends the exchange with its reason, as undici's own controller does.
  const controller = new LocalController(fail);
  target.onRequestStart(controller, {});
  if (controller.aborted) return;
  if (fault.kind === "reset-before") {
    fail(createConnectionResetError());
    return;
  }
  const body = Buffer.from(fault.body ?? "", "utf8");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(fault.headers ?? {})) headers[name.toLowerCase()] = value;
  headers["content-length"] = String(body.length);
  target.onResponseStart(controller, fault.status, headers, STATUS_CODES[fault.status] ?? "");
  if (controller.aborted) return;
  if (body.length > 0) target.onResponseData(controller, body);
  if (controller.aborted) return;
  settled = true;
  target.onResponseEnd(controller, {});
}

/** The controller of an exchange answered locally: the whole body is delivered at once, so pausing is only recorded. */
class LocalController implements Dispatcher.DispatchController {
  #aborted = false;
  #paused = false;
  #reason: Error | null = null;

  constructor(private readonly onAbort: (reason: Error) => void) {}

  get aborted(): boolean {
    return this.#aborted;
  }

  get paused(): boolean {
    return this.#paused;
  }

  get reason(): Error | null {
    return this.#reason;
  }

  abort(reason: Error): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.onAbort(reason);
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
  }
}

/** Legacy handlers (`onConnect`, `onHeaders`, …; undici's own `request()` uses one) behind the controller API. */
function toControllerHandler(handler: Dispatcher.DispatchHandler): ControllerHandler {
  if (typeof handler.onRequestStart === "function") {
    return {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onResponseStart: (controller, statusCode, headers, statusMessage) =>
        handler.onResponseStart?.(controller, statusCode, headers, statusMessage),
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
      onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    };
  }
  // undici passes the dispatch context as a second argument, which its types leave out.
  const onConnect = handler.onConnect as
    | ((this: Dispatcher.DispatchHandler, abort: (reason?: Error) => void, context: unknown) => void)
    | undefined;
  return {
    onRequestStart: (controller, context) =>
      onConnect?.call(handler, (reason) => controller.abort(reason ?? new Error("Request aborted")), context),
    onResponseStart: (controller, statusCode, headers, statusMessage) => {
      if (
        handler.onHeaders?.(statusCode, toRawHeaders(headers), () => controller.resume(), statusMessage ?? "") === false
      )
        controller.pause();
    },
    onResponseData: (controller, chunk) => {
      if (handler.onData?.(chunk) === false) controller.pause();
    },
    onResponseEnd: (_controller, trailers) => handler.onComplete?.(toRawHeaders(trailers) as unknown as string[]),
    onResponseError: (_controller, error) => handler.onError?.(error),
  };
}

function toRawHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Buffer[] {
  const raw: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      raw.push(Buffer.from(name, "latin1"), Buffer.from(item, "latin1"));
  }
  return raw;
}
