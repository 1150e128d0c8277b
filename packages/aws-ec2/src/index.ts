// Public API of @polycloud/aws-ec2. The default export is the plugin `createIpAllocator` loads.
import { awsEc2Plugin } from "./aws-ec2-plugin.js";

export { AwsEc2Allocator, AWS_EC2_CAPABILITIES } from "./aws-ec2-allocator.js";
export { createAwsEc2Allocator, type AwsEc2AllocatorDependencies } from "./create-aws-ec2-allocator.js";
export { awsEc2Plugin } from "./aws-ec2-plugin.js";
export {
  AWS_EC2_PROVIDER,
  AWS_REGION_PATTERN,
  AwsEc2SettingsSchema,
  AwsStaticCredentialsSchema,
  EC2_API_VERSION,
  resolveAwsEc2Settings,
  resolveDefaultEndpoint,
  type AwsCredentialProvider,
  type AwsCredentials,
  type AwsEc2Settings,
  type ResolvedAwsEc2Settings,
} from "./aws-ec2-settings.js";
export { AWS_CREDENTIAL_ENVIRONMENT } from "./resolve-aws-ec2-credentials.js";
export {
  ALLOCATION_ID_PATTERN,
  AwsEc2ProviderOptionsSchema,
  CREATED_AT_TAG_KEY,
  IDEMPOTENCY_TAG_KEY,
  INSTANCE_ID_PATTERN,
  INSTANCE_TAG_KEY,
  type AwsEc2ProviderOptions,
} from "./validate-aws-ec2-request.js";
export {
  AWS_EC2_ALLOCATOR,
  AWS_EC2_CLIENT,
  AWS_EC2_ENVIRONMENT,
  AWS_EC2_LIFECYCLE,
  AWS_EC2_SETTINGS,
  AWS_EC2_SIGNING_CLOCK,
  type AwsEc2Environment,
  type AwsEc2Lifecycle,
  type AwsEc2SigningClock,
} from "./aws-ec2-tokens.js";

export default awsEc2Plugin;

// Registers aws-ec2 with core's typed configuration: defineConfig / createIpAllocator check its settings, and EC2 allocates one Elastic IP per call.
import type { ProviderAllocateDefaults } from "@polycloud/core";
import type { AwsEc2Settings } from "./aws-ec2-settings.js";

declare module "@polycloud/core" {
  interface PolycloudProviderRegistry {
    "aws-ec2": { settings: AwsEc2Settings; allocate: ProviderAllocateDefaults<1> };
  }
}
