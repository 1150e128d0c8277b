/** An Alibaba Cloud AccessKey pair the emulator accepts. */
export interface AlibabaAccountSeed {
  accessKeyId: string;
  accessKeySecret: string;
  /**
   * STS token accepted with this pair (V1 `SecurityToken` parameter, V3 `x-acs-security-token` header).
   * Requests without a token are accepted too; a different token is rejected.
   */
  securityToken?: string;
  /** ISO-8601 instant after which `securityToken` answers `InvalidSecurityToken.Expired`. */
  securityTokenExpiration?: string;
  /** `false` answers `InvalidAccessKeyId.Inactive` (default true). */
  active?: boolean;
}

/** ECS instance status values (reference §3.3). */
export type AlibabaInstanceStatus = "Pending" | "Running" | "Starting" | "Stopping" | "Stopped";

/** Every {@link AlibabaInstanceStatus}. */
export const ALIBABA_INSTANCE_STATUSES: readonly AlibabaInstanceStatus[] = [
  "Pending",
  "Running",
  "Starting",
  "Stopping",
  "Stopped",
];

/** An ECS instance in the seed. Optional fields default as documented. */
export interface AlibabaInstanceSeed {
  instanceId: string;
  status: AlibabaInstanceStatus;
  internetMaxBandwidthOut: number;
  /** Default 100. */
  internetMaxBandwidthIn?: number;
  /** Default "PayByTraffic". */
  internetChargeType?: "PayByTraffic" | "PayByBandwidth";
  /** Default "PostPaid". A PrePaid instance gets a public IP when ModifyInstanceNetworkSpec raises its bandwidth from 0. */
  instanceChargeType?: "PostPaid" | "PrePaid";
  /**
   * Default "classic" (releasable). A "vpc" instance answers ReleasePublicIpAddress with `OperationDenied`
   * ("Specified operation is denied as your instance is in VPC.", ReleasePublicIpAddress API page).
   */
  instanceNetworkType?: "vpc" | "classic";
  /** Default: the seed's `regionId`. */
  regionId?: string;
  /** Default: `<regionId>-h`. */
  zoneId?: string;
  /** Default: the instance id. */
  instanceName?: string;
  /** Default "ecs.g7.large". */
  instanceType?: string;
  /** Default: 172.16.x.y derived from the instance's position in the seed. */
  privateIpAddress?: string;
  /** A public IP the instance already has. */
  publicIpAddress?: string;
  /** An associated EIP (AllocatePublicIpAddress then answers `OperationDenied`). */
  eipAddress?: { allocationId: string; ipAddress: string };
  /** `OperationLocks` reasons, e.g. ["security"] (→ InstanceLockedForSecurity) or ["financial"]. */
  lockReasons?: string[];
  /** Expired prepay / afterpay in arrears (→ InstanceExpiredOrInArrears). */
  expired?: boolean;
  /** Instance in a CloudBox (→ OperationDenied.CloudboxNotSupport). */
  cloudbox?: boolean;
  /** Instance in a dedicated region (→ OperationDenied.DedicatedRegionNotSupported). */
  dedicatedRegion?: boolean;
}

/** Accounts, instances and IP pool of the Alibaba ECS emulator. */
export interface AlibabaSeed {
  /** Default region of the instances. */
  regionId: string;
  accounts: AlibabaAccountSeed[];
  instances: AlibabaInstanceSeed[];
  /** IPv4 CIDR that system public IPs are drawn from (default "47.96.0.0/16"). */
  publicIpCidr?: string;
  /** VlanIds that AllocatePublicIpAddress accepts (others → InvalidVlanId.NotFound). Default none. */
  vlanIds?: string[];
}

/** How AllocatePublicIpAddress answers for an instance that already has a public IP. */
export type AlibabaSecondAllocateBehaviour = "return-existing" | "allocated-already";

/** Flow control: calls per window, per action and AccessKey. */
export interface AlibabaFlowControlOptions {
  /** Calls allowed per window for every action (default 1000). */
  limit?: number;
  /** Window length in milliseconds (default 60 000). */
  windowMs?: number;
  /** Per-action overrides of `limit`, e.g. `{ AllocatePublicIpAddress: 5 }`. */
  actionLimits?: Record<string, number>;
}

/** Behaviours of the Alibaba emulator that the docs leave open or that tests want to tune. */
export interface AlibabaEmulatorOptions {
  /** Default "return-existing" (current docs); "allocated-already" answers 403 AllocatedAlready (seeds 001/003). */
  secondAllocate?: AlibabaSecondAllocateBehaviour;
  flowControl?: AlibabaFlowControlOptions;
  /** Allowed clock difference for Timestamp / x-acs-date, in seconds (default 900). */
  timestampToleranceSeconds?: number;
  /** How long a SignatureNonce is remembered, in seconds (default 900). */
  nonceTtlSeconds?: number;
  /** Largest accepted body in bytes (default MAX_BODY_BYTES = 1 MiB). */
  maxBodyBytes?: number;
}
