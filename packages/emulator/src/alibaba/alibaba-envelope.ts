import { randomUUID } from "node:crypto";
import type { EmulatorReply } from "../shared/http-exchange.js";
import { lookupAlibabaError } from "./alibaba-error-codes.js";

/** An API failure raised while handling a request; turned into the cloud's error envelope. */
export class AlibabaApiError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly headers: Record<string, string> | undefined;

  /** Message and status default to the catalogue entry of `code`. */
  constructor(code: string, message?: string, httpStatus?: number, headers?: Record<string, string>) {
    const known = lookupAlibabaError(code);
    super(message ?? known.message);
    this.name = "AlibabaApiError";
    this.code = code;
    this.httpStatus = httpStatus ?? known.httpStatus;
    this.headers = headers;
  }
}

/** The error `action`'s docs give for `code` (status and message can differ between actions, e.g. `OperationDenied`). */
export function actionError(action: string, code: string): AlibabaApiError {
  const known = lookupAlibabaError(code, action);
  return new AlibabaApiError(code, known.message, known.httpStatus);
}

/** `MissingParameter` naming the absent parameter, as ECS words it. */
export function missingParameter(name: string): AlibabaApiError {
  return new AlibabaApiError(
    "MissingParameter",
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

/** `InvalidParameter` naming the parameter whose value is not acceptable. */
export function invalidParameter(name: string): AlibabaApiError {
  return new AlibabaApiError("InvalidParameter", `The specified parameter "${name}" is not valid.`);
}

/** A RequestId in the cloud's format: an upper-case UUID. */
export function createRequestId(): string {
  return randomUUID().toUpperCase();
}

/** Success envelope: `{ RequestId, ...fields }` with HTTP 200 and the `x-acs-request-id` header. */
export function buildSuccessReply(requestId: string, fields: Record<string, unknown>): EmulatorReply {
  return { status: 200, body: { RequestId: requestId, ...fields }, headers: { "x-acs-request-id": requestId } };
}

/** Error envelope `{ RequestId, HostId, Code, Message, Recommend }` with the published HTTP status. */
export function buildErrorReply(requestId: string, hostId: string, error: AlibabaApiError): EmulatorReply {
  return {
    status: error.httpStatus,
    body: {
      RequestId: requestId,
      HostId: hostId,
      Code: error.code,
      Message: error.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Ecs&requestId=${requestId}`,
    },
    headers: { ...error.headers, "x-acs-request-id": requestId },
  };
}
