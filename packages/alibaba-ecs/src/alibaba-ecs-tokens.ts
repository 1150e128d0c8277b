import { createToken, type IpAllocator } from "@polycloud/core";
import type { AlibabaEcsEnvironment, AlibabaEcsSigningSource } from "./alibaba-ecs-client.js";
import type { AlibabaEcsResolvedSettings } from "./alibaba-ecs-settings.js";

/** Validated settings of the allocator in this container. @public */
export const ALIBABA_ECS_SETTINGS = createToken<AlibabaEcsResolvedSettings>("@polycloud/alibaba-ecs/settings");

/** Environment (and `HOME`) the credential chain reads. @public */
export const ALIBABA_ECS_ENVIRONMENT = createToken<AlibabaEcsEnvironment>("@polycloud/alibaba-ecs/environment");

/** Wall clock and nonce source used for signing. @public */
export const ALIBABA_ECS_SIGNING_SOURCE = createToken<AlibabaEcsSigningSource>("@polycloud/alibaba-ecs/signing-source");

/** What the allocator must clean up on `close()`. @public */
export interface AlibabaEcsLifecycle {
  /** True when the allocator created its dispatcher (a shared one is closed by its owner). */
  ownsDispatcher: boolean;
}

/** Dispatcher ownership of one allocator. @public */
export const ALIBABA_ECS_LIFECYCLE = createToken<AlibabaEcsLifecycle>("@polycloud/alibaba-ecs/lifecycle");

/** The allocator registered by `alibabaEcsModule`. @public */
export const ALIBABA_ECS_ALLOCATOR = createToken<IpAllocator>("@polycloud/alibaba-ecs/allocator");
