import { DEFAULT_ZENLAYER_SEED, type AlibabaSeed, type ZenlayerSeed } from "@polycloud/emulator";

/** Alibaba credentials the emulator accepts; the token is the account's STS token. */
export interface AlibabaAccount {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

/** Zenlayer credentials the emulator accepts: an access key pair and a Bearer token. */
export interface ZenlayerAccount {
  accessKeyId: string;
  accessKeySecret: string;
  token: string;
}

/** The default seeds' public test credentials (see the emulator README). */
export const ALIBABA_TEST_ACCOUNT: AlibabaAccount = {
  accessKeyId: "polycloud-test-key-id",
  accessKeySecret: "polycloud-test-key-secret",
  securityToken: "polycloud-test-security-token",
};
export const ZENLAYER_TEST_ACCOUNT: ZenlayerAccount = {
  accessKeyId: "polycloud-test-key-id",
  accessKeySecret: "polycloud-test-key-secret",
  token: "polycloud-test-token",
};

export const ALIBABA_REGION = "cn-hangzhou";

/** Running instance ids with bandwidth, no public IP: one per allocate call, so every call is accounted separately. */
export function listAlibabaInstanceIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `i-reliability${String(index + 1).padStart(5, "0")}`);
}

/** An Alibaba seed with `instanceCount` fresh instances and the given account. */
export function createAlibabaSeed(instanceCount: number, account: AlibabaAccount = ALIBABA_TEST_ACCOUNT): AlibabaSeed {
  return {
    regionId: ALIBABA_REGION,
    accounts: [{ ...account }],
    instances: listAlibabaInstanceIds(instanceCount).map((instanceId) => ({
      instanceId,
      status: "Running",
      internetMaxBandwidthOut: 5,
    })),
    publicIpCidr: "47.96.0.0/16",
  };
}

/** The default Zenlayer seed (zones SEL-A, HKG-A, FRA-A) with its account's credentials replaced by `account`. */
export function createZenlayerSeed(account: ZenlayerAccount = ZENLAYER_TEST_ACCOUNT): ZenlayerSeed {
  const [template] = DEFAULT_ZENLAYER_SEED.accounts;
  if (template === undefined) throw new Error("the default Zenlayer seed has no account");
  return {
    zones: DEFAULT_ZENLAYER_SEED.zones.map((zone) => ({ ...zone })),
    accounts: [
      {
        ...template,
        accessKeys: [{ accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret }],
        bearerTokens: [account.token],
      },
    ],
  };
}

/** Credentials nobody could mistake for anything else, so a leak anywhere is found by a plain substring search. */
export const RECOGNISABLE_ALIBABA_ACCOUNT: AlibabaAccount = {
  accessKeyId: "LTAI-reliability-key-id",
  accessKeySecret: "RELIABILITY-SECRET-alibaba-3f9c2a7e",
  securityToken: "RELIABILITY-SECRET-alibaba-sts-71d04b",
};
export const RECOGNISABLE_ZENLAYER_ACCOUNT: ZenlayerAccount = {
  accessKeyId: "reliability-zenlayer-key-id",
  accessKeySecret: "RELIABILITY-SECRET-zenlayer-b84e19",
  token: "RELIABILITY-SECRET-zenlayer-token-0c5d33",
};
/** Wrong credentials for the bad-credentials runs: refused, and just as secret. */
export const RECOGNISABLE_WRONG_SECRET = "RELIABILITY-SECRET-wrong-9a1f60";
export const RECOGNISABLE_WRONG_TOKEN = "RELIABILITY-SECRET-wrong-token-e27b85";

/** Every value above that must never be shown. */
export const RECOGNISABLE_SECRETS: readonly string[] = [
  RECOGNISABLE_ALIBABA_ACCOUNT.accessKeySecret,
  RECOGNISABLE_ALIBABA_ACCOUNT.securityToken,
  RECOGNISABLE_ZENLAYER_ACCOUNT.accessKeySecret,
  RECOGNISABLE_ZENLAYER_ACCOUNT.token,
  RECOGNISABLE_WRONG_SECRET,
  RECOGNISABLE_WRONG_TOKEN,
];
