// Public API of @polycloud/zenlayer-eip (main entry): the allocator, its factory and plugin (the default export
// `createIpAllocator` loads), settings and provider options, the tag keys polycloud writes and the DI tokens.
// The wire internals (signer, error table, response parsing, credential chain) are in `./internal`: for tools
// and tests, with no compatibility promise. The DI module is `./di`.
import { zenlayerEipPlugin } from "./zenlayer-eip-plugin.js";

export { ZenlayerEipAllocator, type ZenlayerReleaseOptions } from "./zenlayer-eip-allocator.js";
export { ZENLAYER_EIP_CAPABILITIES } from "./eip-capabilities.js";
export {
  createZenlayerEipAllocator,
  resolveZenlayerEipSettings,
  type ZenlayerEipDependencyOverrides,
} from "./create-zenlayer-eip-allocator.js";
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
export { ZENLAYER_CREDENTIAL_ENVIRONMENT } from "./resolve-zenlayer-eip-credentials.js";
export {
  IDEMPOTENCY_TAG_KEY,
  TARGET_INSTANCE_TAG_KEY,
  ZENLAYER_ZONE_PATTERN,
  ZenlayerEipProviderOptionsSchema,
  type ZenlayerEipProviderOptions,
  type ZenlayerEipProviderOptionsInput,
} from "./zenlayer-eip-provider-options.js";
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

// Registers zenlayer-eip with core's typed configuration: defineConfig / createIpAllocator check its settings (up to 100 addresses per call).
import type { ProviderAllocateDefaults } from "@polycloud/core";
import type { ZenlayerEipSettings } from "./zenlayer-eip-settings.js";

declare module "@polycloud/core" {
  interface PolycloudProviderRegistry {
    "zenlayer-eip": { settings: ZenlayerEipSettings; allocate: ProviderAllocateDefaults };
  }
}
