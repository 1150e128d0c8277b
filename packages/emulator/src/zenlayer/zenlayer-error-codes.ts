import { ZENLAYER_ERROR_CODES, type ZenlayerErrorCode } from "./zenlayer-error-catalogue.js";

export {
  ZENLAYER_ERROR_CODES,
  type ZenlayerErrorCode,
  type ZenlayerErrorCodeInfo,
  type ZenlayerErrorSourceKind,
  type ZenlayerStatusSource,
} from "./zenlayer-error-catalogue.js";

/** An API failure answered as `{requestId, code, message}` with `httpStatus`. */
export class ZenlayerApiError extends Error {
  readonly code: string;
  readonly httpStatus: number;

  constructor(code: ZenlayerErrorCode, message: string) {
    super(message);
    this.name = "ZenlayerApiError";
    this.code = code;
    this.httpStatus = ZENLAYER_ERROR_CODES[code].httpStatus;
  }
}
