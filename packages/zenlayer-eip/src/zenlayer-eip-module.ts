import { registerValue } from "@polycloud/core";
import { defineProviderModule } from "@polycloud/core/di";
import { resolveZenlayerEipSettings } from "./create-zenlayer-eip-allocator.js";
import { ZenlayerEipAllocator } from "./zenlayer-eip-allocator.js";
import { ZenlayerEipClient } from "./zenlayer-eip-client.js";
import type { ZenlayerEipSettings } from "./zenlayer-eip-settings.js";
import {
  ZENLAYER_EIP_ALLOCATOR,
  ZENLAYER_EIP_CLIENT,
  ZENLAYER_EIP_ENVIRONMENT,
  ZENLAYER_EIP_LIFECYCLE,
  ZENLAYER_EIP_SETTINGS,
} from "./zenlayer-eip-tokens.js";

/**
 * Registers the `zenlayer-eip` allocator in a container made by `createAllocatorContainer()`, which provides
 * the dispatcher, clock, logger, retry budget and randomness. Settings are validated now; credentials are
 * resolved at the first call, from `ZENLAYER_EIP_ENVIRONMENT` when the container (or a parent) provides it,
 * else `process.env`. The container owns the dispatcher: `disposeAllocatorContainer(container)` closes it,
 * `allocator.close()` does not.
 * @example
 * ```ts
 * const container = createAllocatorContainer();
 * zenlayerEipModule.register(container, { credentials: { token } });
 * const allocator = resolveToken(container, ZENLAYER_EIP_ALLOCATOR);
 * ```
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming each bad setting.
 * @public
 */
export const zenlayerEipModule = defineProviderModule<ZenlayerEipSettings>({
  provider: "zenlayer-eip",
  register(container, settings) {
    if (!container.isRegistered(ZENLAYER_EIP_ENVIRONMENT, true))
      registerValue(container, ZENLAYER_EIP_ENVIRONMENT, { env: process.env });
    registerValue(container, ZENLAYER_EIP_SETTINGS, resolveZenlayerEipSettings(settings));
    registerValue(container, ZENLAYER_EIP_LIFECYCLE, { ownsDispatcher: false });
    container.registerSingleton(ZENLAYER_EIP_CLIENT, ZenlayerEipClient);
    container.registerSingleton(ZenlayerEipAllocator);
    container.register(ZENLAYER_EIP_ALLOCATOR, { useToken: ZenlayerEipAllocator });
  },
});
