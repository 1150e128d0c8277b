import { IpAllocatorError } from "@polycloud/core";
import type { Command } from "commander";
import type { AllocationTarget } from "../config/allocation-target.js";
import type { AllocateIpConfig } from "../config/load-allocate-ip-config.js";
import { allocatePublicIp, openIpAllocator, type AllocationStep } from "../sample.js";
import { addCommonOptions } from "./add-common-options.js";
import type { CliIo } from "./cli-io.js";
import { formatAllocation } from "./format-output.js";
import { collectProviderOption, collectTag, parsePositiveInteger } from "./parse-option-values.js";
import { quoteShellWord } from "./release-command.js";
import { runCommand, type CommonOptions } from "./run-command.js";

interface AllocateOptions extends CommonOptions {
  location?: string;
  instance?: string;
  count?: number;
  tag?: Record<string, string>;
  idempotencyKey?: string;
  wait?: boolean;
  keepOnFailure?: boolean;
  providerOption?: Record<string, unknown>;
}

/** `allocate`: runs the sample ({@link allocatePublicIp}) with the target taken from flags over the file's defaults. */
export function addAllocateCommand(program: Command, io: CliIo, reportExitCode: (code: number) => void): void {
  const command = program
    .command("allocate")
    .description("allocate public IPs on the configured provider")
    .option(
      "-l, --location <name>",
      "region or zone, as the provider needs (default: the configuration's allocate.location, else its region)",
    )
    .option("-i, --instance <id>", "instance to allocate onto or associate with")
    .option("-n, --count <n>", "how many addresses", parsePositiveInteger)
    .option("-t, --tag <key=value>", "tag the addresses (repeatable)", collectTag)
    .option(
      "--idempotency-key <key>",
      "a retried command with the same key returns the first allocation instead of a second one",
    )
    .option(
      "-o, --provider-option <key=value>",
      "an option of the selected provider's providerOptions (repeatable; a dotted key sets a nested one; the value is JSON when it is a number, true/false/null or quoted, else text), checked by the provider before anything is sent. E.g. method=modify-instance-network-spec",
      collectProviderOption,
    )
    .option(
      "-w, --wait",
      "wait until the addresses are ready (associating them with --instance where the provider does that); if that fails, they are released and the error names them",
    )
    .option(
      "--keep-on-failure",
      "with --wait: when associating or waiting fails, keep the addresses (the error names them, with the command that releases each) instead of releasing them",
    );
  addCommonOptions(command).action(async (options: AllocateOptions) => {
    const exitCode = await runCommand(io, options, async (context) => {
      if (options.keepOnFailure && !options.wait) {
        throw new IpAllocatorError({
          code: "INVALID_ARGUMENT",
          message:
            "--keep-on-failure applies only with --wait (it decides what happens to the addresses when waiting fails).",
        });
      }
      const loaded = await context.loadConfig();
      const target: AllocationTarget = {
        location: options.location,
        instanceId: options.instance,
        count: options.count,
        tags: options.tag,
        idempotencyKey: options.idempotencyKey,
        providerOptions: withProviderOptionFlags(loaded, options.providerOption),
      };
      const waiting: string[] = [];
      const result = await allocatePublicIp(loaded, {
        target,
        wait: options.wait,
        keepOnFailure: options.keepOnFailure,
        timeoutMs: options.timeout,
        signal: io.signal,
        hooks: context.hooks,
        onStep: (step) => {
          if (step.name === "wait") waiting.push(step.id);
          context.progress.show(describeStep(step, waiting));
        },
      });
      context.writeResult(result, formatAllocation(result));
      for (const warning of result.warnings) context.writeNote(`warning: ${warning}`);
      const pending = options.wait ? [] : result.ips.filter((ip) => ip.state === "pending").map((ip) => ip.id);
      if (pending.length > 0) context.writeNote(await describePending(loaded, pending));
    });
    reportExitCode(exitCode);
  });
}

/**
 * The note for addresses allocated but not ready yet. Only an asynchronous provider (capabilities.provisioning)
 * keeps provisioning after answering; a synchronous one has allocated and assigned the address already, and
 * `wait` only confirms it (for Alibaba: that the instance runs).
 */
async function describePending(loaded: AllocateIpConfig, ids: readonly string[]): Promise<string> {
  const allocator = await openIpAllocator(loaded);
  const { provisioning } = allocator.capabilities;
  await allocator.close();
  const waitCommand = `run "allocate-ip wait ${ids.length === 1 ? quoteShellWord(ids[0] as string) : "<id>"}"`;
  return provisioning === "asynchronous"
    ? `note: provisioning continues; ${waitCommand} or pass --wait next time.`
    : `note: allocated; ${waitCommand} to confirm ${ids.length === 1 ? "it is" : "they are"} ready, or pass --wait next time.`;
}

/**
 * The file's `providerOptions` with the `--provider-option` flags merged over the selected provider's entry
 * (a flag wins over the file's value of the same option).
 */
function withProviderOptionFlags(
  loaded: AllocateIpConfig,
  flags: Record<string, unknown> | undefined,
): AllocationTarget["providerOptions"] {
  if (flags === undefined) return undefined;
  const fromFile = loaded.target.providerOptions ?? {};
  const provider = loaded.config.provider;
  return { ...fromFile, [provider]: { ...fromFile[provider], ...flags } };
}

/** The spinner's text for a step; the addresses of one allocation are waited for together. */
function describeStep(step: AllocationStep, waiting: readonly string[]): string {
  if (step.name === "allocate") return `Allocating on ${step.provider}…`;
  if (step.name === "wait")
    return `Waiting for ${waiting.length > 3 ? `${waiting.length} addresses` : waiting.join(", ")} to be ready on ${step.provider}…`;
  return `A step after the allocation failed: releasing ${step.id} on ${step.provider}…`;
}
