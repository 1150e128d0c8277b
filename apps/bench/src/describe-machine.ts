import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

/** The machine a run was measured on. */
export interface MachineDescription {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

/** CPU model (from /proc/cpuinfo where available), logical cores, memory, Node version and platform. */
export function describeMachine(): MachineDescription {
  let cpuModel = cpus()[0]?.model ?? "unknown";
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux: os.cpus() already gave the model.
  }
  return {
    cpuModel,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/**
 * The 1-minute load average: other processes competing for the cores skew every figure, so each run
 * records it at start and end (on 2 cores, anything near 2 means the run shared the machine).
 */
export function readLoadAverage(): number {
  return Math.round((loadavg()[0] ?? Number.NaN) * 100) / 100;
}

/** One line for the report header. */
export function formatMachine(machine: MachineDescription): string {
  return `${machine.cpuModel}, ${machine.cores} logical cores, ${machine.memoryGiB} GiB RAM, Node ${machine.node}, ${machine.platform}`;
}
