import { describe, expect, it } from "vitest";
import { EXIT_CODE_TABLE } from "../src/index.js";
import { parseSingleJson, runCaptured } from "./support/run-captured.js";

const cwd = process.cwd();

describe("usage and help", () => {
  it("documents commands, environment variables and every exit code in --help", async () => {
    const run = await runCaptured(["--help"], { cwd });
    expect(run.exitCode).toBe(0);
    for (const text of [
      "allocate [options]",
      "describe [options] <id>",
      "release [options] <id>",
      "wait [options] <id>",
      "demo [options]",
      "POLYCLOUD_CONFIG",
      "POLYCLOUD_PROVIDER",
      "ZENLAYER_TOKEN",
      "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY",
      "AWS_SESSION_TOKEN",
      "AWS_PROFILE",
      "NO_COLOR",
    ]) {
      expect(run.stdout).toContain(text);
    }
    for (const row of EXIT_CODE_TABLE)
      expect(run.stdout).toMatch(new RegExp(`^  ${row.exitCode} +${row.meaning.replace(/[()]/g, "\\$&")}`, "m"));
  });

  it("lists every allocate flag and repeats the footer in the command's help", async () => {
    const run = await runCaptured(["allocate", "--help"], { cwd });
    expect(run.exitCode).toBe(0);
    for (const flag of [
      "--config",
      "--provider",
      "--location",
      "--instance",
      "--count",
      "--tag",
      "--idempotency-key",
      "--wait",
      "--keep-on-failure",
      "--timeout",
      "--json",
      "--verbose",
      "Exit codes:",
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });

  it("names every built-in provider in --provider's help and the demo's description", async () => {
    const allocate = await runCaptured(["allocate", "--help"], { cwd });
    expect(allocate.stdout.replace(/\s+/g, " ")).toContain("(e.g. alibaba-ecs, zenlayer-eip, aws-ec2)");
    const top = await runCaptured(["--help"], { cwd });
    expect(top.stdout.replace(/\s+/g, " ")).toMatch(
      /demo \[options\] run every built-in provider \(alibaba-ecs, zenlayer-eip, aws-ec2\)/,
    );
  });

  it("prints the version", async () => {
    const run = await runCaptured(["--version"], { cwd });
    expect(run).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it.each([
    [["allocate", "--colour", "red"], /unknown option '--colour'/],
    [["allocate", "--count", "zero"], /--count.*must be a positive integer/],
    [["allocate", "--timeout", "-5"], /--timeout/],
    [["allocate", "--tag", "novalue"], /--tag.*key=value/],
    [["allocate", "--keep-on-failure"], /--keep-on-failure applies only with --wait/],
    [["describe"], /missing required argument 'id'/],
    [["allocte"], /unknown command 'allocte'/],
    [[], /Usage: allocate-ip/],
  ])("exits 2 on the usage error in %j", async (argv, message) => {
    const run = await runCaptured(argv, { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("reports a usage error as one JSON object with --json", async () => {
    const run = await runCaptured(["allocate", "--count", "0", "--json"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(parseSingleJson(run.stdout)).toEqual({
      error: {
        code: "INVALID_ARGUMENT",
        message: expect.stringContaining("--count"),
        provider: "polycloud",
        providerCode: null,
        retryable: false,
        requestId: null,
        httpStatus: null,
        hint: null,
      },
    });
  });
});
