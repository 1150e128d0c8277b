// Public API of @polycloud/alibaba-ecs (main entry): the allocator, its factory and plugin (the default export
// `createIpAllocator` loads), settings and provider options, the credential variables and the DI tokens. The
// wire internals (signer, error table, response parsing, credential chain) are in `./internal`: for tools and
// tests, with no compatibility promise. The DI module is `./di`.
export { AlibabaEcsAllocator } from "./alibaba-ecs-allocator.js";
export { ALIBABA_ECS_CAPABILITIES, DEFAULT_WAIT_TIMEOUT_MS } from "./ecs-capabilities.js";
export { createAlibabaEcsAllocator, type AlibabaEcsAllocatorDependencies } from "./create-alibaba-ecs-allocator.js";
export { alibabaEcsPlugin } from "./alibaba-ecs-plugin.js";
export {
  ALIBABA_ECS_ALLOCATOR,
  ALIBABA_ECS_ENVIRONMENT,
  ALIBABA_ECS_LIFECYCLE,
  ALIBABA_ECS_SETTINGS,
  ALIBABA_ECS_SIGNING_SOURCE,
  type AlibabaEcsLifecycle,
} from "./alibaba-ecs-tokens.js";
// What the ALIBABA_ECS_ENVIRONMENT and ALIBABA_ECS_SIGNING_SOURCE tokens (and the factory's `env` / `signing`) hold.
export type { AlibabaEcsEnvironment, AlibabaEcsSigningSource } from "./alibaba-ecs-client.js";
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
export { ECS_ENDPOINT_MAP } from "./ecs-endpoint-map.js";
export {
  AlibabaEcsProviderOptionsSchema,
  type AlibabaAllocationMethod,
  type AlibabaEcsProviderOptions,
  type AlibabaEcsProviderOptionsInput,
} from "./alibaba-ecs-provider-options.js";
export { ALIBABA_CREDENTIAL_ENVIRONMENT } from "./read-environment-credentials.js";

import { alibabaEcsPlugin } from "./alibaba-ecs-plugin.js";

export default alibabaEcsPlugin;

// Registers alibaba-ecs with core's typed configuration: defineConfig / createIpAllocator check its settings, and ECS allocates one address per call.
import type { ProviderAllocateDefaults } from "@polycloud/core";
import type { AlibabaEcsSettingsInput } from "./alibaba-ecs-settings.js";

declare module "@polycloud/core" {
  interface PolycloudProviderRegistry {
    "alibaba-ecs": { settings: AlibabaEcsSettingsInput; allocate: ProviderAllocateDefaults<1> };
  }
}
