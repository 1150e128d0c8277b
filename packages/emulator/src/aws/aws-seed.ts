/** Instance states as `DescribeInstances` names them, each with its `instanceState.code`. */
export const AWS_INSTANCE_STATE_CODES = Object.freeze({
  pending: 0,
  running: 16,
  "shutting-down": 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
} as const);

/** An EC2 instance state name. */
export type AwsInstanceStateName = keyof typeof AWS_INSTANCE_STATE_CODES;

/** Every {@link AwsInstanceStateName}, in code order. */
export const AWS_INSTANCE_STATES = Object.freeze(
  Object.keys(AWS_INSTANCE_STATE_CODES),
) as readonly AwsInstanceStateName[];

/** One access key of an account: long-term (`AKIA…`-like) or session (`ASIA…`-like, with a token). */
export interface AwsCredentialSeed {
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * Makes this a session credential: every request must carry `X-Amz-Security-Token` with this value
   * (missing or different → `AuthFailure`). A long-term key that sends a token is refused the same way.
   */
  sessionToken?: string;
  /** ISO-8601 instant after which the session credential answers `RequestExpired`. */
  sessionTokenExpiration?: string;
  /** Actions this key is not allowed to call (`UnauthorizedOperation` 403, also under DryRun). */
  deniedActions?: string[];
}

/** An EC2 instance Elastic IPs can be associated with. */
export interface AwsInstanceSeed {
  /** `i-` followed by 8 or 17 lower-case hex digits. */
  instanceId: string;
  state: AwsInstanceStateName;
  /** Default: the first region + `a` (e.g. `us-east-1a`); its region must be one of the seed's. */
  availabilityZone?: string;
  /** Default: `10.0.0.<10 + position in the account>`. */
  privateIpAddress?: string;
  /** Default `t3.micro`. */
  instanceType?: string;
}

/** One AWS account: its keys, its Elastic IP limit and its instances. */
export interface AwsAccountSeed {
  /** Twelve digits, e.g. `123456789012` (reported as `ownerId`). */
  accountId: string;
  credentials: AwsCredentialSeed[];
  /** Elastic IPs the account may hold per region (default 5, the EC2 default quota). */
  addressLimit?: number;
  instances?: AwsInstanceSeed[];
}

/** The initial world of the AWS EC2 emulator. */
export interface AwsSeed {
  /** Regions served: a request's credential scope must name one of them (the first is the default). */
  regions: string[];
  accounts: AwsAccountSeed[];
  /** IPv4 CIDR Elastic IPs are drawn from (default `198.51.100.0/24`, a documentation range). */
  publicIpCidr?: string;
  /**
   * A new address is missing from DescribeAddresses for this long, like EC2's eventual consistency
   * (default 0; `AwsEmulatorOptions.describeLagMs` overrides it).
   */
  describeLagMs?: number;
}

/** Sliding-window flow control per access key, answered with `RequestLimitExceeded` 503. */
export interface AwsRateLimit {
  /** Calls per window across all actions. */
  maxRequests: number;
  windowMs: number;
  /** Per-action caps within the same window, e.g. `{ AllocateAddress: 5 }`. */
  actionLimits?: Record<string, number>;
}

/** Tunables of the AWS emulator; every field is optional. */
export interface AwsEmulatorOptions {
  /** Overrides the seed's `describeLagMs`. */
  describeLagMs?: number;
  /** Per-access-key rate limit, or false to disable (default 100 calls per 1000 ms). */
  rateLimit?: AwsRateLimit | false;
  /** Accepted distance between X-Amz-Date and the server clock, in seconds (default 300). */
  timestampToleranceSeconds?: number;
  /** Largest accepted body in bytes; larger ones get `InvalidRequest` 400 (default 1 MiB). */
  maxBodyBytes?: number;
}
