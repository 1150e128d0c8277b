import { ZENLAYER_ASSUMED_ERROR_CODES } from "./zenlayer-assumed-error-codes.js";
import { ZENLAYER_COMMON_ERROR_CODES } from "./zenlayer-common-error-codes.js";
import { ZENLAYER_EIP_ERROR_CODES } from "./zenlayer-eip-error-codes.js";
import type { ZenlayerErrorCodeInfo } from "./zenlayer-error-code-info.js";
import { ZENLAYER_SDK_ERROR_CODES } from "./zenlayer-sdk-error-codes.js";

export type {
  ZenlayerErrorCodeInfo,
  ZenlayerErrorSourceKind,
  ZenlayerStatusSource,
} from "./zenlayer-error-code-info.js";

/**
 * Every error code the Zenlayer emulator can answer, its HTTP status and where it comes from. Adapter tests
 * walk it: each code is produced by state or, failing that, by an `error-code` fault rule with this status.
 * The README's "Zenlayer error codes and their sources" table is checked against it by a test.
 * The parts are spread in this order because the README table follows the catalogue's key order.
 */
export const ZENLAYER_ERROR_CODES = Object.freeze({
  ...ZENLAYER_COMMON_ERROR_CODES,
  ...ZENLAYER_SDK_ERROR_CODES,
  ...ZENLAYER_EIP_ERROR_CODES,
  ...ZENLAYER_ASSUMED_ERROR_CODES,
} satisfies Record<string, ZenlayerErrorCodeInfo>);

/** A code listed in {@link ZENLAYER_ERROR_CODES}. */
export type ZenlayerErrorCode = keyof typeof ZENLAYER_ERROR_CODES;
