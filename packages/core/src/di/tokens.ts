import type { Dispatcher } from "undici";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { RetryBudget } from "../retry/retry-budget.js";
import { createToken } from "./create-token.js";

/** The undici dispatcher adapters send through (inject a MockAgent or a shared Agent here). @public */
export const HTTP_DISPATCHER = createToken<Dispatcher>("@polycloud/core/http-dispatcher");
/** Time source for backoff and polling. @public */
export const CLOCK = createToken<Clock>("@polycloud/core/clock");
/** Receives redacted diagnostics. @public */
export const LOGGER = createToken<Logger>("@polycloud/core/logger");
/** Retry token bucket shared by an allocator's calls. @public */
export const RETRY_BUDGET = createToken<RetryBudget>("@polycloud/core/retry-budget");
/** Source of randomness in [0, 1) for jitter. @public */
export const RANDOM = createToken<() => number>("@polycloud/core/random");
