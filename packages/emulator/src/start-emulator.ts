import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { DEFAULT_ALIBABA_SEED } from "./alibaba/alibaba-default-seed.js";
import type { AlibabaEmulatorOptions } from "./alibaba/alibaba-seed.js";
import type { AlibabaState } from "./alibaba/alibaba-state.js";
import { createAlibabaEmulator } from "./alibaba/create-alibaba-emulator.js";
import { DEFAULT_AWS_SEED, createAwsEmulator, type AwsEmulatorOptions, type AwsState } from "./aws/index.js";
import type { EmulatorSeed } from "./load-emulator-seed.js";
import { createSeededRandom } from "./shared/create-seeded-random.js";
import { FaultInjector, type FaultRule } from "./shared/fault-rules.js";
import { StateEventLog } from "./shared/state-event-log.js";
import {
  DEFAULT_ZENLAYER_SEED,
  createZenlayerEmulator,
  type ZenlayerEmulatorOptions,
  type ZenlayerState,
} from "./zenlayer/index.js";

/** Options of {@link startEmulator}; every field is optional. */
export interface StartEmulatorOptions {
  /** Interface to bind (default "127.0.0.1"); a non-loopback host is refused unless `allowNonLoopback`. */
  host?: string;
  /** Allow binding a non-loopback host (exposes the emulator to the network). */
  allowNonLoopback?: boolean;
  /** Port of the Alibaba endpoint (default 0 = any free port). */
  alibabaPort?: number;
  /** Port of the Zenlayer endpoint (default 0 = any free port). */
  zenlayerPort?: number;
  /** Port of the AWS EC2 endpoint (default 0 = any free port). */
  awsPort?: number;
  /** Accounts, resources, faults and random seed; missing parts use the defaults. */
  seed?: EmulatorSeed;
  /** Fault rules added after `seed.faults`. */
  faults?: FaultRule[];
  /** Seed of the PRNG (overrides `seed.randomSeed`; default 1). */
  randomSeed?: number;
  alibaba?: AlibabaEmulatorOptions;
  zenlayer?: ZenlayerEmulatorOptions;
  aws?: AwsEmulatorOptions;
  /** Emulator clock in ms (default `Date.now`); tests shift it to exercise timestamp checks. */
  now?: () => number;
}

/** A running emulator: endpoints, the shared fault injector and event log, state views, and `close()`. */
export interface RunningEmulator {
  alibaba: { endpoint: string };
  zenlayer: { endpoint: string };
  /** The EC2 Query endpoint; point an SDK's `endpoint` here. */
  aws: { endpoint: string };
  faults: FaultInjector;
  events: StateEventLog;
  alibabaState: AlibabaState;
  zenlayerState: ZenlayerState;
  awsState: AwsState;
  /** Closes every server, destroys open sockets (hanging requests too) and clears timers. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the Alibaba ECS, Zenlayer BMC and AWS EC2 emulators on loopback HTTP servers.
 * @throws Error when `host` is not loopback (without `allowNonLoopback`), a port is taken, or the seed is invalid.
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  if (!options.allowNonLoopback && !isLoopbackHost(host)) {
    throw new Error(
      `Refusing to bind non-loopback host "${host}"; pass allowNonLoopback: true (--allow-non-loopback) to force it.`,
    );
  }
  const seed = options.seed ?? {};
  const randomSeed = options.randomSeed ?? seed.randomSeed ?? 1;
  const now = options.now ?? Date.now;
  const faults = new FaultInjector([...(seed.faults ?? []), ...(options.faults ?? [])], randomSeed);
  const events = new StateEventLog(now);
  // Each provider draws from its own PRNG with the same seed, so one provider's traffic never shifts the other's ids.
  const alibaba = createAlibabaEmulator(
    seed.alibaba ?? DEFAULT_ALIBABA_SEED,
    { faults, events, now, random: createSeededRandom(randomSeed) },
    options.alibaba,
  );
  const zenlayer = createZenlayerEmulator(
    seed.zenlayer ?? DEFAULT_ZENLAYER_SEED,
    { faults, events, now, random: createSeededRandom(randomSeed) },
    options.zenlayer,
  );
  const aws = createAwsEmulator(
    seed.aws ?? DEFAULT_AWS_SEED,
    { faults, events, now, random: createSeededRandom(randomSeed) },
    options.aws,
  );
  const providers = [alibaba, zenlayer, aws];
  const servers: TrackedServer[] = [];
  try {
    servers.push(
      await listen((request, response) => alibaba.handle(request, response), host, options.alibabaPort ?? 0),
    );
    servers.push(
      await listen((request, response) => zenlayer.handle(request, response), host, options.zenlayerPort ?? 0),
    );
    servers.push(await listen((request, response) => aws.handle(request, response), host, options.awsPort ?? 0));
  } catch (error) {
    for (const provider of providers) provider.close();
    await Promise.all(servers.map(closeServer));
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    alibaba: { endpoint: formatEndpoint(host, servers[0] as TrackedServer) },
    zenlayer: { endpoint: formatEndpoint(host, servers[1] as TrackedServer) },
    aws: { endpoint: formatEndpoint(host, servers[2] as TrackedServer) },
    faults,
    events,
    alibabaState: alibaba.state,
    zenlayerState: zenlayer.state,
    awsState: aws.state,
    close() {
      closing ??= (async () => {
        for (const provider of providers) provider.close();
        await Promise.all(servers.map(closeServer));
      })();
      return closing;
    },
  };
}

/** Whether a host name or address only reaches this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return (
    bare === "localhost" ||
    bare === "::1" ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(bare)
  );
}

interface TrackedServer {
  server: Server;
  sockets: Set<Socket>;
  port: number;
}

function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  host: string,
  port: number,
): Promise<TrackedServer> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host.replace(/^\[(.*)\]$/, "$1"), () => {
      server.off("error", reject);
      const address = server.address();
      resolve({ server, sockets, port: typeof address === "object" && address !== null ? address.port : port });
    });
  });
}

function closeServer(tracked: TrackedServer): Promise<void> {
  return new Promise((resolve) => {
    tracked.server.close(() => resolve());
    // Hanging and keep-alive connections would hold close() open: cut them now.
    for (const socket of tracked.sockets) socket.destroy();
    tracked.server.closeAllConnections();
  });
}

function formatEndpoint(host: string, tracked: TrackedServer): string {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  return `http://${bare.includes(":") ? `[${bare}]` : bare}:${tracked.port}`;
}
