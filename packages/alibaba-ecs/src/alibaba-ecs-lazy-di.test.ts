import { execFile, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";

const packageDirectory = fileURLToPath(new URL("..", import.meta.url));
const script = fileURLToPath(new URL("./__fixtures__/allocate-with-and-without-di.mjs", import.meta.url));

let emulator: RunningEmulator;
beforeAll(async () => {
  // The child runs the built package as users get it; tsc -b rebuilds it (and core) only when a source changed.
  execFileSync("npx", ["tsc", "-b"], { cwd: packageDirectory, stdio: "pipe" });
  emulator = await startEmulator({ host: "127.0.0.1" });
}, 180_000);
afterAll(async () => emulator?.close());

it("allocates through the factory without loading tsyringe, and through the DI module once /di is imported", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [script], {
    cwd: packageDirectory,
    env: { PATH: process.env.PATH ?? "", ENDPOINT: emulator.alibaba.endpoint },
    timeout: 30_000,
  });
  const outcome = JSON.parse(stdout) as {
    viaFactory?: string;
    filesBeforeDi: string[];
    viaContainer?: string;
    filesAfterDi: number;
  };
  expect(outcome.filesBeforeDi).toEqual([]);
  expect(outcome.viaFactory).toBe(emulator.alibabaState.getInstance("i-polycloud0001")?.publicIpAddress);
  // The decorations recorded before tsyringe loaded were replayed: the container could build the allocator.
  expect(outcome.viaContainer).toBe(emulator.alibabaState.getInstance("i-polycloud0002")?.publicIpAddress);
  expect(outcome.filesAfterDi).toBeGreaterThan(0);
});
