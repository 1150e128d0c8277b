import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One IP as the tagging cloud stores and returns it. */
export interface TaggingCloudIp {
  id: string;
  address: string;
  zone: string;
  tags: Record<string, string>;
  status: "ACTIVE" | "RELEASED";
}

/**
 * A tiny loopback HTTP "cloud" for the kit's own tests, shaped like the clouds that make idempotency hard: its
 * allocate has no idempotency token and bills at once, so an adapter can only tag what it allocates and find it
 * again by tag. Bearer-token auth, JSON, in-memory state, hang injection.
 */
export interface TaggingCloud {
  readonly url: string;
  /** Allocate requests the cloud processed (each one billed). */
  readonly allocations: number;
  /** IPs allocated and not released. */
  readonly live: number;
  /** The next request for `operation` that arrives is never answered (closing the cloud ends it). */
  hangNext(operation: "allocate" | "describe"): void;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown };
type Operation = "allocate" | "list" | "describe" | "release";

const NOT_FOUND = (id: string): Reply => ({
  status: 404,
  body: { error: { code: "NotFound", message: `No IP ${id}.` } },
});

/**
 * Starts the cloud on a free loopback port. Routes: `POST /ips` allocates `{ zone, count, tags }`;
 * `GET /ips?tag=<key>=<value>` lists live IPs carrying that tag, oldest first; `GET /ips/<id>` describes one
 * (released ones too); `POST /ips/<id>/release` releases one (again: no-op). Only `Bearer <token>` is accepted.
 */
export async function startTaggingCloud(options: { token: string }): Promise<TaggingCloud> {
  const ips = new Map<string, TaggingCloudIp>();
  const hanging = new Set<string>();
  let allocations = 0;
  let nextHost = 1;

  const allocate = (body: { zone: string; count: number; tags: Record<string, string> }): Reply => {
    const created = Array.from(
      { length: body.count },
      (): TaggingCloudIp => ({
        id: `tc-${randomUUID()}`,
        address: `198.51.100.${nextHost++}`,
        zone: body.zone,
        tags: { ...body.tags },
        status: "ACTIVE",
      }),
    );
    // A Map iterates in insertion order, which makes listings oldest first.
    for (const ip of created) ips.set(ip.id, ip);
    allocations += 1;
    return { status: 200, body: { ips: created } };
  };

  const list = (tag: string): Reply => {
    const separator = tag.indexOf("=");
    const [key, value] = [tag.slice(0, separator), tag.slice(separator + 1)];
    return {
      status: 200,
      body: {
        ips: [...ips.values()].filter((ip) => ip.status === "ACTIVE" && separator > 0 && ip.tags[key] === value),
      },
    };
  };

  const handle = (operation: Operation, id: string, url: URL, body: string): Reply => {
    if (operation === "allocate") return allocate(JSON.parse(body));
    if (operation === "list") return list(url.searchParams.get("tag") ?? "");
    const ip = ips.get(id);
    if (ip === undefined) return NOT_FOUND(id);
    if (operation === "release") ip.status = "RELEASED";
    return { status: 200, body: { ip } };
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://tagging-cloud");
      const [, , encodedId = "", action] = url.pathname.split("/");
      const operation: Operation =
        request.method === "GET"
          ? encodedId === ""
            ? "list"
            : "describe"
          : action === "release"
            ? "release"
            : "allocate";
      if (hanging.delete(operation)) return;
      const reply: Reply =
        request.headers.authorization !== `Bearer ${options.token}`
          ? { status: 401, body: { error: { code: "AuthFailure", message: "The bearer token is not valid." } } }
          : handle(operation, decodeURIComponent(encodedId), url, Buffer.concat(chunks).toString("utf8"));
      response.writeHead(reply.status, { "content-type": "application/json", "x-request-id": randomUUID() });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get allocations() {
      return allocations;
    },
    get live() {
      return [...ips.values()].filter((ip) => ip.status === "ACTIVE").length;
    },
    hangNext: (operation) => void hanging.add(operation),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
