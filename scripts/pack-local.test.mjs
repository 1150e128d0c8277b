// The "Install today (from a clone)" route, end to end, as the READMEs give it: scripts/pack-local.mjs packs an
// adapter, the emulator and (by dependency) core; a fresh npm project installs the tarballs with the command the
// script prints (one install: npm takes the third-party dependencies from its cache or the registry); a plain
// Node.js program there imports the installed packages and allocates an EIP on the emulator.
// Needs the build (dist/). Run: node --test scripts/pack-local.test.mjs (about 30 s, most of it pnpm and npm).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./pack-local.mjs", import.meta.url));
const environment = {
  ...process.env,
  npm_config_update_notifier: "false",
  npm_config_fund: "false",
  npm_config_audit: "false",
};

// What a user writes after installing: core picks the adapter by its configured name.
const APPLICATION = `
import { allocateUntilReady, createIpAllocator } from "@polycloud/core";
import { startEmulator } from "@polycloud/emulator";
import { ZENLAYER_EIP_CAPABILITIES } from "@polycloud/zenlayer-eip";

const emulator = await startEmulator({ zenlayer: { provisioningDelayMs: 50 } });
const allocator = await createIpAllocator(
  { provider: "zenlayer-eip", endpoint: emulator.zenlayer.endpoint, pollIntervalMs: 20 },
  { env: { ZENLAYER_ACCESS_KEY_ID: "polycloud-test-key-id", ZENLAYER_ACCESS_KEY_SECRET: "polycloud-test-key-secret" } },
);
try {
  const { ips } = await allocateUntilReady(allocator, { location: { zone: "SEL-A" } }, { timeoutMs: 10_000 });
  console.log(JSON.stringify({ provider: allocator.provider, state: ips[0].state, address: ips[0].address, billsOnAllocate: ZENLAYER_EIP_CAPABILITIES.billsOnAllocate }));
} finally {
  await allocator.close();
  await emulator.close();
}
`;

function run(command, args, options) {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    env: environment,
    timeout: 180_000,
    shell: options.shell ?? false,
    cwd: options.cwd,
  });
  assert.equal(
    result.status,
    0,
    `${command} ${args.join(" ")} exited ${result.status}:\n${result.stderr}\n${result.stdout}`,
  );
  return result.stdout;
}

test("the packed tarballs install together into a fresh npm project and allocate on the emulator", {
  timeout: 300_000,
}, () => {
  const workspace = mkdtempSync(join(tmpdir(), "polycloud-pack-local-"));
  try {
    const packed = JSON.parse(
      run(
        process.execPath,
        [script, "--json", "--out", join(workspace, "packages"), "@polycloud/zenlayer-eip", "@polycloud/emulator"],
        {},
      ),
    );
    assert.deepEqual(packed.tarballs.map((tarball) => basename(tarball)).sort(), [
      "polycloud-core-0.0.0.tgz",
      "polycloud-emulator-0.0.0.tgz",
      "polycloud-zenlayer-eip-0.0.0.tgz",
    ]);
    assert.match(packed.command, /^npm install \S+polycloud-core-0\.0\.0\.tgz /);

    const application = join(workspace, "application");
    mkdirSync(application);
    run("npm", ["init", "-y"], { cwd: application });
    run(`${packed.command} --prefer-offline`, [], { cwd: application, shell: true });
    const manifest = JSON.parse(readFileSync(join(application, "package.json"), "utf8"));
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), [
      "@polycloud/core",
      "@polycloud/emulator",
      "@polycloud/zenlayer-eip",
    ]);

    writeFileSync(join(application, "allocate.mjs"), APPLICATION);
    const output = JSON.parse(run(process.execPath, ["allocate.mjs"], { cwd: application }).trim());
    assert.equal(output.provider, "zenlayer-eip");
    assert.equal(output.state, "ready");
    assert.match(output.address, /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal(output.billsOnAllocate, true);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});
