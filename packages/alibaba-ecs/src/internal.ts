// @polycloud/alibaba-ecs/internal: the adapter's implementation, exported for tools and tests (signer vectors,
// benchmarks, error-table checks). No compatibility promise: anything here may change in any release. Users
// want the main entry (`@polycloud/alibaba-ecs`) or the DI entry (`@polycloud/alibaba-ecs/di`).
export {
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
export { createCredentialRedactor, systemSigningSource } from "./alibaba-ecs-client.js";
export { ALIBABA_ECS_ACTION_ERROR_TABLE } from "./action-error-rules.js";
export { ALIBABA_ECS_ERROR_PREFIX_RULES, ALIBABA_ECS_ERROR_TABLE, type AlibabaErrorRule } from "./ecs-error-table.js";
export {
  ALIBABA_ECS_RESPONSES,
  classifyAlibabaEcsError,
  describeAlibabaEcsResponses,
  mapAlibabaEcsError,
  type AlibabaErrorResponse,
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
export {
  INSTANCE_ID_PATTERN,
  validateAlibabaEcsRequest,
  type ValidatedAlibabaEcsRequest,
} from "./validate-alibaba-ecs-request.js";
export {
  describeFreshIp,
  describePendingIp,
  describeRestartNeeded,
  mapInstanceToAllocatedIp,
  mapInstanceToIpState,
} from "./map-instance-to-allocated-ip.js";
export { ECS_ACTION_PARAMETERS, addEcsCommonParameters } from "./add-ecs-common-parameters.js";
export { resolveEcsEndpointHost } from "./ecs-endpoint-map.js";
