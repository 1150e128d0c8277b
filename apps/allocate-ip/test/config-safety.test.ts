import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDirectory, parseSingleJson, runCaptured } from "./support/run-captured.js";

let directory: Awaited<ReturnType<typeof createTempDirectory>>;
const SECRET = "cli-secret-next-to-a-typo-51aa";

beforeAll(async () => {
  directory = await createTempDirectory();
});
afterAll(() => directory?.remove());

describe("the CLI reads its configuration safely", () => {
  it("exits 2 at once for /dev/zero and a FIFO given as --config (nothing hangs)", async () => {
    const fifo = join(directory.path, "fifo.json");
    execFileSync("mkfifo", [fifo]);
    for (const config of ["/dev/zero", fifo]) {
      const run = await runCaptured(["allocate", "--config", config, "--json"], { cwd: directory.path });
      expect(run.exitCode).toBe(2);
      expect(parseSingleJson(run.stdout)).toMatchObject({
        error: { code: "INVALID_ARGUMENT", message: expect.stringContaining(`${config} is not a regular file`) },
      });
    }
  }, 10_000);

  it("reports a JSON typo by line and column without printing the secret next to it", async () => {
    await writeFile(
      join(directory.path, "polycloud.config.json"),
      `{ "provider": "zenlayer-eip", "credentials": { "token": "${SECRET}" "x": 1 } }`,
    );
    for (const argv of [["allocate"], ["allocate", "--json"]]) {
      const run = await runCaptured(argv, { cwd: directory.path });
      expect(run.exitCode).toBe(2);
      expect(run.stdout + run.stderr).toMatch(/is not valid JSON at line 1, column \d+/);
      expect(run.stdout + run.stderr).not.toContain(SECRET);
    }
  });

  it("names a misspelt key with a suggestion, and refuses a plugin URL", async () => {
    await writeFile(
      join(directory.path, "polycloud.config.json"),
      JSON.stringify({ provider: "zenlayer-eip", providers: { "zenlayer-eip": { endpiont: "http://127.0.0.1:1" } } }),
    );
    const typo = await runCaptured(["allocate", "--json"], { cwd: directory.path });
    expect(parseSingleJson(typo.stdout)).toMatchObject({
      error: {
        code: "INVALID_ARGUMENT",
        message: expect.stringContaining(
          'providers.zenlayer-eip.endpiont: unknown key "endpiont"; did you mean "endpoint"?',
        ),
      },
    });
    await writeFile(join(directory.path, "polycloud.config.json"), JSON.stringify({ provider: "zenlayer-eip" }));
    const url = await runCaptured(["allocate", "--json", "--provider", "https://example.invalid/plugin.mjs"], {
      cwd: directory.path,
    });
    expect(url.exitCode).toBe(2);
    expect(parseSingleJson(url.stdout)).toMatchObject({
      error: { code: "INVALID_ARGUMENT", message: expect.stringContaining('"https:" URL is refused') },
    });
  });

  it("imports no plugin from --provider or POLYCLOUD_PROVIDER outside the config folder and the working directory, nor a data: URL", async () => {
    const project = join(directory.path, "project");
    const elsewhere = join(directory.path, "elsewhere");
    await mkdir(project, { recursive: true });
    await mkdir(elsewhere, { recursive: true });
    const marker = join(directory.path, "plugin-ran");
    const plugin = join(elsewhere, "plugin.mjs");
    await writeFile(
      plugin,
      `import { writeFileSync } from "node:fs"; writeFileSync(${JSON.stringify(marker)}, "ran"); export default {};`,
    );
    await writeFile(join(project, "polycloud.config.json"), JSON.stringify({ provider: "zenlayer-eip" }));
    const dataUrl = `data:text/javascript,${encodeURIComponent(`import { writeFileSync } from "node:fs"; writeFileSync(${JSON.stringify(marker)}, "ran");`)}`;
    const runs = [
      await runCaptured(["allocate", "--json", "--provider", plugin], { cwd: project }),
      await runCaptured(["allocate", "--json"], { cwd: project, env: { POLYCLOUD_PROVIDER: plugin } }),
      await runCaptured(["allocate", "--json", "--provider", dataUrl], { cwd: project }),
    ];
    for (const run of runs) {
      expect(run.exitCode).toBe(2);
      expect(parseSingleJson(run.stdout)).toMatchObject({ error: { code: "INVALID_ARGUMENT" } });
    }
    expect(existsSync(marker), "no plugin code ran").toBe(false);
  });
});
