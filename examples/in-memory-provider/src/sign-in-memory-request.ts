import type { HttpRequest } from "@polycloud/core";

/** Everything one request is built from. */
export interface InMemoryRequestInput {
  /** `<endpoint>/v1/<action>` */
  url: string;
  /** The JSON body, serialised once: what is signed is what is sent. */
  body: string;
  token: string;
}

/**
 * The signer: a pure function from a request to the bytes and headers on the wire. This cloud only wants a
 * Bearer token; an HMAC provider hashes `body` and a timestamp here (node:crypto only), per attempt.
 */
export function signInMemoryRequest(input: InMemoryRequestInput): HttpRequest {
  return {
    method: "POST",
    url: input.url,
    headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${input.token}` },
    body: input.body,
  };
}
