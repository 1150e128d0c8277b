export {
  FAULT_KINDS,
  FAULT_PROVIDERS,
  FaultInjector,
  describeFaultRuleProblem,
  type FaultKind,
  type FaultProvider,
  type FaultRule,
} from "./fault-rules.js";
export { createSeededRandom } from "./create-seeded-random.js";
export { StateEventLog, type StateChangeEvent, type StateChangeEventFilter } from "./state-event-log.js";
export { MAX_BODY_BYTES, readRequestBody, runWithFault, sendReply, type EmulatorReply } from "./http-exchange.js";
export type { ProviderEmulator, ProviderEmulatorContext } from "./provider-emulator.js";
export {
  SeedValidationError,
  readArray,
  readEnum,
  readInteger,
  readObject,
  readOptionalBoolean,
  readOptionalInteger,
  readOptionalString,
  readOptionalStringArray,
  readString,
  rejectUnknownKeys,
} from "./seed-validation.js";
