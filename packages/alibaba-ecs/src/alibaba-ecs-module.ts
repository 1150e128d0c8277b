import { registerValue, type DependencyContainer } from "@polycloud/core";
import { defineProviderModule } from "@polycloud/core/di";
import { AlibabaEcsAllocator } from "./alibaba-ecs-allocator.js";
import { systemSigningSource } from "./alibaba-ecs-client.js";
import {
  ALIBABA_ECS_PROVIDER,
  resolveAlibabaEcsSettings,
  type AlibabaEcsSettingsInput,
} from "./alibaba-ecs-settings.js";
import {
  ALIBABA_ECS_ALLOCATOR,
  ALIBABA_ECS_ENVIRONMENT,
  ALIBABA_ECS_LIFECYCLE,
  ALIBABA_ECS_SETTINGS,
  ALIBABA_ECS_SIGNING_SOURCE,
} from "./alibaba-ecs-tokens.js";

/**
 * Registers the `alibaba-ecs` allocator in a container made by `createAllocatorContainer()`, which provides the
 * dispatcher, clock, logger, retry budget and randomness. Environment and signing source default to
 * `process.env` and the wall clock unless the container (or a parent) already provides them. The container owns
 * the dispatcher: `disposeAllocatorContainer(container)` closes it, `allocator.close()` does not.
 * @example
 * ```ts
 * const container = createAllocatorContainer();
 * alibabaEcsModule.register(container, { region: "cn-hangzhou" });
 * const allocator = resolveToken(container, ALIBABA_ECS_ALLOCATOR);
 * ```
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming each bad setting.
 * @public
 */
export const alibabaEcsModule = defineProviderModule<AlibabaEcsSettingsInput>({
  provider: ALIBABA_ECS_PROVIDER,
  register(container: DependencyContainer, settings: AlibabaEcsSettingsInput): void {
    registerValue(container, ALIBABA_ECS_SETTINGS, resolveAlibabaEcsSettings(settings));
    if (!container.isRegistered(ALIBABA_ECS_ENVIRONMENT, true))
      registerValue(container, ALIBABA_ECS_ENVIRONMENT, { env: process.env });
    if (!container.isRegistered(ALIBABA_ECS_SIGNING_SOURCE, true))
      registerValue(container, ALIBABA_ECS_SIGNING_SOURCE, systemSigningSource);
    registerValue(container, ALIBABA_ECS_LIFECYCLE, { ownsDispatcher: false });
    container.registerSingleton(AlibabaEcsAllocator);
    container.register(ALIBABA_ECS_ALLOCATOR, { useToken: AlibabaEcsAllocator });
  },
});
