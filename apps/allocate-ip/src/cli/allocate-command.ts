import { IpAllocatorError } from "@polycloud/core";
import type { Command } from "commander";
import type { AllocationTarget } from "../config/allocation-target.js";
import { allocatePublicIp, type AllocationStep } from "../sample.js";
import { addCommonOptions } from "./add-common-options.js";
import type { CliIo } from "./cli-io.js";
import { formatAllocation } from "./format-output.js";
import { collectTag, parsePositiveInteger } from "./parse-option-values.js";
import { runCommand, type CommonOptions } from "./run-command.js";

interface AllocateOptions extends CommonOptions {
  location?: string;
  instance?: string;
  count?: number;
  tag?: Record<string, string>;
  idempotencyKey?: string;
  wait?: boolean;
  keepOnFailure?: boolean;
}

/** `allocate`: runs the sample ({@link allocatePublicIp}) with the target taken from flags over the file's defaults. */
export function addAllocateCommand(program: Command, io: CliIo, reportExitCode: (code: number) => void): void {
  const command = program
    .command("allocate")
    .description("allocate public IPs on the configured provider")
    .option("-l, --location <name>", "region or zone, as the provider needs (default: the configuration's allocate.location, else its region)")
    .option("-i, --instance <id>", "instance to allocate onto or associate with")
    .option("-n, --count <n>", "how many addresses", parsePositiveInteger)
    .option("-t, --tag <key=value>", "tag the addresses (repeatable)", collectTag)
    .option("--idempotency-key <key>", "a retried command with the same key returns the first allocation instead of a second one")
    .option("-w, --wait", "wait until the addresses are ready (associating them with --instance where the provider does that); if that fails, they are released and the error names them")
    .option("--keep-on-failure", "with --wait: when associating or waiting fails, keep the addresses (the error names them, with the command that releases each) instead of releasing them");
  addCommonOptions(command).action(async (options: AllocateOptions) => {
    const exitCode = await runCommand(io, options, async (context) => {
      if (options.keepOnFailure && !options.wait) {
        throw new IpAllocatorError({ code: "INVALID_ARGUMENT", message: "--keep-on-failure applies only with --wait (it decides what happens to the addresses when waiting fails)." });
      }
      const loaded = await context.loadConfig();
      const target: AllocationTarget = {
        location: options.location,
        instanceId: options.instance,
        count: options.count,
        tags: options.tag,
        idempotencyKey: options.idempotencyKey,
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
      if (!options.wait && result.ips.some((ip) => ip.state === "pending")) {
        context.writeNote(`note: provisioning continues; run "allocate-ip wait <id>" or pass --wait next time.`);
      }
    });
    reportExitCode(exitCode);
  });
}

/** The spinner's text for a step; the addresses of one allocation are waited for together. */
function describeStep(step: AllocationStep, waiting: readonly string[]): string {
  if (step.name === "allocate") return `Allocating on ${step.provider}…`;
  if (step.name === "wait") return `Waiting for ${waiting.length > 3 ? `${waiting.length} addresses` : waiting.join(", ")} to be ready on ${step.provider}…`;
  return `A step after the allocation failed: releasing ${step.id} on ${step.provider}…`;
}
