import { summarizeSamples, type SampleSummary } from "./summarize-samples.js";

/** Inputs of {@link runClosedLoop}. */
export interface ClosedLoopOptions {
  /** Operations in flight at any time (each worker starts the next as soon as its last one settles). */
  concurrency: number;
  /** Operations to complete in total. */
  operations: number;
}

/** What a closed-loop run measured. */
export interface ClosedLoopResult {
  completed: number;
  errors: number;
  /** Message of the first error, when any. */
  firstError?: string;
  elapsedMs: number;
  /** Completed operations per second of wall time. */
  throughputPerSecond: number;
  latency: SampleSummary;
  /** Client (this process) CPU time per completed operation, microseconds. */
  clientCpuMicrosecondsPerOperation: number;
}

/**
 * A closed-loop load driver: `concurrency` workers each run `operation` back to back until `operations` have
 * been started, so throughput is limited by the client and server, never by an arrival schedule.
 */
export async function runClosedLoop(
  operation: () => Promise<unknown>,
  options: ClosedLoopOptions,
): Promise<ClosedLoopResult> {
  const latencies: number[] = [];
  let started = 0;
  let errors = 0;
  let firstError: string | undefined;
  const runWorker = async () => {
    while (started < options.operations) {
      started += 1;
      const begin = performance.now();
      try {
        await operation();
        latencies.push(performance.now() - begin);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  const cpuBefore = process.cpuUsage();
  const begin = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, runWorker));
  const elapsedMs = performance.now() - begin;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    completed: latencies.length,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    elapsedMs,
    throughputPerSecond: (latencies.length / elapsedMs) * 1000,
    latency: summarizeSamples(latencies),
    clientCpuMicrosecondsPerOperation: (cpu.user + cpu.system) / Math.max(1, latencies.length),
  };
}
