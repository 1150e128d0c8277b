import type { WaitOptions } from "@polycloud/core";
import type { PollPacing } from "./wait-for-eip-ready.js";
import type { ResolvedZenlayerEipSettings } from "./zenlayer-eip-tokens.js";

/**
 * The poll pacing of one call: the settings' intervals unless the caller's wait options override them. The
 * "not listed" tolerance always comes from the settings: it measures Describe's lag, not the caller's patience.
 * @internal
 */
export function readPollPacing(settings: ResolvedZenlayerEipSettings, options: WaitOptions = {}): PollPacing {
  return {
    intervalMs: options.pollIntervalMs ?? settings.pollIntervalMs,
    maxIntervalMs: options.maxPollIntervalMs ?? settings.maxPollIntervalMs,
    notFoundPolls: settings.notFoundPolls,
  };
}
