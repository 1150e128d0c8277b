import { AWS_ERROR_CODES, type AwsErrorCode } from "./aws-error-codes.js";

/** An EC2 API failure, answered in the XML error envelope with its HTTP status. */
export class AwsApiError extends Error {
  readonly code: string;
  readonly httpStatus: number;

  /** Message and status default to the table entry of `code`; unknown codes (fault rules) default to 400. */
  constructor(code: string, message?: string, httpStatus?: number) {
    const known = Object.hasOwn(AWS_ERROR_CODES, code) ? AWS_ERROR_CODES[code as AwsErrorCode] : undefined;
    super(message ?? known?.message ?? `The request failed with ${code}.`);
    this.name = "AwsApiError";
    this.code = code;
    this.httpStatus = httpStatus ?? known?.httpStatus ?? 400;
  }
}

/** `MissingParameter` naming the absent parameter. */
export function missingParameter(name: string): AwsApiError {
  return new AwsApiError("MissingParameter", `The request must contain the parameter ${name}`);
}

/** `InvalidParameterValue` for `value` of parameter `name`, with an optional reason. */
export function invalidParameterValue(name: string, value: string, reason?: string): AwsApiError {
  return new AwsApiError(
    "InvalidParameterValue",
    `Value (${value}) for parameter ${name} is invalid.${reason === undefined ? "" : ` ${reason}`}`,
  );
}
