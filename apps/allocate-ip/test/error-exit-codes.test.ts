import { startEmulator, type FaultRule, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/index.js";
import { alibabaSettings, awsSettings, zenlayerSettings } from "./support/emulator-configs.js";
import {
  createCaptureStream,
  createTempDirectory,
  parseSingleJson,
  runCaptured,
  writeConfig,
} from "./support/run-captured.js";

let emulator: RunningEmulator;
let directory: Awaited<ReturnType<typeof createTempDirectory>>;

beforeAll(async () => {
  emulator = await startEmulator();
  directory = await createTempDirectory();
  await writeConfig(directory.path, "alibaba.json", {
    provider: "alibaba-ecs",
    ...alibabaSettings(emulator.alibaba.endpoint),
  });
  await writeConfig(directory.path, "zenlayer.json", {
    provider: "zenlayer-eip",
    ...zenlayerSettings(emulator.zenlayer.endpoint, {
      reconcile: { checks: 1, intervalMs: 0, retryWhenAbsent: false },
    }),
  });
  await writeConfig(directory.path, "wrong-secret.json", {
    provider: "alibaba-ecs",
    ...alibabaSettings(emulator.alibaba.endpoint, {
      credentials: { accessKeyId: "polycloud-test-key-id", accessKeySecret: "not-the-secret" },
    }),
  });
  await writeConfig(directory.path, "aws.json", { provider: "aws-ec2", ...awsSettings(emulator.aws.endpoint) });
  await writeConfig(directory.path, "aws-wrong-secret.json", {
    provider: "aws-ec2",
    ...awsSettings(emulator.aws.endpoint, {
      credentials: { accessKeyId: "polycloud-test-key-id", secretAccessKey: "not-the-secret" },
    }),
  });
  // The emulator's read-only key: every mutation answers UnauthorizedOperation.
  await writeConfig(directory.path, "aws-read-only.json", {
    provider: "aws-ec2",
    ...awsSettings(emulator.aws.endpoint, {
      credentials: {
        accessKeyId: "polycloud-test-readonly-key-id",
        secretAccessKey: "polycloud-test-readonly-key-secret",
      },
    }),
  });
  const { credentials: _none, ...withoutCredentials } = awsSettings(emulator.aws.endpoint);
  await writeConfig(directory.path, "aws-no-credentials.json", { provider: "aws-ec2", ...withoutCredentials });
});

afterEach(() => emulator.faults.clear());

afterAll(async () => {
  await emulator.close();
  await directory.remove();
});

const JSON_ERROR_KEYS = ["code", "message", "provider", "providerCode", "retryable", "requestId", "httpStatus"];

describe("invalid configuration", () => {
  it.each([
    ["no provider", { region: "cn-hangzhou" }, "provider"],
    ["a malformed region", { provider: "alibaba-ecs", region: "Hangzhou City" }, "region"],
    ["a bad allocate default", { provider: "zenlayer-eip", allocate: { count: 0 } }, "allocate.count"],
    ["a bad endpoint", { provider: "zenlayer-eip", endpoint: "ftp://example.invalid" }, "endpoint"],
    ["no aws-ec2 region", { provider: "aws-ec2" }, "region"],
    [
      "an aws-ec2 endpoint with a path",
      { provider: "aws-ec2", region: "us-east-1", endpoint: "https://ec2.example.com/v1" },
      "endpoint",
    ],
  ])("with %s, names the field and exits 2", async (_label, config, field) => {
    await writeConfig(directory.path, "invalid.json", config);
    const human = await runCaptured(["allocate", "-c", "invalid.json"], { cwd: directory.path });
    expect(human.exitCode).toBe(2);
    expect(human.stderr).toContain(`${field}:`);
    expect(human.stderr).toContain("INVALID_ARGUMENT (exit 2)");
    const json = await runCaptured(["allocate", "-c", "invalid.json", "--json"], { cwd: directory.path });
    expect(json.exitCode).toBe(2);
    const { error } = parseSingleJson(json.stdout) as { error: { code: string; issues: { path: string }[] } };
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.issues.map((issue) => issue.path)).toContain(field);
  });

  it("exits 2 for a config file that is not valid JSON", async () => {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(`${directory.path}/broken.json`, "{ provider: ");
    const run = await runCaptured(["describe", "i-1", "-c", "broken.json"], { cwd: directory.path });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/broken\.json is not valid JSON/);
  });
});

