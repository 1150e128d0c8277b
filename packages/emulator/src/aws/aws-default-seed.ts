import type { AwsSeed } from "./aws-seed.js";

/** Keys of the default seed, so tests and docs name them once. */
export const DEFAULT_AWS_CREDENTIALS = Object.freeze({
  accessKeyId: "polycloud-test-key-id",
  secretAccessKey: "polycloud-test-key-secret",
  session: Object.freeze({
    accessKeyId: "ASIAPOLYCLOUDTEST001",
    secretAccessKey: "polycloud-test-session-secret",
    sessionToken: "polycloud-test-session-token",
  }),
  readOnly: Object.freeze({
    accessKeyId: "polycloud-test-readonly-key-id",
    secretAccessKey: "polycloud-test-readonly-key-secret",
  }),
});

/** Actions the read-only key of the default seed may not call. */
const MUTATING_ACTIONS = ["AllocateAddress", "AssociateAddress", "DisassociateAddress", "ReleaseAddress"];

/**
 * The seed tests and the demo rely on: region `us-east-1`; account `123456789012` with an address limit of 5;
 * keys `polycloud-test-key-id` / `polycloud-test-key-secret` (long-term), `ASIAPOLYCLOUDTEST001` /
 * `polycloud-test-session-secret` with session token `polycloud-test-session-token`, and a read-only key
 * (`polycloud-test-readonly-key-id` / `polycloud-test-readonly-key-secret`) refused every mutation; running
 * instances `i-0123456789abcdef0` … `i-0123456789abcdef3` and the stopped `i-0123456789abcdef9`, all in
 * `us-east-1a`; Elastic IPs drawn from `198.51.100.0/24`; no DescribeAddresses lag.
 */
export const DEFAULT_AWS_SEED: AwsSeed = deepFreeze({
  regions: ["us-east-1"],
  publicIpCidr: "198.51.100.0/24",
  describeLagMs: 0,
  accounts: [
    {
      accountId: "123456789012",
      addressLimit: 5,
      credentials: [
        { accessKeyId: DEFAULT_AWS_CREDENTIALS.accessKeyId, secretAccessKey: DEFAULT_AWS_CREDENTIALS.secretAccessKey },
        { ...DEFAULT_AWS_CREDENTIALS.session },
        { ...DEFAULT_AWS_CREDENTIALS.readOnly, deniedActions: MUTATING_ACTIONS },
      ],
      instances: [
        { instanceId: "i-0123456789abcdef0", state: "running", availabilityZone: "us-east-1a" },
        { instanceId: "i-0123456789abcdef1", state: "running", availabilityZone: "us-east-1a" },
        { instanceId: "i-0123456789abcdef2", state: "running", availabilityZone: "us-east-1a" },
        { instanceId: "i-0123456789abcdef3", state: "running", availabilityZone: "us-east-1a" },
        { instanceId: "i-0123456789abcdef9", state: "stopped", availabilityZone: "us-east-1a" },
      ],
    },
  ],
} satisfies AwsSeed);

/** Freezes the seed so no test can change the defaults another test relies on. */
function deepFreeze<Value>(value: Value): Value {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
