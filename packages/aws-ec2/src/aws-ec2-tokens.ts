import { createToken, type IpAllocator } from "@polycloud/core";
import type { AwsEc2Client } from "./aws-ec2-client.js";
import type { ResolvedAwsEc2Settings } from "./aws-ec2-settings.js";

/** Environment the credential chain reads (`AWS_*` variables, `HOME`). @public */
export interface AwsEc2Environment {
  env: Readonly<Record<string, string | undefined>>;
}

/** Wall-clock time for `X-Amz-Date` and the `polycloud:created-at` tag (tests may fake the retry clock, never this). @public */
export interface AwsEc2SigningClock {
  now(): number;
}

/** What the allocator must clean up on `close()`. @public */
export interface AwsEc2Lifecycle {
  /** True when the allocator created its dispatcher (a shared one is closed by its owner). */
  ownsDispatcher: boolean;
}

/** Validated settings of one allocator. @public */
export const AWS_EC2_SETTINGS = createToken<ResolvedAwsEc2Settings>("@polycloud/aws-ec2/settings");
/** Environment of the credential chain (default `process.env`). @public */
export const AWS_EC2_ENVIRONMENT = createToken<AwsEc2Environment>("@polycloud/aws-ec2/environment");
/** Signing clock (default the system clock). @public */
export const AWS_EC2_SIGNING_CLOCK = createToken<AwsEc2SigningClock>("@polycloud/aws-ec2/signing-clock");
/** Dispatcher ownership of one allocator. @public */
export const AWS_EC2_LIFECYCLE = createToken<AwsEc2Lifecycle>("@polycloud/aws-ec2/lifecycle");
/** The wire client of one allocator. @public */
export const AWS_EC2_CLIENT = createToken<AwsEc2Client>("@polycloud/aws-ec2/client");
/** The allocator registered by `awsEc2Module`. @public */
export const AWS_EC2_ALLOCATOR = createToken<IpAllocator>("@polycloud/aws-ec2/allocator");
