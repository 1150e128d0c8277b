import { codeInfo, type ZenlayerErrorCodeInfo } from "./zenlayer-error-code-info.js";

/** Codes of the official SDKs and of Zenlayer's Terraform provider. */
export const ZENLAYER_SDK_ERROR_CODES = Object.freeze({
  REQUEST_LIMIT_EXCEEDED: codeInfo(
    429,
    "documented",
    "official-sdk",
    "official SDKs' rate-limit retry (Go ratelimitretry.go, Python/Java AbstractClient)",
    "rate limit per access key exceeded; throttle fault",
  ),
  SECURITY_CHALLENGE: codeInfo(
    403,
    "documented",
    "official-sdk",
    "Python/Java SDKs synthesise it from HTTP 403 + cf-mitigated: challenge",
    "fault rule only",
  ),
  REQUEST_BLOCKED: codeInfo(
    451,
    "documented",
    "official-sdk",
    "Python/Java SDKs synthesise it from HTTP 451",
    "fault rule only",
  ),
  INVALID_OPERATION_TIMEOUT: codeInfo(
    504,
    "chosen",
    "terraform",
    "Terraform resource_zc_bmc_eip.go retries it on Allocate",
    "fault rule only",
  ),
  INVALID_RESOURCE_NOT_FOUND: codeInfo(
    404,
    "chosen",
    "terraform",
    "Terraform: the older code of OPERATION_FAILED_RESOURCE_NOT_FOUND",
    "fault rule only (the emulator answers the current code)",
  ),
} satisfies Record<string, ZenlayerErrorCodeInfo>);
