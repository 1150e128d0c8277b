// Public API of @polycloud/alibaba-ecs. Named exports plus the plugin as default export.
export { AlibabaEcsAllocator, ALIBABA_ECS_CAPABILITIES, DEFAULT_WAIT_TIMEOUT_MS } from "./alibaba-ecs-allocator.js";
export { createAlibabaEcsAllocator, type AlibabaEcsAllocatorDependencies } from "./create-alibaba-ecs-allocator.js";
export { alibabaEcsPlugin } from "./alibaba-ecs-plugin.js";
export { ALIBABA_ECS_ALLOCATOR, ALIBABA_ECS_ENVIRONMENT, ALIBABA_ECS_LIFECYCLE, ALIBABA_ECS_SETTINGS, ALIBABA_ECS_SIGNING_SOURCE, type AlibabaEcsLifecycle } from "./alibaba-ecs-tokens.js";
export {
  ALIBABA_ECS_PROVIDER,
  ALIBABA_REGION_PATTERN,
  AlibabaEcsCredentialsSchema,
  AlibabaEcsRetrySettingsSchema,
  AlibabaEcsSettingsSchema,
  resolveAlibabaEcsSettings,
  resolveDefaultEndpoint,
  type AlibabaEcsResolvedSettings,
  type AlibabaEcsSettings,
  type AlibabaEcsSettingsInput,
} from "./alibaba-ecs-settings.js";
export { AlibabaEcsProviderOptionsSchema, type AlibabaAllocationMethod, type AlibabaEcsProviderOptions, type AlibabaEcsProviderOptionsInput } from "./alibaba-ecs-provider-options.js";
export {
  ALIBABA_CREDENTIAL_ENVIRONMENT,
  resolveAlibabaEcsCredentials,
  type ResolveAlibabaEcsCredentialsInput,
  type ResolvedAlibabaEcsCredentials,
} from "./resolve-alibaba-ecs-credentials.js";
export {
  ECS_API_VERSION,
  EMPTY_BODY_SHA256,
  V3_ALGORITHM,
  buildCanonicalQuery,
  buildV1StringToSign,
  buildV3CanonicalRequest,
  createSignatureNonce,
  formatAcsTimestamp,
  percentEncode,
  signAlibabaEcsRequest,
  signV1,
  signV3,
  type AlibabaEcsCredentials,
  type AlibabaSignatureVersion,
  type SignAlibabaEcsRequestInput,
  type V3RequestParts,
} from "./sign-alibaba-ecs-request.js";
export { createCredentialRedactor, systemSigningSource, type AlibabaEcsEnvironment, type AlibabaEcsSigningSource } from "./alibaba-ecs-client.js";
export {
  ALIBABA_ECS_ERROR_PREFIX_RULES,
  ALIBABA_ECS_ERROR_TABLE,
  classifyAlibabaEcsError,
  ALIBABA_ECS_RESPONSES,
  mapAlibabaEcsError,
  type AlibabaErrorResponse,
  type AlibabaErrorRule,
  type MapAlibabaEcsErrorContext,
} from "./map-alibaba-ecs-error.js";
export { RELEASE_DEPRECATION_WARNING } from "./release-public-ip.js";
export {
  AlibabaErrorEnvelopeSchema,
  AllocatePublicIpAddressResponseSchema,
  InstanceAttributeResponseSchema,
  RequestIdResponseSchema,
  parseErrorEnvelope,
  parseJsonBody,
  readPublicIpAddress,
  type AlibabaErrorEnvelope,
  type InstanceAttributeResponse,
} from "./parse-alibaba-ecs-response.js";
export { INSTANCE_ID_PATTERN, validateAlibabaEcsRequest, type ValidatedAlibabaEcsRequest } from "./validate-alibaba-ecs-request.js";
export { describePendingIp, mapInstanceToAllocatedIp, mapInstanceToIpState } from "./map-instance-to-allocated-ip.js";

import { alibabaEcsPlugin } from "./alibaba-ecs-plugin.js";

export default alibabaEcsPlugin;
