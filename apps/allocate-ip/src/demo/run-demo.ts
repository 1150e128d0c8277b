import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OperationHooks } from "@polycloud/core";
import { loadAllocateIpConfig } from "../config/load-allocate-ip-config.js";
import { allocatePublicIp, openIpAllocator } from "../sample.js";
import { importEmulator } from "./import-emulator.js";
import { writeDemoConfigs } from "./write-demo-configs.js";

/** What the demo did on one provider: one column of its table. @public */
export interface DemoOutcome {
  provider: string;
  provisioning: "synchronous" | "asynchronous";
  locationKind: "region" | "zone";
  location: string | undefined;
  id: string;
  address: string | undefined;
  /** State the allocation reported, before any wait. */
  allocatedState: string;
  /** Milliseconds spent waiting for readiness; 0 when the address was ready at once. */
  waitedMs: number;
  describedState: string;
  releasedState: "releasing" | "released";
  requestId: string | undefined;
  warnings: string[];
}

/** Options of {@link runDemo}. @public */
export interface RunDemoOptions {
  signal?: AbortSignal;
  hooks?: OperationHooks;
  /** Told what the demo is doing, e.g. to drive a spinner. */
  onProgress?(message: string): void;
}

/**
 * Starts the emulators in-process (Alibaba ECS, Zenlayer, AWS EC2), then on each provider runs the sample ({@link allocatePublicIp})
 * from a config file in a temp dir, waits until ready, describes and releases. Everything it started or
 * wrote is closed and removed before it returns, so the process can exit at once.
 * @public
 */
export async function runDemo(options: RunDemoOptions = {}): Promise<DemoOutcome[]> {
  // Loaded on demand: the other commands never need the emulator, and the published CLI may lack it.
  const { startEmulator } = await importEmulator();
  options.onProgress?.("Starting the local emulators…");
  const emulator = await startEmulator();
  const directory = await mkdtemp(join(tmpdir(), "allocate-ip-demo-"));
  try {
    const configPaths = await writeDemoConfigs(directory, {
      alibaba: emulator.alibaba.endpoint,
      zenlayer: emulator.zenlayer.endpoint,
      aws: emulator.aws.endpoint,
    });
    const outcomes: DemoOutcome[] = [];
    for (const configPath of configPaths) outcomes.push(await runOnOneProvider(configPath, options));
    return outcomes;
  } finally {
    await emulator.close();
    await rm(directory, { recursive: true, force: true });
  }
}

async function runOnOneProvider(configPath: string, options: RunDemoOptions): Promise<DemoOutcome> {
  // An empty environment: the demo must not pick up POLYCLOUD_* or real cloud credentials from the shell.
  const loaded = await loadAllocateIpConfig({ configPath, env: {} });
  const operation = { signal: options.signal, hooks: options.hooks };
  let waitStartedAt: number | undefined;
  const result = await allocatePublicIp(loaded, {
    ...operation,
    wait: true,
    onStep(step) {
      if (step.name === "wait") waitStartedAt = Date.now();
      if (step.name === "allocate") options.onProgress?.(`Allocating on ${step.provider}…`);
      else if (step.name === "wait") options.onProgress?.(`Waiting for ${step.id} on ${step.provider}…`);
      else options.onProgress?.(`Releasing ${step.id} on ${step.provider} after a failed wait…`);
    },
  });
  const waitedMs = waitStartedAt === undefined ? 0 : Date.now() - waitStartedAt;
  const ip = result.ips[0];
  if (ip === undefined) throw new Error(`${result.provider} returned no address`);
  // Only addresses not ready yet are waited for, so a wait means the allocation answered "pending".
  const allocatedState = waitStartedAt === undefined ? ip.state : "pending";
  const allocator = await openIpAllocator(loaded);
  try {
    options.onProgress?.(`Describing and releasing ${ip.id} on ${allocator.provider}…`);
    const described = await allocator.describe(ip.id, operation);
    const released = await allocator.release(ip.id, operation);
    return {
      provider: allocator.provider,
      provisioning: allocator.capabilities.provisioning,
      locationKind: allocator.capabilities.locationKind,
      location: ip.location[allocator.capabilities.locationKind],
      id: ip.id,
      address: ip.address,
      allocatedState,
      waitedMs,
      describedState: `${described.ip.state}${described.ip.providerState ? ` (${described.ip.providerState})` : ""}`,
      releasedState: released.state,
      requestId: result.requestId ?? result.metadata.requestId,
      warnings: [...result.warnings, ...released.warnings],
    };
  } finally {
    await allocator.close();
  }
}
