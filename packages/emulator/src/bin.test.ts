import { execFile, spawn, type ChildProcessByStdio } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callV3 } from "./alibaba/__fixtures__/alibaba-test-client.js";
import { formatAmzDate, signSigV4Request } from "./aws/sign-sigv4-request.js";
import { parseCliArguments } from "./parse-cli-arguments.js";

const packageDirectory = fileURLToPath(new URL("..", import.meta.url));
const binPath = join(packageDirectory, "bin", "polycloud-emulator.js");
const run = promisify(execFile);
let directory: string;

beforeAll(async () => {
  // The bin imports dist/bin.js: build first (incremental, so cheap when up to date).
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  await run(process.execPath, [tsc, "-b"], { cwd: packageDirectory });
  directory = await mkdtemp(join(tmpdir(), "polycloud-emulator-bin-"));
}, 60_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

type EmulatorProcess = ChildProcessByStdio<null, Readable, Readable>;

function spawnBin(args: string[]): EmulatorProcess {
  return spawn(process.execPath, [binPath, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

function readFirstLine(child: EmulatorProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const newline = buffered.indexOf("\n");
      if (newline >= 0) resolve(buffered.slice(0, newline));
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

/** A port that was free a moment ago (the OS picks it, then it is released for the bin to take). */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

function waitForExit(child: EmulatorProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

describe("polycloud-emulator bin", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "prints one JSON line with every endpoint, serves, and exits 0 on %s",
    async (signal) => {
      const child = spawnBin(["--random-seed", "3"]);
      const exited = waitForExit(child);
      const line = await readFirstLine(child);
      const endpoints = JSON.parse(line) as {
        alibaba: { endpoint: string };
        zenlayer: { endpoint: string };
        aws: { endpoint: string };
      };
      expect(Object.keys(endpoints)).toEqual(["alibaba", "zenlayer", "aws"]);
      expect(endpoints.alibaba.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(endpoints.zenlayer.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(endpoints.aws.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await callV3(endpoints.alibaba.endpoint, "AllocatePublicIpAddress", {
        InstanceId: "i-polycloud0001",
      });
      expect(response.json["IpAddress"]).toMatch(/^47\.96\./);
      child.kill(signal);
      const { code, stdout } = await exited;
      expect(code).toBe(0);
      expect(stdout.trim().split("\n")).toHaveLength(1);
    },
  );

  it("prints help and exits 0", async () => {
    const { stdout } = await run(process.execPath, [binPath, "--help"]);
    expect(stdout).toContain("--seed-file");
    expect(stdout).toContain("--allow-non-loopback");
    expect(stdout).toContain("--aws-port");
  });

  it("serves the AWS endpoint on --aws-port with an aws seed from --seed-file", async () => {
    const seedPath = join(directory, "aws-seed.json");
    await writeFile(
      seedPath,
      JSON.stringify({
        aws: {
          regions: ["us-west-2"],
          accounts: [
            {
              accountId: "123456789012",
              credentials: [{ accessKeyId: "AKIABIN0000000000001", secretAccessKey: "bin-secret" }],
            },
          ],
        },
      }),
    );
    const port = await findFreePort();
    const child = spawnBin(["--aws-port", String(port), "--seed-file", seedPath]);
    const exited = waitForExit(child);
    const endpoints = JSON.parse(await readFirstLine(child)) as { aws: { endpoint: string } };
    expect(endpoints.aws.endpoint).toBe(`http://127.0.0.1:${port}`);
    const amzDate = formatAmzDate(Date.now());
    const body = "Action=DescribeAddresses&Version=2016-11-15";
    const signed = signSigV4Request({
      method: "POST",
      url: `${endpoints.aws.endpoint}/`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      accessKeyId: "AKIABIN0000000000001",
      secretAccessKey: "bin-secret",
      region: "us-west-2",
      amzDate,
    });
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(`${endpoints.aws.endpoint}/`, { method: "POST", headers, body });
    expect([response.status, await response.text()]).toEqual([200, expect.stringContaining("<addressesSet/>")]);
    child.kill("SIGTERM");
    expect((await exited).code).toBe(0);
  });

  it("fails with a clear message on a non-loopback host, a bad seed file or a bad flag", async () => {
    const nonLoopback = await waitForExit(spawnBin(["--host", "0.0.0.0"]));
    expect(nonLoopback.code).toBe(1);
    expect(nonLoopback.stderr).toContain("--allow-non-loopback");
    const seedPath = join(directory, "bad-seed.json");
    await writeFile(
      seedPath,
      JSON.stringify({
        alibaba: {
          regionId: "r",
          accounts: [],
          instances: [{ instanceId: "i", status: "Gone", internetMaxBandwidthOut: 0 }],
        },
      }),
    );
    const badSeed = await waitForExit(spawnBin(["--seed-file", seedPath]));
    expect(badSeed.code).toBe(1);
    expect(badSeed.stderr).toContain("alibaba.instances[0].status");
    const badFlag = await waitForExit(spawnBin(["--alibaba-port", "http"]));
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("--alibaba-port");
  });
});

describe("parseCliArguments", () => {
  it("parses every flag", () => {
    expect(
      parseCliArguments([
        "--host",
        "::1",
        "--alibaba-port",
        "8080",
        "--zenlayer-port",
        "0",
        "--aws-port",
        "4510",
        "--seed-file",
        "s.json",
        "--random-seed",
        "12",
        "--allow-non-loopback",
      ]),
    ).toEqual({
      help: false,
      host: "::1",
      alibabaPort: 8080,
      zenlayerPort: 0,
      awsPort: 4510,
      seedFile: "s.json",
      randomSeed: 12,
      allowNonLoopback: true,
    });
    expect(parseCliArguments([])).toMatchObject({
      help: false,
      host: undefined,
      alibabaPort: undefined,
      allowNonLoopback: false,
    });
    expect(() => parseCliArguments(["--alibaba-port", "70000"])).toThrow(/--alibaba-port/);
    expect(() => parseCliArguments(["--aws-port", "-1"])).toThrow();
    expect(() => parseCliArguments(["--unknown"])).toThrow();
  });
});
