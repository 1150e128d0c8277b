import type { Command } from "commander";
import { formatDemoTable } from "../demo/format-demo-table.js";
import { runDemo } from "../demo/run-demo.js";
import type { CliIo } from "./cli-io.js";
import { runCommand, type CommonOptions } from "./run-command.js";

/** `demo`: every built-in provider against in-process emulators, one code path, one table. */
export function addDemoCommand(program: Command, io: CliIo, reportExitCode: (code: number) => void): void {
  program
    .command("demo")
    .description(
      "run every built-in provider (alibaba-ecs, zenlayer-eip, aws-ec2) against local emulators: allocate, describe, release",
    )
    .option("--json", 'print exactly one JSON object on stdout: {"demo": [one entry per provider]}')
    .option("-v, --verbose", "log every request and response on stderr, credentials redacted")
    .action(async (options: CommonOptions) => {
      const exitCode = await runCommand(io, options, async (context) => {
        const outcomes = await runDemo({
          signal: io.signal,
          hooks: context.hooks,
          onProgress: (message) => context.progress.show(message),
        });
        const lines = [
          "The same allocatePublicIp() call, run against three local emulators; only the config file differed:",
          "",
          ...formatDemoTable(outcomes),
          "",
          "Every address was allocated, described and released; the emulators are stopped.",
        ];
        context.writeResult({ demo: outcomes }, lines);
        for (const outcome of outcomes)
          for (const warning of outcome.warnings) context.writeNote(`warning (${outcome.provider}): ${warning}`);
      });
      reportExitCode(exitCode);
    });
}
