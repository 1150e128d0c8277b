import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe } from "node:diagnostics_channel";

/**
 * What the HTTP requests of one attempt did on the wire: how many undici created, and how many had their
 * headers written to a connected socket. A request never written cannot have been processed by the provider.
 * @public
 */
export interface RequestDelivery {
  created: number;
  written: number;
}

// undici announces each request it creates (synchronously, in the caller's async context) and each request whose
// headers it writes to a socket (later, in the connection's context): the first event ties the request to the
// attempt that made it, the second marks it delivered.
const attemptDelivery = new AsyncLocalStorage<RequestDelivery>();
const deliveryByRequest = new WeakMap<object, RequestDelivery>();
let subscribed = false;

function subscribeToUndici(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe("undici:request:create", (message) => {
    const delivery = attemptDelivery.getStore();
    const request = (message as { request?: object }).request;
    if (delivery === undefined || request === undefined) return;
    delivery.created += 1;
    deliveryByRequest.set(request, delivery);
  });
  subscribe("undici:client:sendHeaders", (message) => {
    const request = (message as { request?: object }).request;
    const delivery = request === undefined ? undefined : deliveryByRequest.get(request);
    if (delivery !== undefined) delivery.written += 1;
  });
}

/**
 * Runs one attempt while recording what its HTTP requests (sent with undici, as core's `sendHttpRequest`
 * does) did on the wire. `delivery` is filled in as the attempt runs; read it once the attempt settled.
 * @public
 */
export function trackRequestDelivery<T>(attempt: () => Promise<T>): { result: Promise<T>; delivery: RequestDelivery } {
  subscribeToUndici();
  const delivery: RequestDelivery = { created: 0, written: 0 };
  return { result: attemptDelivery.run(delivery, attempt), delivery };
}

/**
 * True when the attempt provably never reached the provider: it created HTTP requests and wrote none of them
 * (the connection was refused, or the deadline came while connecting). An attempt that sent nothing through
 * undici (another transport, a test double) proves nothing.
 * @public
 */
export function wasNeverSent(delivery: RequestDelivery): boolean {
  return delivery.created > 0 && delivery.written === 0;
}
