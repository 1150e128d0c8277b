import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { createHash } from "node:crypto";
import { mkdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { CliRun } from "./run-captured.js";

const runFile = promisify(execFile);

/** The app's directory and its executable (which runs the built `dist/`). */
export const APP_DIRECTORY = fileURLToPath(new URL("../..", import.meta.url));
export const BIN_PATH = join(APP_DIRECTORY, "bin", "allocate-ip.js");

/** A build older than this holding the lock is taken to be dead (a killed test run). */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Builds the app and its references with `tsc -b` (incremental: only what changed), once at a time across
 * test files running in parallel, so no test spawns the bin while another file rewrites `dist/`.
 */
export async function buildBin(): Promise<void> {
  const lock = join(
    tmpdir(),
    `allocate-ip-build-${createHash("sha256").update(APP_DIRECTORY).digest("hex").slice(0, 16)}.lock`,
  );
  await acquireLock(lock);
  try {
    await runFile("npx", ["tsc", "-b"], { cwd: APP_DIRECTORY }).catch(
      (thrown: { stdout?: string; stderr?: string }) => {
        throw new Error(`tsc -b failed in ${APP_DIRECTORY}:\n${thrown.stdout ?? ""}${thrown.stderr ?? ""}`);
      },
    );
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function acquireLock(path: string): Promise<void> {
  for (;;) {
    try {
      await mkdir(path);
      return;
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code !== "EEXIST") throw thrown;
      const since = await stat(path).then(
        (stats) => Date.now() - stats.mtimeMs,
        () => 0,
      );
      if (since > STALE_LOCK_MS) await rm(path, { recursive: true, force: true });
      else await sleep(100);
    }
  }
}

/**
 * Runs the real executable (or another script) as a user would: a child process with a clean environment
 * (only PATH, plus `env`), its exit code and both output streams.
 */
export async function runBin(
  argv: string[],
  cwd: string,
  options: { script?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return runProcess(process.execPath, [options.script ?? BIN_PATH, ...argv], cwd, options.env);
}

/**
 * Runs a command line printed by the CLI (`allocate-ip release …`) through `sh`, exactly as a user pasting
 * it would, with `allocate-ip` standing for the built executable.
 */
export async function runPrintedCommand(
  commandLine: string,
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  if (!commandLine.startsWith("allocate-ip ")) throw new Error(`not an allocate-ip command: ${commandLine}`);
  return runProcess(
    "sh",
    ["-c", `"$ALLOCATE_IP_NODE" "$ALLOCATE_IP_BIN" ${commandLine.slice("allocate-ip ".length)}`],
    cwd,
    { ...env, ALLOCATE_IP_NODE: process.execPath, ALLOCATE_IP_BIN: BIN_PATH },
  );
}

async function runProcess(
  file: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  try {
    const { stdout, stderr } = await runFile(file, args, {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 30_000,
    });
    return { exitCode: 0, stdout, stderr };
  } catch (thrown) {
    const failure = thrown as { code?: number; stdout: string; stderr: string };
    return {
      exitCode: typeof failure.code === "number" ? failure.code : -1,
      stdout: failure.stdout,
      stderr: failure.stderr,
    };
  }
}

/**
 * Runs the executable with a reader that goes away, like `allocate-ip … | head -1`: after the first line of
 * stdout, or (`linesRead: 0`, which makes the very first write meet the closed pipe) before anything was written.
 * Returns the lines read, the exit code and everything written to stderr.
 */
export async function runBinWithClosingReader(
  argv: string[],
  cwd: string,
  options: { linesRead: 0 | 1; env?: Record<string, string> },
): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN_PATH, ...argv], {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  if (options.linesRead === 0) child.stdout.destroy();
  else {
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      // The reader closes its end: every later write of the child meets a closed pipe.
      if (stdout.includes("\n")) child.stdout.destroy();
    });
  }
  const timer = setTimeout(() => child.kill(), 30_000);
  const [code] = (await once(child, "close")) as [number | null];
  clearTimeout(timer);
  return { exitCode: code ?? -1, stdout: stdout.slice(0, stdout.indexOf("\n") + 1), stderr };
}
