import { defineIpAllocatorPlugin } from "@polycloud/core";
import { createAlibabaEcsAllocator } from "./create-alibaba-ecs-allocator.js";
import { ALIBABA_ECS_PROVIDER, AlibabaEcsSettingsSchema, type AlibabaEcsSettings } from "./alibaba-ecs-settings.js";

/**
 * The plugin `createIpAllocator({ provider: "alibaba-ecs", region, endpoint?, credentials? })` loads.
 * Shared infrastructure from the plugin context (dispatcher, logger, clock, env, base directory) is used.
 * @public
 */
export const alibabaEcsPlugin = defineIpAllocatorPlugin<AlibabaEcsSettings>({
  name: ALIBABA_ECS_PROVIDER,
  settingsSchema: AlibabaEcsSettingsSchema,
  create: (settings, context) =>
    createAlibabaEcsAllocator(settings, {
      dispatcher: context.dispatcher,
      logger: context.logger,
      clock: context.clock,
      env: context.env,
      baseDirectory: context.baseDirectory,
    }),
});
