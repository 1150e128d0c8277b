#!/usr/bin/env node
// Runs the sample app's demo (both providers against the embedded emulators). Until the app exists in a
// checkout, it says so and what it ran instead of failing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const appBin = new URL("../apps/allocate-ip/bin/allocate-ip.js", import.meta.url);
if (!existsSync(appBin)) {
  console.log("demo: apps/allocate-ip is not part of this checkout yet; ran: pnpm install and the workspace build.");
  process.exit(0);
}
console.log("$ allocate-ip demo");
const result = spawnSync(process.execPath, [appBin.pathname, "demo"], { stdio: "inherit" });
process.exit(result.status ?? 1);
