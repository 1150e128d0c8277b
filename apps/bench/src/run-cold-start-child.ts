import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** One fresh process's timeline: `atMs` is `performance.now()` inside the child (ms since it started). */
export interface ColdStartRun {
  scenario: string;
  steps: Array<{ label: string; atMs: number }>;
  /** Parent-side wall time from `spawn()` to the child's exit. */
  wallMs: number;
}

const CHILD_ENTRY = fileURLToPath(new URL("./cold-start-child.js", import.meta.url));

/**
 * Spawns `cold-start-child.js <scenario> <endpoint>` and resolves with its timeline and wall time.
 * @throws Error when the child fails or prints no result.
 */
export function runColdStartChild(scenario: string, endpoint: string): Promise<ColdStartRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CHILD_ENTRY, scenario, endpoint], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let errorOutput = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (errorOutput += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0)
        return reject(new Error(`cold-start scenario ${scenario} exited with ${String(code)}: ${errorOutput.trim()}`));
      try {
        const parsed = JSON.parse(output) as Omit<ColdStartRun, "wallMs">;
        resolve({ ...parsed, wallMs });
      } catch {
        reject(new Error(`cold-start scenario ${scenario} printed no result: ${output}${errorOutput}`));
      }
    });
  });
}

/** Milliseconds from process start to the step labelled `label` (NaN when absent). */
export function readStep(run: ColdStartRun, label: string): number {
  return run.steps.find((step) => step.label === label)?.atMs ?? Number.NaN;
}

/** Milliseconds between two steps of one run. */
export function readStepDelta(run: ColdStartRun, from: string, to: string): number {
  return readStep(run, to) - readStep(run, from);
}