interface ErrorCase {
  label: string;
  argv: string[];
  fault?: FaultRule;
  code: string;
  exitCode: number;
  env?: Record<string, string>;
}

const ERROR_CASES: ErrorCase[] = [
  {
    label: "an instance that does not exist",
    argv: ["allocate", "-c", "alibaba.json", "-i", "i-polycloudmissing"],
    code: "INVALID_ARGUMENT",
    exitCode: 2,
  },
  {
    label: "a wrong secret",
    argv: ["describe", "i-polycloud0005", "-c", "wrong-secret.json"],
    code: "UNAUTHENTICATED",
    exitCode: 3,
  },
  {
    label: "a RAM denial",
    argv: ["describe", "i-polycloud0005", "-c", "alibaba.json"],
    fault: {
      provider: "alibaba",
      kind: "error-code",
      code: "Forbidden.RAM",
      httpStatus: 403,
      message: "User not authorized to operate on the specified resource.",
    },
    code: "PERMISSION_DENIED",
    exitCode: 3,
  },
  {
    label: "a sold-out zone",
    argv: ["allocate", "-c", "zenlayer.json", "-l", "FRA-A"],
    code: "RESOURCE_EXHAUSTED",
    exitCode: 5,
  },
  {
    label: "throttling",
    argv: ["allocate", "-c", "zenlayer.json", "-l", "SEL-A"],
    fault: { provider: "zenlayer", action: "AllocateEipAddresses", kind: "throttle" },
    code: "RATE_LIMITED",
    exitCode: 6,
  },
  {
    label: "an unavailable service",
    argv: ["describe", "i-polycloud0005", "-c", "alibaba.json"],
    fault: {
      provider: "alibaba",
      kind: "error-code",
      code: "ServiceUnavailable",
      httpStatus: 503,
      message: "The request has failed due to a temporary failure of the server.",
    },
    code: "UNAVAILABLE",
    exitCode: 6,
  },
  {
    label: "a hanging provider and --timeout",
    argv: ["describe", "i-polycloud0005", "-c", "alibaba.json", "--timeout", "300"],
    fault: { provider: "alibaba", kind: "hang" },
    code: "TIMEOUT",
    exitCode: 6,
  },
  {
    label: "a lost connection during allocate",
    argv: ["allocate", "-c", "zenlayer.json", "-l", "SEL-A"],
    fault: { provider: "zenlayer", action: "AllocateEipAddresses", kind: "reset-before" },
    code: "OUTCOME_UNKNOWN",
    exitCode: 7,
  },
  {
    label: "an unreadable answer",
    argv: ["describe", "i-polycloud0005", "-c", "alibaba.json"],
    fault: { provider: "alibaba", kind: "malformed-json" },
    code: "INTERNAL",
    exitCode: 1,
  },
  {
    label: "aws-ec2: an instance that does not exist",
    argv: ["allocate", "-c", "aws.json", "-i", "i-0123456789abcdef7"],
    code: "INVALID_ARGUMENT",
    exitCode: 2,
  },
  {
    label: "aws-ec2: a stopped instance",
    argv: ["allocate", "-c", "aws.json", "-i", "i-0123456789abcdef9"],
    code: "FAILED_PRECONDITION",
    exitCode: 4,
  },
  {
    label: "aws-ec2: an Elastic IP that does not exist",
    argv: ["describe", "eipalloc-0123456789abcdef0", "-c", "aws.json"],
    code: "NOT_FOUND",
    exitCode: 4,
  },
  {
    label: "aws-ec2: a wrong secret",
    argv: ["describe", "eipalloc-0123456789abcdef0", "-c", "aws-wrong-secret.json"],
    code: "UNAUTHENTICATED",
    exitCode: 3,
  },
  {
    label: "aws-ec2: no credentials anywhere",
    argv: ["describe", "eipalloc-0123456789abcdef0", "-c", "aws-no-credentials.json"],
    env: { AWS_SHARED_CREDENTIALS_FILE: "no-such-credentials-file" },
    code: "UNAUTHENTICATED",
    exitCode: 3,
  },
  {
    label: "aws-ec2: an IAM denial",
    argv: ["allocate", "-c", "aws-read-only.json"],
    code: "PERMISSION_DENIED",
    exitCode: 3,
  },
  {
    label: "aws-ec2: the Elastic IP quota",
    argv: ["allocate", "-c", "aws.json"],
    fault: { provider: "aws", action: "AllocateAddress", kind: "error-code", code: "AddressLimitExceeded" },
    code: "RESOURCE_EXHAUSTED",
    exitCode: 5,
  },
  {
    label: "aws-ec2: throttling",
    argv: ["allocate", "-c", "aws.json"],
    fault: { provider: "aws", action: "AllocateAddress", kind: "throttle" },
    code: "RATE_LIMITED",
    exitCode: 6,
  },
  {
    label: "aws-ec2: a hanging provider and --timeout",
    argv: ["describe", "eipalloc-0123456789abcdef0", "-c", "aws.json", "--timeout", "300"],
    fault: { provider: "aws", kind: "hang" },
    code: "TIMEOUT",
    exitCode: 6,
  },
];

