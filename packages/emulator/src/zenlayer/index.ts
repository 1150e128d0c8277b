export { createZenlayerEmulator, ZENLAYER_BMC_PATH, ZENLAYER_BMC_VERSIONS } from "./create-zenlayer-emulator.js";
export {
  DEFAULT_ZENLAYER_OPTIONS,
  type ZenlayerEmulatorOptions,
  type ZenlayerRateLimit,
} from "./resolve-zenlayer-options.js";
export {
  DEFAULT_ZENLAYER_DESCRIBE_LAG_LISTINGS,
  DEFAULT_ZENLAYER_SEED,
  ZENLAYER_INSTANCE_STATUSES,
  type ZenlayerAccessKeySeed,
  type ZenlayerAccountSeed,
  type ZenlayerInstanceSeed,
  type ZenlayerInstanceStatus,
  type ZenlayerResourceGroupSeed,
  type ZenlayerSeed,
  type ZenlayerZoneSaleStatus,
  type ZenlayerZoneSeed,
} from "./zenlayer-seed.js";
export { parseZenlayerSeed, type ResolvedZenlayerSeed } from "./parse-zenlayer-seed.js";
export {
  ZENLAYER_ERROR_CODES,
  type ZenlayerErrorCode,
  type ZenlayerErrorCodeInfo,
  type ZenlayerErrorSourceKind,
  type ZenlayerStatusSource,
} from "./zenlayer-error-codes.js";
export type {
  ZenlayerAccountState,
  ZenlayerEipState,
  ZenlayerInstanceState,
  ZenlayerState,
  ZenlayerZoneState,
} from "./zenlayer-state.js";
export { EIP_STATUSES, type EipAddress, type EipChargeType, type EipStatus, type ZenlayerTag } from "./eip-record.js";
export {
  signZc2Request,
  computeZc2Signature,
  ZC2_ALGORITHM,
  type Zc2RequestToSign,
  type Zc2Signature,
  type Zc2SignatureInput,
} from "./sign-zc2-request.js";
