import { readFileSync } from "node:fs";
import { IpAllocatorError } from "@polycloud/core";
import { Command, CommanderError } from "commander";
import { addAllocateCommand } from "./allocate-command.js";
import type { CliIo, CliStream } from "./cli-io.js";
import { addDemoCommand } from "./demo-command.js";
import { USAGE_EXIT_CODE } from "./exit-codes.js";
import { formatHelpFooter } from "./help-text.js";
import { addResourceCommands } from "./resource-commands.js";
import { reportError } from "./run-command.js";

/** Options of {@link runCli}; each defaults to the current process's. @public */
export interface RunCliOptions {
  stdout?: CliStream;
  stderr?: CliStream;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  /** Aborting it cancels the running command (exit 8). */
  signal?: AbortSignal;
}

/**
 * Runs `allocate-ip` with the given arguments (without `node` and the script) and resolves to the exit
 * code. It never calls `process.exit` and never throws, so it runs in-process as well as from the bin.
 * @public
 */
export async function runCli(argv: readonly string[], options: RunCliOptions = {}): Promise<number> {
  const io: CliIo = {
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal,
  };
  const json = argv.includes("--json");
  let exitCode = 0;
  try {
    const program = createProgram(io, json, (code) => {
      exitCode = code;
    });
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (thrown) {
    if (!(thrown instanceof CommanderError)) return reportError(io, thrown, { json });
    // --help and --version end here too, with exit code 0.
    if (thrown.exitCode === 0) return 0;
    // Commander already printed the human message (outputError); with --json it is reported as JSON instead.
    if (json)
      reportError(
        io,
        new IpAllocatorError({ code: "INVALID_ARGUMENT", message: thrown.message.replace(/^error: /, "") }),
        { json },
      );
    return USAGE_EXIT_CODE;
  }
}

function createProgram(io: CliIo, json: boolean, reportExitCode: (code: number) => void): Command {
  const program = new Command("allocate-ip")
    .description(
      "Allocate public IP addresses on any cloud with one command; the configuration file chooses the provider.",
    )
    .version(readPackageVersion(), "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // With --json the error is reported as JSON on stdout instead (see runCli).
      outputError: (text, write) => {
        if (!json) write(text);
      },
    })
    .showHelpAfterError("(run allocate-ip --help for usage)")
    .addHelpText("afterAll", formatHelpFooter());
  addAllocateCommand(program, io, reportExitCode);
  addResourceCommands(program, io, reportExitCode);
  addDemoCommand(program, io, reportExitCode);
  return program;
}

function readPackageVersion(): string {
  // src/cli/ and dist/cli/ are both two levels below package.json.
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}
