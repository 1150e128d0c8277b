// Allocates N times at concurrency 8 with the alibaba-ecs adapter of the polycloud checkout at <root>, against the
// fixed-response server (a child process). Run it under callgrind with two counts: the difference is the cost of
// N allocates, start-up excluded (see README, "Regression check").
//   node apps/bench/dist/run-allocate-loop.js <root of a built checkout> <count>
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [rootArgument = ".", countArgument = "1000"] = process.argv.slice(2);
const root = pathToFileURL(`${resolve(rootArgument)}/`);
const count = Number(countArgument);
if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${countArgument}`);

const { startFixedResponseServer } = (await import(
  new URL("apps/bench/dist/start-fixed-response-server.js", root).href
)) as typeof import("./start-fixed-response-server.js");
const { createAlibabaEcsAllocator } = (await import(
  new URL("packages/alibaba-ecs/dist/index.js", root).href
)) as typeof import("@polycloud/alibaba-ecs");
const server = await startFixedResponseServer();
const allocator = createAlibabaEcsAllocator({
  region: "cn-hangzhou",
  endpoint: server.endpoint,
  credentials: { accessKeyId: "bench-key-id", accessKeySecret: "bench-key-secret" },
});
const request = { location: { region: "cn-hangzhou" }, instanceId: "i-bench0001" };
let started = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (started < count) {
      started += 1;
      await allocator.allocate(request);
    }
  }),
);
await allocator.close();
await server.close();
