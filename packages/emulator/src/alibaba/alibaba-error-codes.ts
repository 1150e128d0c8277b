import { ALIBABA_ERROR_CATALOGUE, findCatalogueEntry } from "./alibaba-error-catalogue.js";

/** HTTP status and default message of an Alibaba error code. */
export interface AlibabaErrorDefinition {
  httpStatus: number;
  message: string;
}

/**
 * One error code of the `AllocatePublicIpAddress` error tables in the seed documents, with its HTTP status.
 * Adapter tests iterate these to inject each one with an `error-code` fault rule.
 */
export interface AlibabaSeedErrorCode {
  code: string;
  httpStatus: number;
  message: string;
  /** How the emulator produces it from state alone; undefined when only an `error-code` fault rule produces it. */
  stateTrigger?: string;
}

/**
 * Every error code listed for `AllocatePublicIpAddress` in the seed documents (000, 001, 003), with the seeds' HTTP
 * status: the AllocatePublicIpAddress part of {@link ALIBABA_ERROR_CATALOGUE}. All are producible with
 * `{ provider: "alibaba", kind: "error-code", code }` (status and message default to these); those with a
 * `stateTrigger` also arise from state.
 */
export const ALIBABA_SEED_ERROR_CODES: readonly AlibabaSeedErrorCode[] = ALIBABA_ERROR_CATALOGUE.filter(
  (entry) => entry.action === "AllocatePublicIpAddress",
).map(({ code, httpStatus, message, trigger }) => ({
  code,
  httpStatus,
  message,
  ...(trigger === "fault rule only" ? {} : { stateTrigger: trigger }),
}));

/**
 * Status and message for a code the emulator knows, as `action`'s docs give them when they differ; unknown codes
 * (fault rules may name any) default to 400 with a generic message.
 */
export function lookupAlibabaError(code: string, action?: string): AlibabaErrorDefinition {
  const entry = findCatalogueEntry(code, action);
  return entry === undefined
    ? { httpStatus: 400, message: `The request failed with ${code}.` }
    : { httpStatus: entry.httpStatus, message: entry.message };
}
