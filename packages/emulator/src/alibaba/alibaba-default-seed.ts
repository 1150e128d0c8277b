import type { AlibabaInstanceSeed, AlibabaSeed } from "./alibaba-seed.js";

const RUNNING_INSTANCES: AlibabaInstanceSeed[] = Array.from({ length: 10 }, (_, index) => ({
  instanceId: `i-polycloud${String(index + 1).padStart(4, "0")}`,
  status: "Running",
  internetMaxBandwidthOut: 5,
  instanceNetworkType: "classic",
}));

/**
 * The default Alibaba seed (tests and the demo rely on it):
 * - one account: AccessKey id `polycloud-test-key-id`, secret `polycloud-test-key-secret`; the same pair also
 *   accepts the STS token `polycloud-test-security-token` (requests without a token work too);
 * - region `cn-hangzhou` (zone `cn-hangzhou-h`);
 * - Running classic-network instances `i-polycloud0001` … `i-polycloud0010` with InternetMaxBandwidthOut 5 and no
 *   public IP (classic: ReleasePublicIpAddress works on them);
 * - a Stopped classic instance `i-polycloud0099` with InternetMaxBandwidthOut 0 (→ AllocateIpInvalidInstanceBandwidth);
 * - a Running VPC instance `i-polycloud0020` with InternetMaxBandwidthOut 5: it gets a public IP, but
 *   ReleasePublicIpAddress answers `OperationDenied` (VPC);
 * - public IPs drawn from `47.96.0.0/16`; VlanId `720` known.
 */
export const DEFAULT_ALIBABA_SEED: AlibabaSeed = deepFreeze({
  regionId: "cn-hangzhou",
  accounts: [
    {
      accessKeyId: "polycloud-test-key-id",
      accessKeySecret: "polycloud-test-key-secret",
      securityToken: "polycloud-test-security-token",
    },
  ],
  instances: [
    ...RUNNING_INSTANCES,
    { instanceId: "i-polycloud0099", status: "Stopped", internetMaxBandwidthOut: 0, instanceNetworkType: "classic" },
    { instanceId: "i-polycloud0020", status: "Running", internetMaxBandwidthOut: 5, instanceNetworkType: "vpc" },
  ],
  publicIpCidr: "47.96.0.0/16",
  vlanIds: ["720"],
});

/** Freezes the seed so no test can change the defaults another test relies on. */
function deepFreeze<Value>(value: Value): Value {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
