import { describe, expect, it } from "vitest";
import { parseSingleJson, runCaptured } from "./support/run-captured.js";

describe("allocate-ip demo", () => {
  it("allocates, waits, describes and releases on every emulator and prints the side-by-side table", async () => {
    const run = await runCaptured(["demo"], { cwd: process.cwd() });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain("run against three local emulators");
    const header = run.stdout.split("\n").find((line) => line.includes("alibaba-ecs"));
    expect(header).toMatch(/^\s+alibaba-ecs\s+zenlayer-eip\s+aws-ec2$/);
    expect(run.stdout).toMatch(/^provisioning\s+synchronous\s+asynchronous\s+synchronous$/m);
    expect(run.stdout).toMatch(/^location\s+cn-hangzhou \(region\)\s+SEL-A \(zone\)\s+us-east-1 \(region\)$/m);
    expect(run.stdout).toMatch(/^address\s+\d+\.\d+\.\d+\.\d+\s+\d+\.\d+\.\d+\.\d+\s+198\.51\.100\.\d+$/m);
    expect(run.stdout).toMatch(/^id\s+i-polycloud0001\s+eip-\d+\s+eipalloc-[0-9a-f]{17}$/m);
    // EC2 assigns the address in the allocate answer: nothing to wait for.
    expect(run.stdout).toMatch(
      /^allocated\s+pending, ready after \d+\.\d s\s+pending, ready after \d+\.\d s\s+ready$/m,
    );
    expect(run.stdout).toMatch(/^described\s+ready \(Running\)\s+ready \(AVAILABLE\)\s+ready \(associated\)$/m);
    expect(run.stdout).toMatch(/^released\s+released\s+releas(ing|ed)\s+released$/m);
  });

  it("prints one JSON object with --json", async () => {
    const run = await runCaptured(["demo", "--json"], { cwd: process.cwd() });
    expect(run.exitCode, run.stdout).toBe(0);
    const { demo } = parseSingleJson(run.stdout) as { demo: Array<Record<string, unknown>> };
    expect(demo.map((outcome) => outcome.provider)).toEqual(["alibaba-ecs", "zenlayer-eip", "aws-ec2"]);
    expect(demo[1]).toMatchObject({
      provisioning: "asynchronous",
      allocatedState: "pending",
      describedState: "ready (AVAILABLE)",
    });
    expect(demo[2]).toMatchObject({
      provisioning: "synchronous",
      locationKind: "region",
      location: "us-east-1",
      id: expect.stringMatching(/^eipalloc-/),
      allocatedState: "ready",
      waitedMs: 0,
      describedState: "ready (associated)",
      releasedState: "released",
      requestId: expect.any(String),
    });
  });
});
