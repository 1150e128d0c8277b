// Issue #14, "Secrets" and "endpoints with user:password@": the real `allocate-ip` binary (spawned:
// apps/allocate-ip/bin/allocate-ip.js, which runs the built dist) with its credentials in the config file and a
// server echoing them back (loopback proxy in front of the emulator). Neither the human output, nor --json, nor
// the --verbose request log may show the secret, the token, a signature or an Authorization header — on success
// answers whose request id echoes them and on error answers echoing them in every field. An endpoint with user
// info is refused before anything is sent, and the password is never printed.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCredentialTraces } from "../support/find-credential-traces.js";
import { listTracedValues, startSecuritySubject, type SecuritySubject } from "../support/security-subjects.js";

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../../allocate-ip/bin/allocate-ip.js");
const ADAPTERS = ["alibaba-ecs", "zenlayer-eip", "aws-ec2"] as const;

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "reliability-security-cli-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

interface CliRun {
  label: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the binary with no credential in its environment (they are in the config file). */
function runBinary(label: string, argv: string[]): Promise<CliRun> {
  return new Promise((resolveRun) => {
    execFile(
      process.execPath,
      [BIN, ...argv],
      { env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", HOME: directory }, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolveRun({
          label,
          exitCode: error === null ? 0 : typeof error.code === "number" ? error.code : -1,
          stdout,
          stderr,
        });
      },
    );
  });
}

async function writeConfig(name: string, config: Record<string, unknown>): Promise<string> {
  const path = join(directory, `${name}.json`);
  await writeFile(path, JSON.stringify(config));
  return path;
}

function expectNoTrace(subject: SecuritySubject, runs: CliRun[]): void {
  for (const run of runs)
    expect(
      findCredentialTraces([run.stdout, run.stderr], listTracedValues(subject)),
      `${run.label}:\n${run.stderr}`,
    ).toEqual([]);
}

describe.each(ADAPTERS)("allocate-ip on %s behind a server echoing credentials", (adapter) => {
  it("shows none in human, --json or --verbose output of allocate, describe and release (success answers)", async () => {
    const subject = await startSecuritySubject(adapter, "success");
    try {
      const config = await writeConfig(`${adapter}-success`, subject.cliConfig());
      const common = ["-c", config, "--verbose", "--timeout", "20000"];
      const [human, json] = await Promise.all([
        runBinary(`${adapter} allocate`, ["allocate", ...subject.cliAllocateArguments(0), ...common]),
        runBinary(`${adapter} allocate --json`, ["allocate", "--json", ...subject.cliAllocateArguments(1), ...common]),
      ]);
      expect(json.exitCode, json.stderr).toBe(0);
      const id = (JSON.parse(json.stdout) as { ips: Array<{ id: string }> }).ips[0]?.id as string;
      const described = await runBinary(`${adapter} describe`, ["describe", id, ...common]);
      const released = await runBinary(`${adapter} release --json`, ["release", "--json", id, ...common]);
      const runs = [human, json, described, released];
      expectNoTrace(subject, runs);
      for (const run of runs) expect(run.exitCode, `${run.label}: ${run.stderr}`).toBe(0);
      // The echoed request id reached the output, masked.
      expect(json.stdout).toContain("[REDACTED]");
      expect(human.stderr).toMatch(/^> \S+ \w+ attempt 1: POST /m);
    } finally {
      await subject.close();
    }
  });

  it.each(["error", "error-code"] as const)(
    "shows none in human, --json or --verbose output of %s answers",
    async (mode) => {
      const subject = await startSecuritySubject(adapter, mode);
      try {
        const config = await writeConfig(`${adapter}-${mode}`, subject.cliConfig());
        const common = ["-c", config, "--verbose", "--timeout", "20000"];
        // Human and --json output of an allocate; a describe too for the error envelope (the code echo adds nothing there).
        const runs = await Promise.all([
          runBinary(`${adapter} ${mode} allocate --json`, [
            "allocate",
            "--json",
            ...subject.cliAllocateArguments(1),
            ...common,
          ]),
          runBinary(`${adapter} ${mode} allocate`, ["allocate", ...subject.cliAllocateArguments(0), ...common]),
          ...(mode === "error"
            ? [runBinary(`${adapter} ${mode} describe`, ["describe", subject.knownId, ...common])]
            : []),
        ]);
        expectNoTrace(subject, runs);
        for (const run of runs) expect(run.exitCode, `${run.label}: ${run.stderr}`).toBe(3);
        expect(runs[0]?.stdout).toMatch(/"requestId":"[^"]*\[REDACTED\]/);
        expect(runs[1]?.stderr).toMatch(/request id .*\[REDACTED\]/);
      } finally {
        await subject.close();
      }
    },
  );

  it("refuses an endpoint with user info (exit 2, naming endpoint) and never prints the password, even with --verbose", async () => {
    const subject = await startSecuritySubject(adapter, "success");
    try {
      const endpoint = subject.proxy.endpoint.replace("http://", "http://operator:hunter2-endpoint-password@");
      const config = await writeConfig(`${adapter}-userinfo`, { ...subject.cliConfig(), endpoint });
      const runs = await Promise.all([
        runBinary(`${adapter} userinfo`, ["allocate", ...subject.cliAllocateArguments(0), "-c", config, "--verbose"]),
        runBinary(`${adapter} userinfo --json`, [
          "allocate",
          "--json",
          ...subject.cliAllocateArguments(1),
          "-c",
          config,
          "--verbose",
        ]),
      ]);
      for (const run of runs) {
        expect(run.exitCode, run.stderr).toBe(2);
        expect(`${run.stdout}${run.stderr}`).toContain("endpoint");
        expect(`${run.stdout}${run.stderr}`).not.toContain("hunter2-endpoint-password");
      }
      expect(subject.proxy.authorizations.length + subject.proxy.signatures.length, "nothing was sent").toBe(0);
    } finally {
      await subject.close();
    }
  });
});
