import { describe, expect, it } from "vitest";
import { parseSingleJson, runCaptured } from "./support/run-captured.js";

describe("allocate-ip demo", () => {
  it("allocates, waits, describes and releases on both emulators and prints the side-by-side table", async () => {
    const run = await runCaptured(["demo"], { cwd: process.cwd() });
    expect(run.exitCode, run.stderr).toBe(0);
    const header = run.stdout.split("\n").find((line) => line.includes("alibaba-ecs"));
    expect(header).toMatch(/^\s+alibaba-ecs\s+zenlayer-eip$/);
    expect(run.stdout).toMatch(/^provisioning\s+synchronous\s+asynchronous$/m);
    expect(run.stdout).toMatch(/^location\s+cn-hangzhou \(region\)\s+SEL-A \(zone\)$/m);
    expect(run.stdout).toMatch(/^allocated\s+pending, ready after \d+\.\d s\s+pending, ready after \d+\.\d s$/m);
    expect(run.stdout).toMatch(/^released\s+released\s+releas(ing|ed)$/m);
  });

  it("prints one JSON object with --json", async () => {
    const run = await runCaptured(["demo", "--json"], { cwd: process.cwd() });
    expect(run.exitCode, run.stdout).toBe(0);
    const { demo } = parseSingleJson(run.stdout) as { demo: Array<Record<string, unknown>> };
    expect(demo.map((outcome) => outcome.provider)).toEqual(["alibaba-ecs", "zenlayer-eip"]);
    expect(demo[1]).toMatchObject({ provisioning: "asynchronous", allocatedState: "pending", describedState: "ready (AVAILABLE)" });
  });
});