describe("provider errors", () => {
  it.each(ERROR_CASES)(
    "$label: $code exits $exitCode, with the documented JSON error",
    async ({ argv, fault, code, exitCode, env }) => {
      if (fault) emulator.faults.add(fault);
      const json = await runCaptured([...argv, "--json"], { cwd: directory.path, env });
      expect(json.exitCode, json.stdout).toBe(exitCode);
      const { error } = parseSingleJson(json.stdout) as { error: Record<string, unknown> };
      expect(Object.keys(error)).toEqual(expect.arrayContaining(JSON_ERROR_KEYS));
      expect(error.code).toBe(code);
      expect(error.provider).toMatch(/alibaba-ecs|zenlayer-eip|aws-ec2/);

      const human = await runCaptured(argv, { cwd: directory.path, env });
      expect(human.exitCode).toBe(exitCode);
      expect(human.stderr).toContain(`${code} (exit ${exitCode})`);
      expect(human.stdout).toBe("");
    },
  );

  it("aws-ec2: refuses an unknown instance, a stopped one and a denied allocation before any address is billed", async () => {
    const before = emulator.events.count({ provider: "aws", kind: "allocate" });
    for (const argv of [
      ["-c", "aws.json", "-i", "i-0123456789abcdef7"],
      ["-c", "aws.json", "-i", "i-0123456789abcdef9"],
      ["-c", "aws-read-only.json"],
    ]) {
      const run = await runCaptured(["allocate", ...argv], { cwd: directory.path });
      expect(run.exitCode, run.stderr).not.toBe(0);
      expect(run.stderr).not.toMatch(/^ {2}allocated /m);
    }
    expect(emulator.events.count({ provider: "aws", kind: "allocate" })).toBe(before);
  });

  it("exits 8 when the command is cancelled", async () => {
    const stdout = createCaptureStream();
    const exitCode = await runCli(["describe", "i-polycloud0005", "-c", "alibaba.json", "--json"], {
      stdout,
      stderr: createCaptureStream(),
      cwd: directory.path,
      env: {},
      signal: AbortSignal.abort(),
    });
    expect(exitCode).toBe(8);
    expect(parseSingleJson(stdout.text)).toMatchObject({ error: { code: "CANCELLED" } });
  });
});
