import type { EmulatorReply } from "../shared/http-exchange.js";

/** `T` + an upper-case version-4 UUID drawn from the seeded PRNG, so request ids repeat across seeded runs. */
export function createRequestId(random: () => number): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, "0"),
  ).join("");
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return `T${uuid.toUpperCase()}`;
}

/** Success: HTTP 200 `{requestId, response: {requestId, ...fields}}`. */
export function successReply(requestId: string, fields: Record<string, unknown>): EmulatorReply {
  return { status: 200, body: { requestId, response: { requestId, ...fields } } };
}

/** Failure: the HTTP status with a flat `{requestId, code, message}` and no `response` key. */
export function failureReply(requestId: string, httpStatus: number, code: string, message: string): EmulatorReply {
  return { status: httpStatus, body: { requestId, code, message } };
}
