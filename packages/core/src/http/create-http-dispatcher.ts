import { Agent, type Dispatcher } from "undici";

/** Connection settings of the default dispatcher. @public */
export interface HttpDispatcherOptions {
  /** TCP + TLS connect timeout. Default 5 s. */
  connectTimeoutMs?: number;
  /** How long an idle keep-alive socket is kept. Default 4 s (below common server idle timeouts). */
  keepAliveTimeoutMs?: number;
  /** Sockets per origin. Default 64. */
  connections?: number;
}

/**
 * An undici Agent with keep-alive and a connect timeout; one per allocator unless a shared one is injected.
 * @public
 */
export function createHttpDispatcher(options: HttpDispatcherOptions = {}): Dispatcher {
  return new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 5_000 },
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
    connections: options.connections ?? 64,
  });
}
