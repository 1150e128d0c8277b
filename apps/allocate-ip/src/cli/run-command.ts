import { redactText, toIpAllocatorError, type OperationHooks } from "@polycloud/core";
import { collectSecretValues } from "../config/collect-secret-values.js";
import { loadAllocateIpConfig, type AllocateIpConfig } from "../config/load-allocate-ip-config.js";
import type { CliIo } from "./cli-io.js";
import { escapeControlCharacters, escapeJsonControlCharacters } from "./escape-control-characters.js";
import { exitCodeForError } from "./exit-codes.js";
import { formatError, toErrorJson } from "./format-output.js";
import { createProgress, isProgressWanted, type Progress } from "./progress.js";
import type { ProviderFlags } from "./release-command.js";
import { createVerboseHooks } from "./verbose-hooks.js";

/** Flags every command accepts. */
export interface CommonOptions {
  config?: string;
  provider?: string;
  timeout?: number;
  json?: boolean;
  verbose?: boolean;
}

/** What a command body gets: its configuration, hooks, progress and output, all set up per flags. */
export interface CommandContext {
  io: CliIo;
  options: CommonOptions;
  /** `--verbose` request log hooks, or undefined. */
  hooks: OperationHooks | undefined;
  progress: Progress;
  /** Loads the configuration named by `--config` / `--provider` / the environment. */
  loadConfig(): Promise<AllocateIpConfig>;
  /** Prints the result: the object as one JSON line with `--json`, otherwise the human lines. */
  writeResult(result: unknown, humanLines: readonly string[]): void;
  /** A note for people (stderr), never printed with `--json`. */
  writeNote(line: string): void;
}

/**
 * Runs one command body and turns its outcome into output and an exit code. Every failure, whatever
 * threw it, leaves as one error report (JSON on stdout with `--json`, text on stderr otherwise) and the
 * exit code of its category.
 */
export async function runCommand(
  io: CliIo,
  options: CommonOptions,
  body: (context: CommandContext) => Promise<void>,
): Promise<number> {
  // Known secrets grow once the configuration is read; everything printed from the wire is masked with them.
  const secretValues = collectSecretValues(undefined, io.env);
  const redact = (text: string) => redactText(text, secretValues);
  const progress = createProgress(io.stderr, isProgressWanted(io, options));
  const writeLine = (stream: "stdout" | "stderr", line: string) => io[stream].write(`${line}\n`);
  const context: CommandContext = {
    io,
    options,
    hooks: options.verbose
      ? createVerboseHooks((line) => writeLine("stderr", escapeControlCharacters(line)), redact)
      : undefined,
    progress,
    async loadConfig() {
      // --timeout bounds reading the configuration too.
      const timeout = options.timeout === undefined ? undefined : AbortSignal.timeout(options.timeout);
      const signal =
        timeout === undefined ? io.signal : io.signal === undefined ? timeout : AbortSignal.any([io.signal, timeout]);
      const loaded = await loadAllocateIpConfig({
        configPath: options.config,
        provider: options.provider,
        cwd: io.cwd,
        env: io.env,
        signal,
      });
      secretValues.push(...loaded.secretValues);
      return loaded;
    },
    writeResult(result, humanLines) {
      progress.stop();
      if (options.json) writeLine("stdout", escapeJsonControlCharacters(JSON.stringify(result)));
      else for (const line of humanLines) writeLine("stdout", escapeControlCharacters(line));
    },
    writeNote(line) {
      if (!options.json) writeLine("stderr", escapeControlCharacters(redact(line)));
    },
  };
  try {
    await body(context);
    return 0;
  } catch (thrown) {
    progress.stop();
    return reportError(io, thrown, {
      json: options.json,
      redact,
      flags: { config: options.config, provider: options.provider },
    });
  } finally {
    progress.stop();
  }
}

/**
 * Reports anything thrown as one polycloud error (JSON on stdout with `--json`, text on stderr
 * otherwise) and returns the exit code of its category. `flags` are the `--config` / `--provider` the user
 * passed: the release commands printed for addresses a failed allocation kept repeat them.
 */
export function reportError(
  io: CliIo,
  thrown: unknown,
  options: { json?: boolean; redact?: (text: string) => string; flags?: ProviderFlags },
): number {
  const error = toIpAllocatorError(thrown);
  const exitCode = exitCodeForError(error);
  const redact = options.redact ?? ((text: string) => redactText(text, collectSecretValues(undefined, io.env)));
  if (options.json)
    io.stdout.write(`${escapeJsonControlCharacters(redact(JSON.stringify(toErrorJson(error, options.flags))))}\n`);
  else
    for (const line of formatError(error, exitCode, options.flags))
      io.stderr.write(`${escapeControlCharacters(redact(line))}\n`);
  return exitCode;
}
