import {
  IpAllocatorError,
  readHttpResponse,
  sendHttpRequest,
  type AttemptContext,
  type Dispatcher,
  type HttpRequest,
  type Redactor,
  type ResponseDeclaration,
} from "@polycloud/core";

/** The provider name the tagging cloud's adapter reports. */
export const TAGGING_CLOUD_PROVIDER = "tagging-cloud";

/** Where and how {@link sendTaggingCloudRequest} talks to the tagging cloud. */
export interface TaggingCloudConnection {
  endpoint: string;
  token: string;
  dispatcher: Dispatcher;
  /** Masks the token in what hooks and errors show. */
  redactor: Redactor;
  /** The `ignoreRetryAfter` breakage: errors lose the server's Retry-After. */
  ignoreRetryAfter: boolean;
}

const DECLARATION: ResponseDeclaration = {
  provider: TAGGING_CLOUD_PROVIDER,
  label: "Tagging cloud",
  requestIdHeader: "x-request-id",
  parseError: (json) => {
    const error = (json as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof error?.code === "string"
      ? { providerCode: error.code, message: typeof error.message === "string" ? error.message : undefined }
      : undefined;
  },
  classify: (answer) =>
    answer.providerCode === "AuthFailure"
      ? { code: "UNAUTHENTICATED" }
      : answer.providerCode === "NotFound"
        ? { code: "NOT_FOUND" }
        : undefined,
};

/** One attempt of one wire call: sign (a bearer token here), send, read the answer with core's handler. */
export async function sendTaggingCloudRequest<T>(
  connection: TaggingCloudConnection,
  context: AttemptContext,
  action: string,
  method: HttpRequest["method"],
  path: string,
  body: unknown,
  parse: (json: unknown) => T | undefined,
): Promise<T> {
  const { endpoint, token, dispatcher, redactor } = connection;
  const request: HttpRequest = {
    method,
    url: `${endpoint}${path}`,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  const response = await sendHttpRequest(request, {
    dispatcher,
    provider: TAGGING_CLOUD_PROVIDER,
    operation: context.operation,
    attempt: context.attempt,
    signal: context.signal,
    hooks: context.hooks,
    redactor,
    requestIdHeader: "x-request-id",
  });
  try {
    return readHttpResponse(response, DECLARATION, { operation: context.operation, action, redactor }, parse);
  } catch (thrown) {
    if (connection.ignoreRetryAfter && IpAllocatorError.isInstance(thrown))
      throw new IpAllocatorError({ ...thrown.toOptions(), retryAfterMs: undefined });
    throw thrown;
  }
}
