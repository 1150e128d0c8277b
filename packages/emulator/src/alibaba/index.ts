export { ALIBABA_ECS_API_VERSION, createAlibabaEmulator } from "./create-alibaba-emulator.js";
export { DEFAULT_ALIBABA_SEED } from "./alibaba-default-seed.js";
export { ALIBABA_SEED_ERROR_CODES, type AlibabaSeedErrorCode } from "./alibaba-error-codes.js";
export type {
  AlibabaAccountSeed,
  AlibabaEmulatorOptions,
  AlibabaFlowControlOptions,
  AlibabaInstanceSeed,
  AlibabaInstanceStatus,
  AlibabaSecondAllocateBehaviour,
  AlibabaSeed,
} from "./alibaba-seed.js";
export type { AlibabaInstanceView, AlibabaState } from "./alibaba-state.js";
export { parseAlibabaSeed } from "./parse-alibaba-seed.js";
export { ALIBABA_ERROR_CATALOGUE, type AlibabaCatalogueEntry } from "./alibaba-error-catalogue.js";
