// Child-process entry of the cold-start table: one fresh Node process per run. Argument 1 names the scenario,
// argument 2 the fixed-response server's endpoint. Everything heavy is imported dynamically *after* the first
// timestamp, so each step is measured; times are `performance.now()`, i.e. milliseconds since this process
// started (performance.timeOrigin). Prints one JSON line: { scenario, steps: [{ label, atMs }] }.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const scenario = process.argv[2] ?? "";
const endpoint = process.argv[3] ?? "";
const steps: Array<{ label: string; atMs: number }> = [{ label: "script start", atMs: performance.now() }];
const mark = (label: string) => steps.push({ label, atMs: performance.now() });
const credentials = { accessKeyId: "polycloud-test-key-id", accessKeySecret: "polycloud-test-key-secret" };

/**
 * The ESM entry of a dependency of @polycloud/core as core itself would import it (exports "import"
 * condition, else main), so import costs of zod are measured on the very files core loads.
 */
function resolveCoreDependency(name: string): string {
  const coreDirectory = dirname(dirname(fileURLToPath(import.meta.resolve("@polycloud/core"))));
  const packageDirectory = join(coreDirectory, "node_modules", name);
  const manifest = JSON.parse(readFileSync(join(packageDirectory, "package.json"), "utf8")) as {
    exports?: unknown;
    main?: string;
  };
  let entry: unknown =
    typeof manifest.exports === "object" && manifest.exports !== null && "." in manifest.exports
      ? (manifest.exports as Record<string, unknown>)["."]
      : manifest.exports;
  while (typeof entry === "object" && entry !== null) {
    const conditions = entry as Record<string, unknown>;
    entry = conditions.import ?? conditions.node ?? conditions.default;
  }
  return pathToFileURL(join(packageDirectory, typeof entry === "string" ? entry : (manifest.main ?? "index.js"))).href;
}

const SCENARIOS: Record<string, () => Promise<void>> = {
  async "node-only"() {},
  async "bare-undici"() {
    const { request } = await import("undici");
    mark("imported");
    const response = await request(`${endpoint}/?Format=JSON&InstanceId=i-polycloud0001&RegionId=cn-hangzhou`, {
      method: "POST",
      headers: { "x-acs-action": "AllocatePublicIpAddress" },
    });
    await response.body.json();
    mark("first allocate done");
  },
  async polycloud() {
    const { createAlibabaEcsAllocator } = await import("@polycloud/alibaba-ecs");
    mark("imported");
    const allocator = createAlibabaEcsAllocator({ region: "cn-hangzhou", endpoint, credentials });
    mark("created");
    await allocator.allocate({ location: { region: "cn-hangzhou" }, instanceId: "i-polycloud0001" });
    mark("first allocate done");
  },
  async sdk() {
    const ecs = await import("@alicloud/ecs20140526");
    const { Config } = await import("@alicloud/openapi-core/dist/utils.js");
    mark("imported");
    const client = new ecs.default.default(
      new Config({ ...credentials, regionId: "cn-hangzhou", endpoint: new URL(endpoint).host, protocol: "http" }),
    );
    mark("created");
    await client.allocatePublicIpAddress(new ecs.AllocatePublicIpAddressRequest({ instanceId: "i-polycloud0001" }));
    mark("first allocate done");
  },
  async "import-core"() {
    await import("@polycloud/core");
    mark("imported");
  },
  async "import-core-alibaba"() {
    await import("@polycloud/core");
    await import("@polycloud/alibaba-ecs");
    mark("imported");
  },
  async "import-sdk"() {
    await import("@alicloud/ecs20140526");
    await import("@alicloud/openapi-core/dist/utils.js");
    mark("imported");
  },
  // Each eager dependency in the order core's graph needs it; each step's cost is what it adds. The last step,
  // the DI entry (tsyringe + reflect-metadata), is not on the first call's path: only DI users pay it.
  async "import-breakdown"() {
    await import("undici");
    mark("undici");
    await import(resolveCoreDependency("zod"));
    mark("zod");
    await import("@polycloud/core");
    mark("@polycloud/core (own modules)");
    await import("@polycloud/alibaba-ecs");
    mark("@polycloud/alibaba-ecs (own modules)");
    await import("@polycloud/core/di");
    await import("@polycloud/alibaba-ecs/di");
    mark("DI entries: tsyringe + reflect-metadata (DI users only)");
  },
};

const run = SCENARIOS[scenario];
if (run === undefined) {
  process.stderr.write(`unknown scenario "${scenario}"; one of ${Object.keys(SCENARIOS).join(", ")}\n`);
  process.exit(2);
}
await run();
process.stdout.write(`${JSON.stringify({ scenario, steps })}\n`);
// Exit at once: an open keep-alive socket must not add its idle timeout to the wall time.
process.exit(0);
