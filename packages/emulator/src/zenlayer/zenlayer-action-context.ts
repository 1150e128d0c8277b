import type { ActionParameters } from "./parse-action-parameters.js";
import type { ResolvedZenlayerOptions } from "./resolve-zenlayer-options.js";
import type { AccountRecord, ZenlayerStore } from "./zenlayer-store.js";

/** What an action handler sees of one authenticated request. */
export interface ZenlayerActionContext {
  store: ZenlayerStore;
  /** The caller's account. */
  account: AccountRecord;
  /** Emulator clock at the time the request is processed (ms). */
  now: number;
  settings: ResolvedZenlayerOptions;
  /** The X-ZC-Action, recorded with every state change. */
  action: string;
  /** Next value of the lifecycle PRNG (CREATE_FAILED draws), independent of request ids and faults. */
  drawLifecycleRandom: () => number;
}

/** Runs one action against the store and returns the fields of `response` (without `requestId`). */
export type ZenlayerActionHandler = (
  parameters: ActionParameters,
  context: ZenlayerActionContext,
) => Record<string, unknown>;
