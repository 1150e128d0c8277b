/**
 * `@polycloud/emulator`: local, stateful emulators of the Alibaba Cloud ECS and Zenlayer BMC APIs that verify
 * signatures like the clouds do, keep state, and inject faults.
 * @packageDocumentation
 */
export { startEmulator, isLoopbackHost, type RunningEmulator, type StartEmulatorOptions } from "./start-emulator.js";
export { loadEmulatorSeed, parseEmulatorSeed, type EmulatorSeed } from "./load-emulator-seed.js";
export {
  FAULT_KINDS,
  FaultInjector,
  createSeededRandom,
  type FaultKind,
  type FaultProvider,
  type FaultRule,
} from "./shared/fault-rules.js";
export { StateEventLog, type StateChangeEvent, type StateChangeEventFilter } from "./shared/state-event-log.js";
export { SeedValidationError } from "./shared/seed-validation.js";
export type { ProviderEmulator, ProviderEmulatorContext } from "./shared/provider-emulator.js";
export {
  ALIBABA_ECS_API_VERSION,
  ALIBABA_SEED_ERROR_CODES,
  DEFAULT_ALIBABA_SEED,
  createAlibabaEmulator,
  parseAlibabaSeed,
  type AlibabaAccountSeed,
  type AlibabaEmulatorOptions,
  type AlibabaFlowControlOptions,
  type AlibabaInstanceSeed,
  type AlibabaInstanceStatus,
  type AlibabaInstanceView,
  type AlibabaSecondAllocateBehaviour,
  type AlibabaSeed,
  type AlibabaSeedErrorCode,
  type AlibabaState,
} from "./alibaba/index.js";
export {
  DEFAULT_ZENLAYER_OPTIONS,
  DEFAULT_ZENLAYER_SEED,
  EIP_STATUSES,
  ZC2_ALGORITHM,
  ZENLAYER_BMC_PATH,
  ZENLAYER_BMC_VERSIONS,
  ZENLAYER_ERROR_CODES,
  ZENLAYER_INSTANCE_STATUSES,
  computeZc2Signature,
  createZenlayerEmulator,
  parseZenlayerSeed,
  signZc2Request,
  type EipAddress,
  type EipChargeType,
  type EipStatus,
  type ResolvedZenlayerSeed,
  type Zc2RequestToSign,
  type Zc2Signature,
  type Zc2SignatureInput,
  type ZenlayerAccessKeySeed,
  type ZenlayerAccountSeed,
  type ZenlayerAccountState,
  type ZenlayerEipState,
  type ZenlayerEmulatorOptions,
  type ZenlayerErrorCode,
  type ZenlayerErrorCodeInfo,
  type ZenlayerInstanceSeed,
  type ZenlayerInstanceState,
  type ZenlayerInstanceStatus,
  type ZenlayerRateLimit,
  type ZenlayerResourceGroupSeed,
  type ZenlayerSeed,
  type ZenlayerState,
  type ZenlayerStatusSource,
  type ZenlayerTag,
  type ZenlayerZoneSaleStatus,
  type ZenlayerZoneSeed,
  type ZenlayerZoneState,
} from "./zenlayer/index.js";
