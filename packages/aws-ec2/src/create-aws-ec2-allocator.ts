import { RetryBudget, createHttpDispatcher, silentLogger, systemClock, type Clock, type Logger } from "@polycloud/core";
import type { Dispatcher } from "undici";
import { AwsEc2Allocator } from "./aws-ec2-allocator.js";
import { AwsEc2Client } from "./aws-ec2-client.js";
import { resolveAwsEc2Settings, type AwsEc2Settings } from "./aws-ec2-settings.js";
import type { AwsEc2SigningClock } from "./aws-ec2-tokens.js";

/** Optional collaborators of {@link createAwsEc2Allocator}; each has a production default. @public */
export interface AwsEc2AllocatorDependencies {
  /** Shared dispatcher (you close it); default: one owned and closed by the allocator. */
  dispatcher?: Dispatcher;
  /** Retry and backoff clock (tests pass `ManualClock`). Default the system clock. */
  clock?: Clock;
  /** Wall clock for `X-Amz-Date` and `polycloud:created-at`. Default the system clock (never the retry clock). */
  signingClock?: AwsEc2SigningClock;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Retry token bucket. Default a fresh one per allocator. */
  retryBudget?: RetryBudget;
  /** Receives redacted diagnostics. Default silent. */
  logger?: Logger;
  /** Environment of the credential chain (`AWS_*`, `HOME`). Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Builds an `aws-ec2` allocator without a DI container. Settings are validated now; credentials are resolved at
 * the first call (a missing one rejects that call UNAUTHENTICATED, before anything is sent).
 * @example
 * ```ts
 * const allocator = createAwsEc2Allocator({ region: "us-east-1" });
 * const { ips } = await allocator.allocate({ location: { region: "us-east-1" }, instanceId: "i-0123456789abcdef0" });
 * ```
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming each bad setting.
 * @public
 */
export function createAwsEc2Allocator(
  settings: AwsEc2Settings,
  dependencies: AwsEc2AllocatorDependencies = {},
): AwsEc2Allocator {
  const resolved = resolveAwsEc2Settings(settings);
  const ownsDispatcher = dependencies.dispatcher === undefined;
  const dispatcher = dependencies.dispatcher ?? createHttpDispatcher({ connectTimeoutMs: resolved.connectTimeoutMs });
  const clock = dependencies.clock ?? systemClock;
  const client = new AwsEc2Client(resolved, dispatcher, clock, dependencies.signingClock ?? systemClock, {
    env: dependencies.env ?? process.env,
  });
  return new AwsEc2Allocator(
    resolved,
    client,
    { ownsDispatcher },
    dispatcher,
    clock,
    dependencies.random ?? Math.random,
    dependencies.retryBudget ?? new RetryBudget(),
    dependencies.logger ?? silentLogger,
  );
}
