import { defineIpAllocatorPlugin } from "@polycloud/core";
import { createZenlayerEipAllocator } from "./create-zenlayer-eip-allocator.js";
import { ZenlayerEipSettingsSchema, type ZenlayerEipSettings } from "./zenlayer-eip-settings.js";

/**
 * The plugin `createIpAllocator({ provider: "zenlayer-eip", ...settings })` loads. Credentials not in the
 * settings come from the plugin context's environment.
 * @public
 */
export const zenlayerEipPlugin = defineIpAllocatorPlugin<ZenlayerEipSettings>({
  name: "zenlayer-eip",
  settingsSchema: ZenlayerEipSettingsSchema,
  create: (settings, context) =>
    createZenlayerEipAllocator(settings, {
      dispatcher: context.dispatcher,
      clock: context.clock,
      logger: context.logger,
      env: context.env,
    }),
});
