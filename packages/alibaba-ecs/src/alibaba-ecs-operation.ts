import type { Clock, Logger, OperationHooks, RetryOptions } from "@polycloud/core";
import type { AlibabaEcsCallContext, AlibabaEcsClient } from "./alibaba-ecs-client.js";

/** What every step of one running allocator method shares: the client, its retry policy, signal and hooks. @internal */
export interface AlibabaEcsOperation {
  client: AlibabaEcsClient;
  /** Neutral operation name (`allocate`, `describe`, `release`, `waitUntilReady`). */
  name: string;
  retry: RetryOptions;
  clock: Clock;
  random: () => number;
  /** The operation's combined caller + deadline signal. */
  signal: AbortSignal;
  hooks?: OperationHooks;
  logger: Logger;
}

/** The per-attempt context the client needs, from the operation. @internal */
export function toCallContext(operation: AlibabaEcsOperation, attempt: number): AlibabaEcsCallContext {
  return { operation: operation.name, attempt, signal: operation.signal, hooks: operation.hooks };
}
