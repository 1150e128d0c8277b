import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/index.js";

/** A stream that keeps what is written, standing in for stdout / stderr. */
export function createCaptureStream(isTTY = false): {
  write(text: string): boolean;
  isTTY: boolean;
  readonly text: string;
} {
  let text = "";
  return {
    isTTY,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

/** What one CLI run printed and returned. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with an explicit (by default empty) environment and captured output. */
export async function runCaptured(
  argv: string[],
  options: { cwd: string; env?: Record<string, string>; tty?: boolean },
): Promise<CliRun> {
  const stdout = createCaptureStream(options.tty);
  const stderr = createCaptureStream(options.tty);
  const exitCode = await runCli(argv, { stdout, stderr, cwd: options.cwd, env: options.env ?? {} });
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}

/** Parses stdout that must hold exactly one JSON object (and nothing else but the final newline). */
export function parseSingleJson(stdout: string): Record<string, unknown> {
  const lines = stdout.split("\n").filter((line) => line !== "");
  if (lines.length !== 1)
    throw new Error(`expected exactly one line of JSON on stdout, got ${lines.length}:\n${stdout}`);
  const parsed: unknown = JSON.parse(lines[0] as string);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error(`stdout is not a JSON object: ${stdout}`);
  return parsed as Record<string, unknown>;
}

/** A temp directory for config files, removed by the returned function. */
export async function createTempDirectory(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "allocate-ip-test-"));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Writes a JSON config file and returns its path. */
export async function writeConfig(directory: string, name: string, config: unknown): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}
