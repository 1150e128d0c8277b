import { parseArgs } from "node:util";

/** Usage text of the `polycloud-emulator` bin. */
export const CLI_USAGE = `Usage: polycloud-emulator [options]

Starts local emulators of the Alibaba Cloud ECS, Zenlayer BMC and AWS EC2 APIs and prints one JSON line:
{"alibaba":{"endpoint":"http://127.0.0.1:PORT"},"zenlayer":{"endpoint":"http://127.0.0.1:PORT"},"aws":{"endpoint":"http://127.0.0.1:PORT"}}
Stops cleanly on SIGINT / SIGTERM.

Options:
  --host <address>         interface to bind (default 127.0.0.1; loopback only unless forced)
  --alibaba-port <port>    Alibaba ECS port (default 0 = any free port)
  --zenlayer-port <port>   Zenlayer BMC port (default 0 = any free port)
  --aws-port <port>        AWS EC2 port (default 0 = any free port)
  --seed-file <path>       JSON seed: accounts, instances, zones, faults, randomSeed
  --random-seed <integer>  seed of the fault / id PRNG (overrides the seed file's randomSeed)
  --allow-non-loopback     allow --host to be a non-loopback address
  --help                   print this help
`;

/** Parsed command line of the bin. */
export interface CliArguments {
  help: boolean;
  host: string | undefined;
  alibabaPort: number | undefined;
  zenlayerPort: number | undefined;
  awsPort: number | undefined;
  seedFile: string | undefined;
  randomSeed: number | undefined;
  allowNonLoopback: boolean;
}

/** Parses the bin's flags with `node:util` parseArgs. @throws Error with a readable message on a bad flag or value. */
export function parseCliArguments(argv: string[]): CliArguments {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: "string" },
      "alibaba-port": { type: "string" },
      "zenlayer-port": { type: "string" },
      "aws-port": { type: "string" },
      "seed-file": { type: "string" },
      "random-seed": { type: "string" },
      "allow-non-loopback": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  return {
    help: values.help === true,
    host: values.host,
    alibabaPort: parseIntegerFlag(values["alibaba-port"], "--alibaba-port", 65_535),
    zenlayerPort: parseIntegerFlag(values["zenlayer-port"], "--zenlayer-port", 65_535),
    awsPort: parseIntegerFlag(values["aws-port"], "--aws-port", 65_535),
    seedFile: values["seed-file"],
    randomSeed: parseIntegerFlag(values["random-seed"], "--random-seed", 4_294_967_295),
    allowNonLoopback: values["allow-non-loopback"] === true,
  };
}

function parseIntegerFlag(value: string | undefined, flag: string, maximum: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > maximum)
    throw new Error(`${flag} must be an integer between 0 and ${maximum}, got "${value}"`);
  return Number(value);
}
