#!/usr/bin/env node
// Packs the publishable workspace packages into tarballs that install together into any npm project: the
// route that works before anything is published to npm. Each package is packed with the pinned pnpm
// (`npx pnpm@<packageManager> pack`), which applies publishConfig and rewrites `workspace:^` ranges to the
// packages' versions, exactly as publishing does. Installing the tarballs in one `npm install` lets npm satisfy
// those ranges with the sibling tarballs, so it fetches only third-party dependencies (undici, zod, …).
//
// Usage: node scripts/pack-local.mjs [--out <dir>] [--json] [--help] [package…]
//   --out <dir>  where the tarballs go (default ./polycloud-packages, created if missing)
//   --json       print { "tarballs": [...], "command": "npm install …" } instead of the human-readable lines
//   package…     pack only these (e.g. @polycloud/zenlayer-eip) plus the @polycloud packages they depend on
// Needs the build (dist/): run `npx pnpm@10.34.9 install && npx pnpm@10.34.9 build` in the clone first.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pnpmSpec = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager; // "pnpm@10.34.9"
const WORKSPACE_FOLDERS = ["packages", "apps", "examples"]; // the globs of pnpm-workspace.yaml

/** Parses the command line; throws a usage error naming the bad argument. */
function parseArguments(argv) {
  const options = { out: resolve("polycloud-packages"), json: false, help: false, names: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === "--help") options.help = true;
    else if (argument === "--json") options.json = true;
    else if (argument === "--out") {
      index += 1;
      const value = argv[index];
      if (!value) throw new Error("--out needs a directory");
      options.out = resolve(value);
    } else if (argument.startsWith("--")) throw new Error(`unknown option ${argument}`);
    else options.names.push(argument);
  }
  return options;
}

/** Every non-private workspace package: name, folder, manifest. */
function readPublishablePackages() {
  return WORKSPACE_FOLDERS.flatMap((folder) => {
    const parent = join(root, folder);
    if (!existsSync(parent)) return [];
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(parent, entry.name, "package.json")))
      .map((entry) => ({
        directory: join(parent, entry.name),
        manifest: JSON.parse(readFileSync(join(parent, entry.name, "package.json"), "utf8")),
      }))
      .filter(({ manifest }) => manifest.private !== true);
  });
}

/** The requested packages plus every workspace package they depend on at run time (all of them when none is named). */
function selectPackages(publishable, names) {
  if (names.length === 0) return publishable;
  const byName = new Map(publishable.map((pkg) => [pkg.manifest.name, pkg]));
  const unknown = names.filter((name) => !byName.has(name));
  if (unknown.length > 0)
    throw new Error(
      `not a publishable workspace package: ${unknown.join(", ")} (known: ${[...byName.keys()].join(", ")})`,
    );
  const selected = new Set();
  const visit = (name) => {
    if (selected.has(name) || !byName.has(name)) return;
    selected.add(name);
    for (const dependency of Object.keys(byName.get(name).manifest.dependencies ?? {})) visit(dependency);
  };
  names.forEach(visit);
  return publishable.filter((pkg) => selected.has(pkg.manifest.name));
}

function run(command, commandArgs, cwd) {
  return new Promise((resolvePromise) => {
    const env = { ...process.env, npm_config_update_notifier: "false", FORCE_COLOR: "0" };
    const child = spawn(command, commandArgs, { cwd, env, shell: process.platform === "win32" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => resolvePromise({ code: 127, stdout, stderr: `${stderr}${error.message}` }));
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

/** Packs one package with the pinned pnpm; resolves with the tarball's absolute path. */
async function packPackage(pkg, destination) {
  const result = await run(
    "npx",
    ["--yes", pnpmSpec, "pack", "--pack-destination", destination, "--json"],
    pkg.directory,
  );
  if (result.code !== 0)
    throw new Error(
      `pnpm pack failed in ${relative(root, pkg.directory)}:\n${(result.stderr || result.stdout).trim()}`,
    );
  return resolve(JSON.parse(result.stdout.slice(result.stdout.indexOf("{"))).filename);
}

/** A shell word: quoted only when it needs to be. */
function quote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.help) {
    console.log(
      "usage: node scripts/pack-local.mjs [--out <dir>] [--json] [package…]\n  packs the publishable workspace packages (or the named ones and the @polycloud packages they need)\n  into <dir> (default ./polycloud-packages) and prints the npm install command for them",
    );
    return;
  }
  const packages = selectPackages(readPublishablePackages(), options.names);
  const unbuilt = packages.filter((pkg) => !existsSync(join(pkg.directory, "dist")));
  if (unbuilt.length > 0) {
    throw new Error(
      `no dist/ in ${unbuilt.map((pkg) => relative(root, pkg.directory)).join(", ")}: run \`npx ${pnpmSpec} install && npx ${pnpmSpec} build\` first`,
    );
  }
  mkdirSync(options.out, { recursive: true });
  // Three at a time: each pack is mostly npx and pnpm starting up, so a few in parallel save most of the wait.
  const tarballs = [];
  for (let start = 0; start < packages.length; start += 3) {
    tarballs.push(...(await Promise.all(packages.slice(start, start + 3).map((pkg) => packPackage(pkg, options.out)))));
  }
  const command = `npm install ${tarballs.map(quote).join(" ")}`;
  if (options.json) {
    console.log(JSON.stringify({ tarballs, command }));
    return;
  }
  console.log(`Packed ${tarballs.length} package(s) into ${options.out}:`);
  for (const tarball of tarballs) console.log(`  ${relative(options.out, tarball)}`);
  console.log("\nIn your project, install them together (one command, so they satisfy each other's ranges):\n");
  console.log(command);
}

main().catch((error) => {
  console.error(`pack-local: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
