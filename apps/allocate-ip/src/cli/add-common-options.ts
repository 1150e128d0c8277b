import type { Command } from "commander";
import { parsePositiveInteger } from "./parse-option-values.js";

/** Adds the flags every command shares, so they may follow the command name (`allocate-ip allocate --json`). */
export function addCommonOptions(command: Command): Command {
  return command
    .option("-c, --config <file>", "configuration file (default: $POLYCLOUD_CONFIG, else ./polycloud.config.json)")
    .option(
      "-p, --provider <name>",
      "provider to use, overriding the file and $POLYCLOUD_PROVIDER (e.g. alibaba-ecs, zenlayer-eip, aws-ec2)",
    )
    .option("--timeout <ms>", "deadline for the whole command, retries and waiting included", parsePositiveInteger)
    .option("--json", 'print exactly one JSON object on stdout (the result, or {"error": …})')
    .option("-v, --verbose", "log every request and response on stderr, credentials redacted");
}
