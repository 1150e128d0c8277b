import type { HttpRequest } from "@polycloud/core";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import { EC2_API_VERSION } from "./aws-ec2-settings.js";

/** Content type of every Query API request. @public */
export const EC2_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

/** The key material SigV4 needs (a session token is sent as `X-Amz-Security-Token`). @public */
export interface AwsSigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Scope of one signature: where, as whom, and when (epoch ms; becomes `X-Amz-Date`). @public */
export interface SigV4Scope {
  region: string;
  service: string;
  credentials: AwsSigningCredentials;
  now: number;
}

const sha256 = Hash.bind(null, "sha256");

/**
 * Signs `request` with AWS Signature Version 4 (`@smithy/signature-v4`, the AWS SDK's own signer): adds
 * `x-amz-date`, `x-amz-security-token` when there is one, and `authorization`, over every header given
 * (`host` is added from the URL when missing) and the exact body bytes. No `x-amz-content-sha256` (EC2 does
 * not need it). Pure apart from hashing.
 * @public
 */
export async function signSigV4(request: HttpRequest, scope: SigV4Scope): Promise<HttpRequest> {
  const url = new URL(request.url);
  const signer = new SignatureV4({
    service: scope.service,
    region: scope.region,
    credentials: scope.credentials,
    sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { host: url.host, ...request.headers },
      body: request.body,
    },
    { signingDate: new Date(scope.now) },
  );
  return { ...request, headers: signed.headers };
}

/** `Action=…&Version=2016-11-15&…`: the Query API body, RFC 3986 percent-encoded, parameters in the order given. @public */
export function encodeEc2QueryBody(action: string, parameters: Readonly<Record<string, string>>): string {
  let body = `Action=${percentEncode(action)}&Version=${EC2_API_VERSION}`;
  for (const [name, value] of Object.entries(parameters)) body += `&${percentEncode(name)}=${percentEncode(value)}`;
  return body;
}

function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** One EC2 Query API request, signed for service `ec2`: `POST /` on the endpoint with the form body. @public */
export function signAwsEc2Request(input: {
  endpoint: URL;
  action: string;
  parameters: Readonly<Record<string, string>>;
  region: string;
  credentials: AwsSigningCredentials;
  now: number;
}): Promise<HttpRequest> {
  const request: HttpRequest = {
    method: "POST",
    url: `${input.endpoint.origin}/`,
    headers: { "content-type": EC2_CONTENT_TYPE },
    body: encodeEc2QueryBody(input.action, input.parameters),
  };
  return signSigV4(request, { region: input.region, service: "ec2", credentials: input.credentials, now: input.now });
}
