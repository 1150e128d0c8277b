import { defineIpAllocatorPlugin } from "@polycloud/core";
import { createAwsEc2Allocator } from "./create-aws-ec2-allocator.js";
import { AWS_EC2_PROVIDER, AwsEc2SettingsSchema, type AwsEc2Settings } from "./aws-ec2-settings.js";

/**
 * The plugin `createIpAllocator({ provider: "aws-ec2", region, endpoint?, credentials?, profile? })` loads.
 * Shared infrastructure from the plugin context (dispatcher, logger, clock, env) is used.
 * @public
 */
export const awsEc2Plugin = defineIpAllocatorPlugin<AwsEc2Settings>({
  name: AWS_EC2_PROVIDER,
  settingsSchema: AwsEc2SettingsSchema,
  create: (settings, context) =>
    createAwsEc2Allocator(settings, {
      dispatcher: context.dispatcher,
      logger: context.logger,
      clock: context.clock,
      env: context.env,
    }),
});
