import {
  RetryBudget,
  createHttpDispatcher,
  createInvalidArgumentError,
  silentLogger,
  systemClock,
  type Clock,
  type FieldIssue,
  type Logger,
} from "@polycloud/core";
import type { Dispatcher } from "undici";
import { ZenlayerEipAllocator } from "./zenlayer-eip-allocator.js";
import { ZenlayerEipClient } from "./zenlayer-eip-client.js";
import { ZenlayerEipSettingsSchema, type ZenlayerEipSettings } from "./zenlayer-eip-settings.js";
import type { ResolvedZenlayerEipSettings } from "./zenlayer-eip-tokens.js";

/** Optional collaborators of {@link createZenlayerEipAllocator}; each has a working default. @public */
export interface ZenlayerEipDependencyOverrides {
  /** Shared dispatcher (then you close it); default: one owned and closed by the allocator. */
  dispatcher?: Dispatcher;
  /** Time source for signing timestamps, backoff and polling. Default the system clock. */
  clock?: Clock;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Retry token bucket. Default a fresh one per allocator. */
  retryBudget?: RetryBudget;
  /** Receives redacted diagnostics. Default silent. */
  logger?: Logger;
  /** Environment for the credential chain. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Validates settings (INVALID_ARGUMENT naming the field). Credentials are resolved at the first call, so a
 * missing one is an UNAUTHENTICATED rejection of that call, before anything is sent.
 * @public
 */
export function resolveZenlayerEipSettings(settings: ZenlayerEipSettings): ResolvedZenlayerEipSettings {
  const result = ZenlayerEipSettingsSchema.safeParse(settings);
  if (!result.success)
    throw createInvalidArgumentError(result.error.issues.flatMap(toSettingsIssues), {
      provider: "zenlayer-eip",
      subject: "zenlayer-eip settings",
    });
  return result.data;
}

// An unknown key is reported at its own path (zod reports it on the parent), so the error names it.
function toSettingsIssues(issue: {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code?: string;
  keys?: readonly string[];
}): FieldIssue[] {
  const parent = issue.path.map(String);
  if (issue.code === "unrecognized_keys" && issue.keys !== undefined)
    return issue.keys.map((key) => ({ path: [...parent, key].join("."), message: "is not a zenlayer-eip setting" }));
  return [{ path: parent.join("."), message: issue.message }];
}

/**
 * Builds a Zenlayer EIP allocator without a DI container.
 *
 * ```ts
 * const allocator = createZenlayerEipAllocator({ credentials: { accessKeyId, accessKeySecret } });
 * ```
 * @throws {IpAllocatorError} INVALID_ARGUMENT for bad settings (no credentials: the first call rejects UNAUTHENTICATED).
 * @public
 */
export function createZenlayerEipAllocator(
  settings: ZenlayerEipSettings = {},
  dependencies: ZenlayerEipDependencyOverrides = {},
): ZenlayerEipAllocator {
  const resolved = resolveZenlayerEipSettings(settings);
  const ownsDispatcher = dependencies.dispatcher === undefined;
  const dispatcher = dependencies.dispatcher ?? createHttpDispatcher({ connectTimeoutMs: resolved.connectTimeoutMs });
  const clock = dependencies.clock ?? systemClock;
  const client = new ZenlayerEipClient(resolved, dispatcher, clock, { env: dependencies.env ?? process.env });
  return new ZenlayerEipAllocator(
    resolved,
    client,
    dispatcher,
    { ownsDispatcher },
    clock,
    dependencies.random ?? Math.random,
    dependencies.retryBudget ?? new RetryBudget(),
    dependencies.logger ?? silentLogger,
  );
}
