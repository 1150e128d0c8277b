// A loopback HTTP server in front of an emulator that plays a server echoing credentials back: it forwards each
// request byte for byte (the signature still verifies) and writes the configured secrets, the request's
// Authorization header and its signature into every request-id field and header of the answer — whole,
// URL-encoded, base64 as `id:secret`, and split in halves across two fields. In `error` mode it answers the
// provider's own error envelope instead, with the echoes in every field (Alibaba RequestId, HostId, Recommend,
// AccessDeniedDetail, Message; Zenlayer requestId, message; AWS RequestID, Message) and, with `echoInCode`, in
// the error code too. Only the far side of the wire is played: the adapters, core and the CLI are the real code.
import { Buffer } from "node:buffer";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The wire dialect the proxy echoes in. */
export type EchoDialect = "alibaba" | "zenlayer" | "aws";

/** What the proxy answers: the emulator's answer with echoed request ids, or an echoing error envelope. */
export type EchoMode = "success" | "error" | "error-code";

/** The credentials a server could echo: the configured access key id (for `id:secret`), secret and token. */
export interface EchoedCredentials {
  accessKeyId: string;
  secret: string;
  token?: string;
}

/** A running echoing proxy. */
export interface EchoingProxy {
  endpoint: string;
  mode: EchoMode;
  /** Every signature the proxy saw (Authorization `Signature=`, `Signature` parameters): none may be shown. */
  readonly signatures: string[];
  /** Every Authorization header value the proxy saw. */
  readonly authorizations: string[];
  close(): Promise<void>;
}

const REQUEST_ID_HEADERS: Record<EchoDialect, string> = {
  alibaba: "x-acs-request-id",
  zenlayer: "x-zc-request-id",
  aws: "x-amzn-requestid",
};

