import { registerValue, systemClock, type DependencyContainer } from "@polycloud/core";
import { defineProviderModule } from "@polycloud/core/di";
import { AwsEc2Allocator } from "./aws-ec2-allocator.js";
import { AwsEc2Client } from "./aws-ec2-client.js";
import { AWS_EC2_PROVIDER, resolveAwsEc2Settings, type AwsEc2Settings } from "./aws-ec2-settings.js";
import {
  AWS_EC2_ALLOCATOR,
  AWS_EC2_CLIENT,
  AWS_EC2_ENVIRONMENT,
  AWS_EC2_LIFECYCLE,
  AWS_EC2_SETTINGS,
  AWS_EC2_SIGNING_CLOCK,
} from "./aws-ec2-tokens.js";

/**
 * Registers the `aws-ec2` allocator in a container made by `createAllocatorContainer()`, which provides the
 * dispatcher, clock, logger, retry budget and randomness. Environment and signing clock default to `process.env`
 * and the system clock unless the container (or a parent) provides them. The container owns the dispatcher:
 * `disposeAllocatorContainer(container)` closes it, `allocator.close()` does not.
 * @example
 * ```ts
 * const container = createAllocatorContainer();
 * awsEc2Module.register(container, { region: "us-east-1" });
 * const allocator = resolveToken(container, AWS_EC2_ALLOCATOR);
 * ```
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming each bad setting.
 * @public
 */
export const awsEc2Module = defineProviderModule<AwsEc2Settings>({
  provider: AWS_EC2_PROVIDER,
  register(container: DependencyContainer, settings: AwsEc2Settings): void {
    registerValue(container, AWS_EC2_SETTINGS, resolveAwsEc2Settings(settings));
    if (!container.isRegistered(AWS_EC2_ENVIRONMENT, true))
      registerValue(container, AWS_EC2_ENVIRONMENT, { env: process.env });
    if (!container.isRegistered(AWS_EC2_SIGNING_CLOCK, true))
      registerValue(container, AWS_EC2_SIGNING_CLOCK, systemClock);
    registerValue(container, AWS_EC2_LIFECYCLE, { ownsDispatcher: false });
    container.registerSingleton(AWS_EC2_CLIENT, AwsEc2Client);
    container.registerSingleton(AwsEc2Allocator);
    container.register(AWS_EC2_ALLOCATOR, { useToken: AwsEc2Allocator });
  },
});
