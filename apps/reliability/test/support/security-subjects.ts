// The three adapters behind an echoing proxy (test/support/start-echoing-proxy.ts) in front of a fresh emulator,
// each with recognisable credentials: what the security tests call and what they look for.
import { createAlibabaEcsAllocator } from "@polycloud/alibaba-ecs";
import { createAwsEc2Allocator } from "@polycloud/aws-ec2";
import type { IpAllocator } from "@polycloud/core";
import { DEFAULT_AWS_SEED, startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { createZenlayerEipAllocator } from "@polycloud/zenlayer-eip";
import type { TracedValue } from "./find-credential-traces.js";
import {
  ALIBABA_REGION,
  createAlibabaSeed,
  createZenlayerSeed,
  listAlibabaInstanceIds,
  type AlibabaAccount,
  type ZenlayerAccount,
} from "./reliability-seeds.js";
import { startEchoingProxy, type EchoDialect, type EchoingProxy, type EchoMode } from "./start-echoing-proxy.js";

export const SECURITY_ALIBABA_ACCOUNT: AlibabaAccount = {
  accessKeyId: "LTAI-security-key-id",
  accessKeySecret: "SECURITY-SECRET-alibaba-5c1f7a93e2d04b68",
  securityToken: "SECURITY-SECRET-alibaba-sts-c2a9e7b4d15f3806",
};
export const SECURITY_ZENLAYER_ACCOUNT: ZenlayerAccount = {
  accessKeyId: "security-zenlayer-key-id",
  accessKeySecret: "SECURITY-SECRET-zenlayer-8d3b61f0a4c297e5",
  token: "SECURITY-SECRET-zenlayer-token-71e4c0b9d2a83f56",
};
export const SECURITY_AWS_ACCOUNT = {
  accessKeyId: "ASIASECURITYTEST0001",
  secretAccessKey: "SECURITY-SECRET-aws-e5a0c93b7f1d2846",
  sessionToken: "SECURITY-SECRET-aws-session-93f6b1d0c8a27e45",
} as const;

/** How many allocate calls one subject can serve (one Alibaba instance each). */
export const SUBJECT_CALLS = 4;

/** One adapter (in every credential mode it has) behind one proxy, in front of one emulator. */
export interface SecuritySubject {
  adapter: "alibaba-ecs" | "zenlayer-eip" | "aws-ec2";
  proxy: EchoingProxy;
  emulator: RunningEmulator;
  allocators: IpAllocator[];
  request(index: number): Parameters<IpAllocator["allocate"]>[0];
  /** An id `describe` / `release` accept (the emulator's, or a well-formed one for error mode). */
  knownId: string;
  /** What must leave no trace, besides the proxy's signatures and Authorization headers. */
  credentials: TracedValue[];
  /** CLI configuration (credentials included) pointing at the proxy. */
  cliConfig(): Record<string, unknown>;
  cliAllocateArguments(index: number): string[];
  close(): Promise<void>;
}

/** Starts a subject for `adapter` with its proxy in `mode`. */
export async function startSecuritySubject(
  adapter: SecuritySubject["adapter"],
  mode: EchoMode,
): Promise<SecuritySubject> {
  if (adapter === "alibaba-ecs") return startAlibaba(mode);
  if (adapter === "zenlayer-eip") return startZenlayer(mode);
  return startAws(mode);
}

/** Everything the proxy saw that must leave no trace: signatures (fragments too) and whole Authorization values. */
export function listTracedValues(subject: SecuritySubject): TracedValue[] {
  return [
    ...subject.credentials,
    ...subject.proxy.signatures.map((value) => ({ value })),
    ...subject.proxy.authorizations.map((value) => ({ value, wholeOnly: true })),
  ];
}

async function startProxy(
  emulator: RunningEmulator,
  target: string,
  dialect: EchoDialect,
  credentials: { accessKeyId: string; secret: string; token?: string },
  mode: EchoMode,
) {
  try {
    return await startEchoingProxy({ target, dialect, credentials, mode });
  } catch (thrown) {
    await emulator.close();
    throw thrown;
  }
}

async function startAlibaba(mode: EchoMode): Promise<SecuritySubject> {
  const account = SECURITY_ALIBABA_ACCOUNT;
  const emulator = await startEmulator({
    seed: { alibaba: createAlibabaSeed(SUBJECT_CALLS, account) },
    alibaba: { flowControl: { limit: 1_000_000 } },
  });
  const proxy = await startProxy(
    emulator,
    emulator.alibaba.endpoint,
    "alibaba",
    { accessKeyId: account.accessKeyId, secret: account.accessKeySecret, token: account.securityToken },
    mode,
  );
  const settings = {
    region: ALIBABA_REGION,
    endpoint: proxy.endpoint,
    credentials: { ...account },
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
  };
  const allocators = (["v3", "v1"] as const).map((signatureVersion) =>
    createAlibabaEcsAllocator({ ...settings, signatureVersion }, { env: {} }),
  );
  const instanceIds = listAlibabaInstanceIds(SUBJECT_CALLS);
  return {
    adapter: "alibaba-ecs",
    proxy,
    emulator,
    allocators,
    request: (index) => ({ location: { region: ALIBABA_REGION }, instanceId: instanceIds[index] as string }),
    knownId: instanceIds[0] as string,
    credentials: [
      { value: account.accessKeySecret, accessKeyId: account.accessKeyId },
      { value: account.securityToken },
    ],
    cliConfig: () => ({ provider: "alibaba-ecs", ...settings }),
    cliAllocateArguments: (index) => ["-i", instanceIds[index] as string],
    close: () => closeAll(allocators, proxy, emulator),
  };
}

async function startZenlayer(mode: EchoMode): Promise<SecuritySubject> {
  const account = SECURITY_ZENLAYER_ACCOUNT;
  const emulator = await startEmulator({
    seed: { zenlayer: createZenlayerSeed(account) },
    zenlayer: { rateLimit: false, provisioningDelayMs: 20, recycleDelayMs: 20 },
  });
  const proxy = await startProxy(
    emulator,
    emulator.zenlayer.endpoint,
    "zenlayer",
    { accessKeyId: account.accessKeyId, secret: account.accessKeySecret, token: account.token },
    mode,
  );
  const common = {
    endpoint: proxy.endpoint,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    reconcile: { checks: 2, intervalMs: 5 },
    releaseMode: "recycle-bin" as const,
    pollIntervalMs: 10,
    maxPollIntervalMs: 40,
  };
  const keyPair = { accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret };
  const allocators = [
    createZenlayerEipAllocator({ ...common, credentials: keyPair }, { env: {} }),
    createZenlayerEipAllocator({ ...common, credentials: { token: account.token } }, { env: {} }),
  ];
  return {
    adapter: "zenlayer-eip",
    proxy,
    emulator,
    allocators,
    request: () => ({ location: { zone: "SEL-A" }, count: 1 }),
    knownId: "eip-00000001",
    credentials: [{ value: account.accessKeySecret, accessKeyId: account.accessKeyId }, { value: account.token }],
    cliConfig: () => ({ provider: "zenlayer-eip", ...common, credentials: keyPair }),
    cliAllocateArguments: () => ["-l", "SEL-A", "-n", "1"],
    close: () => closeAll(allocators, proxy, emulator),
  };
}

async function startAws(mode: EchoMode): Promise<SecuritySubject> {
  const account = SECURITY_AWS_ACCOUNT;
  const [template] = DEFAULT_AWS_SEED.accounts;
  if (template === undefined) throw new Error("the default AWS seed has no account");
  const emulator = await startEmulator({
    seed: {
      aws: { ...DEFAULT_AWS_SEED, accounts: [{ ...template, addressLimit: 100, credentials: [{ ...account }] }] },
    },
    aws: { rateLimit: false },
  });
  const proxy = await startProxy(
    emulator,
    emulator.aws.endpoint,
    "aws",
    { accessKeyId: account.accessKeyId, secret: account.secretAccessKey, token: account.sessionToken },
    mode,
  );
  const settings = {
    region: "us-east-1",
    endpoint: proxy.endpoint,
    credentials: { ...account },
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
  };
  const allocators = [createAwsEc2Allocator(settings, { env: {} })];
  return {
    adapter: "aws-ec2",
    proxy,
    emulator,
    allocators,
    request: () => ({ location: { region: "us-east-1" } }),
    knownId: "eipalloc-0123456789abcdef0",
    credentials: [
      { value: account.secretAccessKey, accessKeyId: account.accessKeyId },
      { value: account.sessionToken },
    ],
    cliConfig: () => ({ provider: "aws-ec2", ...settings }),
    cliAllocateArguments: () => ["-l", "us-east-1"],
    close: () => closeAll(allocators, proxy, emulator),
  };
}

async function closeAll(allocators: IpAllocator[], proxy: EchoingProxy, emulator: RunningEmulator): Promise<void> {
  await Promise.all(allocators.map((allocator) => allocator.close()));
  await proxy.close();
  await emulator.close();
}
