/** The emulator's default-seed credentials (public test values). */
export const TEST_KEY_ID = "polycloud-test-key-id";
export const TEST_KEY_SECRET = "polycloud-test-key-secret";

/** Provider settings pointing at a running emulator; single attempts and quick polls keep tests fast. */
export function alibabaSettings(endpoint: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    region: "cn-hangzhou",
    endpoint,
    credentials: { accessKeyId: TEST_KEY_ID, accessKeySecret: TEST_KEY_SECRET },
    retry: { maxAttempts: 1 },
    ...extra,
  };
}

export function zenlayerSettings(endpoint: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    endpoint,
    credentials: { accessKeyId: TEST_KEY_ID, accessKeySecret: TEST_KEY_SECRET },
    retry: { maxAttempts: 1 },
    pollIntervalMs: 50,
    maxPollIntervalMs: 200,
    ...extra,
  };
}

/** AWS spells the secret `secretAccessKey`; the emulator's default seed serves `us-east-1`. */
export function awsSettings(endpoint: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: TEST_KEY_ID, secretAccessKey: TEST_KEY_SECRET },
    retry: { maxAttempts: 1 },
    ...extra,
  };
}

/** The endpoints of a running emulator, by provider. */
export interface EmulatorEndpoints {
  alibaba: string;
  zenlayer: string;
  aws: string;
}

/** One file holding every provider, as in examples/emulator.config.json: `provider` alone picks one. */
export function multiProviderConfig(provider: string, endpoints: EmulatorEndpoints): Record<string, unknown> {
  return {
    provider,
    providers: {
      "alibaba-ecs": { ...alibabaSettings(endpoints.alibaba), allocate: { instanceId: "i-polycloud0002" } },
      "zenlayer-eip": { ...zenlayerSettings(endpoints.zenlayer), allocate: { location: "SEL-A" } },
      "aws-ec2": { ...awsSettings(endpoints.aws), allocate: { location: "us-east-1" } },
    },
  };
}
