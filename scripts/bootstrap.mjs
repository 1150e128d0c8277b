#!/usr/bin/env node
// Bootstraps the workspace on a machine that has only Node.js and npm: it runs the pinned pnpm through
// npx (no global install), installs from the lockfile, then runs the requested workspace script.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const rootPackage = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const pnpmSpec = rootPackage.packageManager; // e.g. "pnpm@10.34.9"
const tasks = {
  demo: ["run", "demo"],
  test: ["run", "test:ci"],
};
const task = process.argv[2];
if (!task || !(task in tasks)) {
  console.error(`usage: node scripts/bootstrap.mjs <${Object.keys(tasks).join("|")}>`);
  process.exit(64);
}

function pnpm(args) {
  console.log(`$ pnpm ${args.join(" ")}   (via npx ${pnpmSpec})`);
  const result = spawnSync("npx", ["--yes", pnpmSpec, ...args], {
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

pnpm(["install", "--frozen-lockfile"]);
pnpm(tasks[task]);
