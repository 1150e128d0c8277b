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
    .option("-w, --wait", "wait until pending addresses are ready");
  addCommonOptions(command).action(async (options: AllocateOptions) => {
    const exitCode = await runCommand(io, options, async (context) => {
      const loaded = await context.loadConfig();
      const target: AllocationTarget = {
        location: options.location,
        instanceId: options.instance,
        count: options.count,
        tags: options.tag,
        idempotencyKey: options.idempotencyKey,
      };
      const result = await allocatePublicIp(loaded, {
        target,
        wait: options.wait,
        timeoutMs: options.timeout,
        signal: io.signal,
        hooks: context.hooks,
        onStep: (step) => context.progress.show(describeStep(step)),
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

function describeStep(step: AllocationStep): string {
  return step.name === "allocate" ? `Allocating on ${step.provider}…` : `Waiting for ${step.id} to be ready on ${step.provider}…`;
}
