import type { AlibabaCatalogueEntry } from "./alibaba-catalogue-entry.js";

const SEED_000 = "seed 000 (AllocatePublicIpAddress API page, help.aliyun.com)";
const SEEDS_000_001 = "seeds 000, 001";
const SEEDS_ALL = "seeds 000, 001, 003";

const ALLOCATE = "AllocatePublicIpAddress";

/** AllocatePublicIpAddress codes, from the seed pages (seed 000 is its API page): the first rows of the catalogue. */
export const ALIBABA_ALLOCATE_CATALOGUE: readonly AlibabaCatalogueEntry[] = [
  {
    action: ALLOCATE,
    code: "InvalidOperation.AllocateFailed",
    httpStatus: 400,
    message: "The current instance failed to allocate public IP, please try again later.",
    source: SEED_000,
    trigger: "fault rule only",
  },
  {
    action: ALLOCATE,
    code: "InvalidIpAddress.Malformed",
    httpStatus: 400,
    message: 'The specified parameter "IpAddress" is not valid.',
    source: SEEDS_000_001,
    trigger: "IpAddress is not a dotted IPv4 address",
  },
  {
    action: ALLOCATE,
    code: "OperationDenied",
    httpStatus: 400,
    message: "Specified operation is denied as your instance is in VPC.",
    source: SEEDS_ALL,
    trigger: "the instance has an EIP associated",
  },
  {
    action: ALLOCATE,
    code: "InsufficientPublicIp",
    httpStatus: 400,
    message: "Ip address not found.",
    source: SEEDS_ALL,
    trigger: "the seed's public IP pool is exhausted",
  },
  {
    action: ALLOCATE,
    code: "AllocateIpInvalidInstanceBandwidth",
    httpStatus: 400,
    message: "OperationDenied The InternetMaxBandwidthOut of the specified instance cannot be less than 0.",
    source: SEEDS_000_001,
    trigger: "InternetMaxBandwidthOut is 0",
  },
  {
    action: ALLOCATE,
    code: "OperationDenied.CloudboxNotSupport",
    httpStatus: 400,
    message:
      "This operation is denied, because the specified ECS instance which is in the Cloudbox dose not support PublicIp or Eip.",
    source: SEED_000,
    trigger: "instance seeded with cloudbox: true",
  },
  {
    action: ALLOCATE,
    code: "OperationDenied.DedicatedRegionNotSupported",
    httpStatus: 400,
    message:
      "This operation is denied, because the specified ECS instance which is in the dedicated region dose not support PublicIp or Eip.",
    source: SEED_000,
    trigger: "instance seeded with dedicatedRegion: true",
  },
  {
    action: ALLOCATE,
    code: "IncorrectInstanceStatus",
    httpStatus: 403,
    message: "The current status of the resource does not support this operation.",
    source: SEEDS_ALL,
    trigger: "instance status is not Running or Stopped",
  },
  {
    action: ALLOCATE,
    code: "InstanceLockedForSecurity",
    httpStatus: 403,
    message: "The specified operation is denied as your instance is locked for security reasons.",
    source: SEEDS_ALL,
    trigger: 'instance seeded with lockReasons: ["security"]',
  },
  {
    action: ALLOCATE,
    code: "InstanceExpiredOrInArrears",
    httpStatus: 403,
    message:
      "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode).",
    source: SEEDS_ALL,
    trigger: 'instance seeded with expired: true or lockReasons: ["financial"]',
  },
  {
    action: ALLOCATE,
    code: "IpInUse",
    httpStatus: 403,
    message: "The specified IP is already in use.",
    source: SEEDS_000_001,
    trigger: "IpAddress is already used by another instance",
  },
  {
    action: ALLOCATE,
    code: "AllocatedAlready",
    httpStatus: 403,
    message: "There is an IpAddress allocated already for the specified instance.",
    source: SEEDS_ALL,
    trigger: 'second allocation with options.secondAllocate = "allocated-already"',
  },
  {
    action: ALLOCATE,
    code: "AllocateIp.Fail",
    httpStatus: 403,
    message: "The specified instance fails to allocate ip, please try again.",
    source: SEED_000,
    trigger: "fault rule only",
  },
  {
    action: ALLOCATE,
    code: "NAT_PUBLIC_IP_BINDING_FAILED",
    httpStatus: 403,
    message: "Binding nat public ip failed.",
    source: SEEDS_000_001,
    trigger: "fault rule only",
  },
  {
    action: ALLOCATE,
    code: "NAT_PUBLIC_IP_ALLOCATE_FAILED",
    httpStatus: 403,
    message: "Nat public ip binding failed.",
    source: SEEDS_000_001,
    trigger: "fault rule only",
  },
  {
    action: ALLOCATE,
    code: "InvalidIpAddress.NotPublic",
    httpStatus: 403,
    message: "The specified IP is not public address.",
    source: SEED_000,
    trigger: "IpAddress is a private, loopback or reserved address",
  },
  {
    action: ALLOCATE,
    code: "InvalidInstanceId.NotFound",
    httpStatus: 404,
    message: "The specified InstanceId does not exist.",
    source: SEEDS_ALL,
    trigger: "unknown InstanceId (every instance action)",
  },
  {
    action: ALLOCATE,
    code: "InvalidVlanId.NotFound",
    httpStatus: 404,
    message: "The VlanId provided does not exist in our records.",
    source: SEEDS_000_001,
    trigger: "VlanId not in the seed's vlanIds",
  },
  {
    action: ALLOCATE,
    code: "InvalidIpAddress.NotFound",
    httpStatus: 404,
    message: "The specified IP is not in the specified vlan.",
    source: SEEDS_000_001,
    trigger: "fault rule only",
  },
  {
    action: ALLOCATE,
    code: "InternalError",
    httpStatus: 500,
    message: "The request processing has failed due to some unknown error.",
    source: SEED_000,
    trigger: "server-error fault; an unexpected emulator error (every action)",
  },
];
