export { AWS_EC2_ACTIONS, createAwsEmulator } from "./create-aws-emulator.js";
export { DEFAULT_AWS_CREDENTIALS, DEFAULT_AWS_SEED } from "./aws-default-seed.js";
export {
  AWS_INSTANCE_STATES,
  AWS_INSTANCE_STATE_CODES,
  type AwsAccountSeed,
  type AwsCredentialSeed,
  type AwsEmulatorOptions,
  type AwsInstanceSeed,
  type AwsInstanceStateName,
  type AwsRateLimit,
  type AwsSeed,
} from "./aws-seed.js";
export { parseAwsSeed } from "./parse-aws-seed.js";
export { DEFAULT_AWS_OPTIONS, type ResolvedAwsOptions } from "./resolve-aws-options.js";
export { AWS_ERROR_CODES, type AwsErrorCode, type AwsErrorCodeInfo, type AwsStatusSource } from "./aws-error-codes.js";
export { EC2_API_VERSION, EC2_XML_NAMESPACE } from "./aws-envelope.js";
export type { AwsAccountState, AwsAddressState, AwsInstanceState, AwsLimitsState, AwsState } from "./aws-state.js";
export type { AwsTag } from "./aws-store.js";
export {
  SIGV4_ALGORITHM,
  buildSigV4StringToSign,
  computeSigV4Signature,
  deriveSigV4SigningKey,
  formatAmzDate,
  signSigV4Request,
  type SigV4SignedRequest,
  type SigV4SigningInput,
} from "./sign-sigv4-request.js";
