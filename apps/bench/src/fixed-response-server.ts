// Child-process entry: a node:http server that answers every ECS RPC call with a canned JSON body, without
// verifying anything. It runs in its own process so its CPU time never counts against the client measured.
// Prints `{"endpoint":"http://127.0.0.1:PORT"}` once listening; exits on SIGTERM or when stdin closes.
import { createServer, type IncomingMessage } from "node:http";

/** The canned answers, by ECS action (what a Running instance without a public IP would answer). */
const CANNED_ANSWERS: Readonly<Record<string, string>> = {
  AllocatePublicIpAddress: JSON.stringify({
    RequestId: "5F3E4B0C-0000-4000-8000-000000000001",
    IpAddress: "47.96.10.20",
  }),
  DescribeInstanceAttribute: JSON.stringify({
    RequestId: "5F3E4B0C-0000-4000-8000-000000000002",
    InstanceId: "i-polycloud0001",
    Status: "Running",
    RegionId: "cn-hangzhou",
    ZoneId: "cn-hangzhou-h",
    InstanceNetworkType: "vpc",
    InternetMaxBandwidthOut: 5,
    PublicIpAddress: { IpAddress: [] },
    EipAddress: { AllocationId: "", IpAddress: "" },
  }),
};

const UNKNOWN_ACTION = JSON.stringify({
  RequestId: "5F3E4B0C-0000-4000-8000-000000000003",
  Code: "InvalidAction.NotFound",
  Message: "Specified api is not found.",
});

/** The action of a V3 (`x-acs-action`) or V1 (`Action=` in query or form body) request. */
function readAction(request: IncomingMessage, body: string): string | undefined {
  const header = request.headers["x-acs-action"];
  if (typeof header === "string") return header;
  const query = new URL(request.url ?? "/", "http://localhost").searchParams.get("Action");
  return query ?? new URLSearchParams(body).get("Action") ?? undefined;
}

const server = createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => (body += chunk));
  request.on("end", () => {
    const answer = CANNED_ANSWERS[readAction(request, body) ?? ""];
    response.writeHead(answer === undefined ? 404 : 200, {
      "content-type": "application/json;charset=utf-8",
      "x-acs-request-id": "5F3E4B0C-0000-4000-8000-000000000000",
    });
    response.end(answer ?? UNKNOWN_ACTION);
  });
});
// Keep idle sockets longer than any client's keep-alive so the server never races a reused connection.
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ endpoint: `http://127.0.0.1:${port}` })}\n`);
});
const stop = () => server.close(() => process.exit(0)).closeAllConnections();
process.on("SIGTERM", stop);
// The parent holds stdin open; if it dies without signalling, the server does not outlive it.
process.stdin.on("end", stop).resume();
