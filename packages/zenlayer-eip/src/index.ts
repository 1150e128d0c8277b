// Public API of @polycloud/zenlayer-eip. The default export is the plugin `createIpAllocator` loads.
import { zenlayerEipPlugin } from "./zenlayer-eip-plugin.js";

export { ZenlayerEipAllocator, ZENLAYER_EIP_CAPABILITIES, type ZenlayerReleaseOptions } from "./zenlayer-eip-allocator.js";
export { createZenlayerEipAllocator, resolveZenlayerEipSettings, type ZenlayerEipDependencyOverrides } from "./create-zenlayer-eip-allocator.js";
export { zenlayerEipPlugin } from "./zenlayer-eip-plugin.js";
export {
  DEFAULT_ZENLAYER_API_VERSION,
  DEFAULT_ZENLAYER_ENDPOINT,
  ZENLAYER_API_VERSIONS,
  ZenlayerAccessKeyCredentialsSchema,
  ZenlayerCredentialsSchema,
  ZenlayerEipSettingsSchema,
  ZenlayerReleaseModeSchema,
  ZenlayerTokenCredentialsSchema,
  type ParsedZenlayerEipSettings,
  type ZenlayerApiVersion,
  type ZenlayerCredentials,
  type ZenlayerEipSettings,
  type ZenlayerReleaseMode,
} from "./zenlayer-eip-settings.js";
export { ZENLAYER_CREDENTIAL_ENVIRONMENT, resolveZenlayerEipCredentials, type ResolvedZenlayerCredentials } from "./resolve-zenlayer-eip-credentials.js";
export { ZC2_ALGORITHM, ZC2_SIGNED_HEADERS, signZenlayerEipRequest, type ZenlayerSignature, type ZenlayerSigningInput } from "./sign-zenlayer-eip-request.js";
export type { ZenlayerEipAction } from "./zenlayer-eip-client.js";
export { ZENLAYER_ERROR_MAP, ZENLAYER_RESPONSES, mapZenlayerEipErrorCode, type ZenlayerErrorMapping } from "./map-zenlayer-eip-error.js";
export {
  IDEMPOTENCY_TAG_KEY,
  TARGET_INSTANCE_TAG_KEY,
  ZENLAYER_ZONE_PATTERN,
  ZenlayerEipProviderOptionsSchema,
  type ZenlayerEipProviderOptions,
  type ZenlayerEipProviderOptionsInput,
} from "./zenlayer-eip-provider-options.js";
export { EIP_STATUS_TO_STATE, mapEipToAllocatedIp } from "./map-eip-to-allocated-ip.js";
export { ZENLAYER_EIP_STATUSES, type EipAddress } from "./parse-zenlayer-eip-response.js";
export {
  ZENLAYER_EIP_ALLOCATOR,
  ZENLAYER_EIP_CLIENT,
  ZENLAYER_EIP_ENVIRONMENT,
  ZENLAYER_EIP_LIFECYCLE,
  ZENLAYER_EIP_SETTINGS,
  type ResolvedZenlayerEipSettings,
  type ZenlayerEipEnvironment,
  type ZenlayerEipLifecycle,
} from "./zenlayer-eip-tokens.js";

export default zenlayerEipPlugin;
