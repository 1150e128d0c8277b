import { writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The emulator's default-seed account (public test values, not secrets). */
export const EMULATOR_CREDENTIALS = {
  accessKeyId: "polycloud-test-key-id",
  accessKeySecret: "polycloud-test-key-secret",
} as const;

/** The same account in AWS's spelling (`secretAccessKey`), as the aws-ec2 settings take it. */
export const EMULATOR_AWS_CREDENTIALS = {
  accessKeyId: EMULATOR_CREDENTIALS.accessKeyId,
  secretAccessKey: EMULATOR_CREDENTIALS.accessKeySecret,
} as const;

/**
 * Writes one configuration file per provider into `directory`, pointing at the running emulators. The
 * demo then runs the same code on each file: the files are the only difference between the clouds.
 * @returns the files' paths: Alibaba, Zenlayer, AWS.
 */
export async function writeDemoConfigs(
  directory: string,
  endpoints: { alibaba: string; zenlayer: string; aws: string },
): Promise<string[]> {
  const configs = {
    "alibaba.config.json": {
      provider: "alibaba-ecs",
      region: "cn-hangzhou",
      endpoint: endpoints.alibaba,
      credentials: EMULATOR_CREDENTIALS,
      allocate: { instanceId: "i-polycloud0001" },
    },
    "zenlayer.config.json": {
      provider: "zenlayer-eip",
      endpoint: endpoints.zenlayer,
      credentials: EMULATOR_CREDENTIALS,
      // The emulator provisions in a fraction of a second; poll at that pace rather than the cloud's.
      pollIntervalMs: 100,
      allocate: { location: "SEL-A" },
    },
    "aws.config.json": {
      provider: "aws-ec2",
      region: "us-east-1",
      endpoint: endpoints.aws,
      credentials: EMULATOR_AWS_CREDENTIALS,
      // Allocated, then associated with one of the emulator's running instances in the same call.
      allocate: { instanceId: "i-0123456789abcdef0" },
    },
  };
  const paths: string[] = [];
  for (const [name, config] of Object.entries(configs)) {
    const path = join(directory, name);
    await writeFile(path, `${JSON.stringify(config, null, 2)}\n`);
    paths.push(path);
  }
  return paths;
}
