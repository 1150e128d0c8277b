import { createToken, type IpAllocator } from "@polycloud/core";
import type { ZenlayerEipClient } from "./zenlayer-eip-client.js";
import type { ParsedZenlayerEipSettings } from "./zenlayer-eip-settings.js";

/** Settings with defaults applied; credentials are resolved by the client at the first call (never logged). @public */
export type ResolvedZenlayerEipSettings = ParsedZenlayerEipSettings;

/** What the allocator must clean up on `close()`. @public */
export interface ZenlayerEipLifecycle {
  /** True when the allocator created its dispatcher (a shared one is closed by its owner). */
  ownsDispatcher: boolean;
}

/** Resolved settings of one allocator. @public */
export const ZENLAYER_EIP_SETTINGS = createToken<ResolvedZenlayerEipSettings>("@polycloud/zenlayer-eip/settings");

/** Dispatcher ownership of one allocator. @public */
export const ZENLAYER_EIP_LIFECYCLE = createToken<ZenlayerEipLifecycle>("@polycloud/zenlayer-eip/lifecycle");

/** The wire client of one allocator. @public */
export const ZENLAYER_EIP_CLIENT = createToken<ZenlayerEipClient>("@polycloud/zenlayer-eip/client");

/** Environment the credential chain reads (default `process.env`). @public */
export const ZENLAYER_EIP_ENVIRONMENT = createToken<ZenlayerEipEnvironment>("@polycloud/zenlayer-eip/environment");

/** Environment variables, wrapped so a container can hold them. @public */
export interface ZenlayerEipEnvironment {
  env: Readonly<Record<string, string | undefined>>;
}

/** The allocator registered by `zenlayerEipModule`. @public */
export const ZENLAYER_EIP_ALLOCATOR = createToken<IpAllocator>("@polycloud/zenlayer-eip/allocator");
