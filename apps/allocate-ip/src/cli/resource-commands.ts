import type { IpAllocator } from "@polycloud/core";
import type { Command } from "commander";
import { openIpAllocator } from "../sample.js";
import { addCommonOptions } from "./add-common-options.js";
import type { CliIo } from "./cli-io.js";
import { formatDescription, formatRelease } from "./format-output.js";
import { runCommand, type CommandContext, type CommonOptions } from "./run-command.js";

/** `describe <id>`, `release <id>` and `wait <id>`: one allocator call each on the configured provider. */
export function addResourceCommands(program: Command, io: CliIo, reportExitCode: (code: number) => void): void {
  addResourceCommand(program, io, reportExitCode, {
    name: "describe",
    description: "show the current state of an allocated address",
    progress: (id) => `Describing ${id}…`,
    run: async (allocator, id, operation) => {
      const result = await allocator.describe(id, operation);
      return { result, lines: formatDescription(result) };
    },
  });
  addResourceCommand(program, io, reportExitCode, {
    name: "release",
    description: "release an allocated address",
    progress: (id) => `Releasing ${id}…`,
    run: async (allocator, id, operation) => {
      const result = await allocator.release(id, operation);
      return { result, lines: formatRelease(result), warnings: result.warnings };
    },
  });
  addResourceCommand(program, io, reportExitCode, {
    name: "wait",
    description: "wait until an allocated address is ready",
    progress: (id) => `Waiting for ${id} to be ready…`,
    run: async (allocator, id, operation) => {
      const result = await allocator.waitUntilReady(id, operation);
      return { result, lines: formatDescription(result) };
    },
  });
}

interface ResourceCommand {
  name: string;
  description: string;
  progress(id: string): string;
  run(
    allocator: IpAllocator,
    id: string,
    operation: { signal?: AbortSignal; timeoutMs?: number; hooks?: CommandContext["hooks"] },
  ): Promise<{ result: unknown; lines: string[]; warnings?: string[] }>;
}

function addResourceCommand(
  program: Command,
  io: CliIo,
  reportExitCode: (code: number) => void,
  definition: ResourceCommand,
): void {
  const command = program.command(`${definition.name} <id>`).description(definition.description);
  addCommonOptions(command).action(async (id: string, options: CommonOptions) => {
    const exitCode = await runCommand(io, options, async (context) => {
      const allocator = await openIpAllocator(await context.loadConfig());
      try {
        context.progress.show(definition.progress(id));
        const outcome = await definition.run(allocator, id, {
          signal: io.signal,
          timeoutMs: options.timeout,
          hooks: context.hooks,
        });
        context.writeResult(outcome.result, outcome.lines);
        for (const warning of outcome.warnings ?? []) context.writeNote(`warning: ${warning}`);
      } finally {
        await allocator.close();
      }
    });
    reportExitCode(exitCode);
  });
}
