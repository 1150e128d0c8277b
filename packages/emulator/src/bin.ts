import { loadEmulatorSeed, type EmulatorSeed } from "./load-emulator-seed.js";
import { CLI_USAGE, parseCliArguments, type CliArguments } from "./parse-cli-arguments.js";
import { startEmulator, type RunningEmulator } from "./start-emulator.js";

// Entry point of the `polycloud-emulator` bin (bin/polycloud-emulator.js imports the compiled file).

async function main(): Promise<void> {
  let cli: CliArguments;
  try {
    cli = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`polycloud-emulator: ${(error as Error).message}\n\n${CLI_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (cli.help) {
    process.stdout.write(CLI_USAGE);
    return;
  }
  let emulator: RunningEmulator;
  try {
    const seed: EmulatorSeed = cli.seedFile === undefined ? {} : await loadEmulatorSeed(cli.seedFile);
    emulator = await startEmulator({
      seed,
      ...(cli.host === undefined ? {} : { host: cli.host }),
      ...(cli.alibabaPort === undefined ? {} : { alibabaPort: cli.alibabaPort }),
      ...(cli.zenlayerPort === undefined ? {} : { zenlayerPort: cli.zenlayerPort }),
      ...(cli.awsPort === undefined ? {} : { awsPort: cli.awsPort }),
      ...(cli.randomSeed === undefined ? {} : { randomSeed: cli.randomSeed }),
      allowNonLoopback: cli.allowNonLoopback,
    });
  } catch (error) {
    process.stderr.write(`polycloud-emulator: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.stdout.write(
    `${JSON.stringify({ alibaba: emulator.alibaba, zenlayer: emulator.zenlayer, aws: emulator.aws })}\n`,
  );
}

await main();
