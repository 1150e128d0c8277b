import { execFileSync } from "node:child_process";
import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { loadConfig } from "./load-config.js";
import { locateJsonSyntaxError } from "./locate-json-syntax-error.js";

const SECRET = "s3cr3t-next-to-the-typo-9f2c";
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "polycloud-read-config-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function failureOf(promise: Promise<unknown>): Promise<IpAllocatorError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!IpAllocatorError.isInstance(thrown)) throw new Error(`expected an IpAllocatorError, got ${String(thrown)}`);
  return thrown;
}

describe("reading the configuration file safely", () => {
  it("reports a JSON typo by line and column only: the secret next to it appears nowhere", async () => {
    const path = join(directory, "typo.json");
    await writeFile(
      path,
      `{\n  "provider": "alibaba-ecs",\n  "credentials": { "accessKeySecret": "${SECRET}" "accessKeyId": "x" }\n}\n`,
    );
    const error = await failureOf(loadConfig({ path, env: {} }));
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", issues: [{ path: "config" }] });
    expect(error.message).toContain(`${path} is not valid JSON at line 3, column 70`);
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error.stack)])
      expect(text).not.toContain(SECRET);
  });

  it("refuses /dev/zero, a FIFO and a directory without reading them (nothing hangs)", async () => {
    const fifo = join(directory, "fifo.json");
    execFileSync("mkfifo", [fifo]);
    for (const path of ["/dev/zero", fifo, directory]) {
      const error = await failureOf(loadConfig({ path, env: {} }));
      expect(error.issues).toEqual([
        { path: "config", message: `${path} is not a regular file (a directory, FIFO or device is never read)` },
      ]);
    }
  }, 5_000);

  it("refuses a 50 MiB (sparse) file before reading it", async () => {
    const path = join(directory, "huge.json");
    const handle = await open(path, "w");
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    const error = await failureOf(loadConfig({ path, env: {} }));
    expect(error.issues[0]?.message).toBe(
      `${path} is larger than 1048576 bytes; a configuration file is a few hundred`,
    );
  });

  it("stops when the signal aborts: TIMEOUT for a timeout, CANCELLED otherwise", async () => {
    await writeFile(join(directory, "polycloud.config.json"), JSON.stringify({ provider: "zenlayer-eip" }));
    await expect(loadConfig({ cwd: directory, env: {}, signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "CANCELLED",
    });
    const timedOut = AbortSignal.abort(new DOMException("The operation timed out.", "TimeoutError"));
    await expect(loadConfig({ cwd: directory, env: {}, signal: timedOut })).rejects.toMatchObject({ code: "TIMEOUT" });
  });

  it("refuses invalid UTF-8 and a JSON value that is not an object", async () => {
    await writeFile(join(directory, "latin1.json"), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    await expect(loadConfig({ cwd: directory, path: "latin1.json", env: {} })).rejects.toThrow(/is not UTF-8 text/);
    await writeFile(join(directory, "array.json"), "[]");
    await expect(loadConfig({ cwd: directory, path: "array.json", env: {} })).rejects.toThrow(
      /must contain a JSON object/,
    );
  });
});

describe("locateJsonSyntaxError", () => {
  it("finds the first error's line and column, and nothing in valid JSON", () => {
    expect(locateJsonSyntaxError('{"a": [1, 2.5e3, true, null, "x\\n"]}')).toBeUndefined();
    expect(locateJsonSyntaxError('{"a": tru}')).toEqual({ line: 1, column: 7 });
    expect(locateJsonSyntaxError('{\n  "a": 1,\n}')).toEqual({ line: 3, column: 1 });
    expect(locateJsonSyntaxError('{"a": 1')).toEqual({ line: 1, column: 8 });
    expect(locateJsonSyntaxError("[".repeat(10_000))).toBeDefined();
  });
});