/** Starts the proxy on 127.0.0.1 (port 0) in front of `target` (an emulator endpoint). */
export async function startEchoingProxy(options: {
  target: string;
  dialect: EchoDialect;
  credentials: EchoedCredentials;
  mode: EchoMode;
}): Promise<EchoingProxy> {
  const target = new URL(options.target);
  const signatures: string[] = [];
  const authorizations: string[] = [];
  const proxy: EchoingProxy = {
    endpoint: "",
    mode: options.mode,
    signatures,
    authorizations,
    close: async () => undefined,
  };
  const server = createServer((incoming, outgoing) => {
    void readBody(incoming)
      .then(async (body) => {
        const authorization = incoming.headers.authorization ?? "";
        if (authorization !== "") authorizations.push(authorization);
        const requestSignatures = findSignatures(authorization, incoming.url ?? "", body);
        signatures.push(...requestSignatures);
        const echoes = createEchoes(
          selectSentCredentials(options.dialect, options.credentials, authorization),
          authorization,
          requestSignatures.join(" "),
        );
        if (proxy.mode !== "success")
          return answerError(outgoing, options.dialect, echoes, proxy.mode === "error-code");
        const answer = await forward(target, incoming, body);
        const rewritten = echoRequestIds(answer.body, echoes.first);
        outgoing.writeHead(answer.status, {
          ...answer.headers,
          "content-length": String(Buffer.byteLength(rewritten)),
          [REQUEST_ID_HEADERS[options.dialect]]: echoes.header,
        });
        outgoing.end(rewritten);
      })
      .catch((thrown: unknown) => {
        outgoing.writeHead(502, { "content-type": "text/plain" });
        outgoing.end(`proxy failure: ${String(thrown)}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/**
 * The credentials this request was sent with: a Zenlayer client holds a key pair or a Bearer token, never both, so
 * a server can only echo the one it was given (Alibaba and AWS send secret-derived signatures and the token together).
 */
function selectSentCredentials(
  dialect: EchoDialect,
  credentials: EchoedCredentials,
  authorization: string,
): EchoedCredentials {
  if (dialect !== "zenlayer") return credentials;
  return authorization.startsWith("Bearer ")
    ? { accessKeyId: "", secret: credentials.token ?? "" }
    : { accessKeyId: credentials.accessKeyId, secret: credentials.secret };
}

/** The echo texts: whole values, encoded forms, and the secret split across two fields. */
interface Echoes {
  first: string;
  second: string;
  header: string;
  whole: string;
}

function createEchoes(credentials: EchoedCredentials, authorization: string, signature: string): Echoes {
  const { accessKeyId, secret, token = "" } = credentials;
  const half = Math.ceil(secret.length / 2);
  const basic = Buffer.from(`${accessKeyId}:${secret}`).toString("base64");
  const whole = `secret ${secret} token ${token} authorization ${authorization} signature ${signature} encoded ${encodeURIComponent(secret)} ${encodeURIComponent(token)} basic ${basic}`;
  return {
    whole,
    first: `${whole} first-half ${secret.slice(0, half)}`,
    second: `second-half ${secret.slice(half)} token-tail ${token.slice(-Math.ceil(token.length / 2))}`,
    // Header values must stay single-line latin1: the whole echo is.
    header: whole,
  };
}

function answerError(outgoing: ServerResponse, dialect: EchoDialect, echoes: Echoes, echoInCode: boolean): void {
  if (dialect === "aws") {
    const code = echoInCode ? `Echo.${echoes.first}` : "UnauthorizedOperation";
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(`You are not authorized. ${echoes.second} ${echoes.whole}`)}</Message></Error></Errors><RequestID>${escapeXml(echoes.first)}</RequestID></Response>`;
    outgoing.writeHead(403, { "content-type": "text/xml;charset=UTF-8", [REQUEST_ID_HEADERS.aws]: echoes.header });
    outgoing.end(xml);
    return;
  }
  const body =
    dialect === "alibaba"
      ? {
          RequestId: echoes.first,
          HostId: echoes.second,
          Code: echoInCode ? `Echo.${echoes.whole}` : "Forbidden.RAM",
          Message: `User not authorized to operate on the specified resource. ${echoes.whole}`,
          Recommend: `https://api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=Ecs&requestId=${encodeURIComponent(echoes.first)}`,
          AccessDeniedDetail: {
            AuthAction: "ecs:AllocatePublicIpAddress",
            AuthPrincipalDisplayName: echoes.second,
            EncodedDiagnosticMessage: echoes.whole,
          },
        }
      : {
          requestId: echoes.first,
          code: echoInCode ? `ECHO_${echoes.whole}` : "AUTHFAILURE_UNAUTHORIZED_OPERATION",
          message: `Unauthorized operation. ${echoes.second} ${echoes.whole}`,
        };
  outgoing.writeHead(403, { "content-type": "application/json", [REQUEST_ID_HEADERS[dialect]]: echoes.header });
  outgoing.end(JSON.stringify(body));
}

/** Replaces every request id of an answer (JSON `RequestId` / `requestId` at any depth, XML `<requestId>`). */
function echoRequestIds(body: string, echo: string): string {
  if (body.trimStart().startsWith("<"))
    return body.replace(
      /<(requestId|RequestID)>[^<]*<\/\1>/g,
      (_match, tag: string) => `<${tag}>${escapeXml(echo)}</${tag}>`,
    );
  try {
    return JSON.stringify(JSON.parse(body), (key, value: unknown) =>
      /^request_?id$/i.test(key) && typeof value === "string" ? echo : value,
    );
  } catch {
    return body;
  }
}

function findSignatures(authorization: string, url: string, body: string): string[] {
  const found = [...authorization.matchAll(/Signature=([^,\s]+)/g)].map((match) => match[1] as string);
  for (const query of [url.split("?")[1] ?? "", body])
    for (const [name, value] of new URLSearchParams(query)) if (name === "Signature" && value !== "") found.push(value);
  return found;
}

async function forward(
  target: URL,
  incoming: IncomingMessage,
  body: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        void readBody(answer).then((text) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(answer.headers))
            if (
              typeof value === "string" &&
              name !== "content-length" &&
              name !== "transfer-encoding" &&
              name !== "connection"
            )
              headers[name] = value;
          resolve({ status: answer.statusCode ?? 502, headers, body: text });
        }, reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

function readBody(stream: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    stream.on("error", reject);
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
