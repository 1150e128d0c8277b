import { codeInfo, type ZenlayerErrorCodeInfo } from "./zenlayer-error-code-info.js";

/** Codes with no official equivalent found: kept, and marked as assumptions (`reference` says why). */
export const ZENLAYER_ASSUMED_ERROR_CODES = Object.freeze({
  AUTHFAILURE_INVALID_TOKEN: codeInfo(
    401,
    "chosen",
    "assumption",
    "assumption: the common list has no code for an unknown Bearer token",
    "the Bearer token is unknown",
  ),
  INVALID_VERSION: codeInfo(
    400,
    "chosen",
    "assumption",
    "assumption: no official code for an unsupported X-ZC-Version",
    "X-ZC-Version is missing or not 2022-11-20 / 2026-02-01",
  ),
  INVALID_REQUEST_BODY: codeInfo(
    400,
    "chosen",
    "assumption",
    "assumption: no official code for a body that is not JSON",
    "the body is not valid UTF-8 JSON",
  ),
  REQUEST_BODY_TOO_LARGE: codeInfo(
    413,
    "chosen",
    "assumption",
    "assumption: no official body limit or code",
    "the body exceeds maxBodyBytes",
  ),
  INVALID_REQUEST_PATH: codeInfo(
    404,
    "chosen",
    "assumption",
    "assumption: no official code for a wrong path",
    "any path other than /api/v2/bmc",
  ),
  INVALID_HTTP_METHOD: codeInfo(
    405,
    "chosen",
    "assumption",
    "assumption: no official code for a method other than POST",
    "any method other than POST",
  ),
  OPERATION_DENIED_INSUFFICIENT_BALANCE: codeInfo(
    403,
    "chosen",
    "assumption",
    "assumption: seed 002 says Allocate fails on an insufficient balance but names no code",
    "PREPAID cost above the balance, or POSTPAID with a balance of 0 or less",
  ),
} satisfies Record<string, ZenlayerErrorCodeInfo>);
