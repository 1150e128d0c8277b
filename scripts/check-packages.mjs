#!/usr/bin/env node
// Checks every publishable (non-private) workspace package as it would reach npm: each one is packed with
// `pnpm pack` (which applies publishConfig and rewrites workspace: ranges, exactly like `pnpm publish` and
// `changeset publish`), and the tarball is checked by
//   - publint (errors and warnings fail, suggestions are shown),
//   - @arethetypeswrong/cli with the esm-only profile (the packages are ESM-only: CommonJS `require` and
//     node10 resolution are out of scope; every entry point must resolve to types and JavaScript under
//     node16-ESM and bundler resolution),
//   - the project's packaging contract (see checkContract below), including: the main entry imports with the
//     dependency-injection libraries (optional peers, needed by `/di` only) absent,
// and the pending changesets are checked with `changeset status` (they parse and name workspace packages).
// Prints a compact table, then the details of every finding; exits 1 on any error.
// Needs the build (dist/): run after `pnpm build`. Usage: node scripts/check-packages.mjs [--keep] [name…]
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { isDeepStrictEqual, stripVTControlCharacters } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const root = fileURLToPath(new URL("..", import.meta.url));
const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const rootLicense = readFileSync(join(root, "LICENSE"));
const SOURCE_CONDITION = "@polycloud/source"; // workspace-only: tests resolve packages to their TypeScript sources
const ATTW_PROFILE = "esm-only";
const ATTW_CHECKED_RESOLUTIONS = ["node16-esm", "bundler"];
const ATTW_IGNORED_RESOLUTIONS = ["node10", "node16-cjs"]; // what --profile esm-only ignores
// Loaded only by the `/di` entry points: optional peers, never dependencies (tslib comes with tsyringe).
const DI_LIBRARIES = ["tsyringe", "reflect-metadata", "tslib"];
const FORBIDDEN_FILES = [
  [/(^|\/)src\//, "TypeScript sources are not published (publishConfig.exports drops the source condition)"],
  [/\.test\.|(^|\/)test\/|__fixtures__/, "tests and fixtures are not published"],
  [/\.tsbuildinfo$/, "build info is not published"],
];

const args = process.argv.slice(2);
const keep = args.includes("--keep");
const only = args.filter((argument) => !argument.startsWith("--"));

// ---- workspace packages -------------------------------------------------------------------------------
function workspacePackages() {
  const workspaceFile = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const block = /^packages:\s*\n((?:[ \t]+.*\n?|\s*\n)*)/m.exec(workspaceFile)?.[1] ?? "";
  const globs = [...block.matchAll(/^\s*-\s*["']?([^"'\s#]+)["']?\s*$/gm)]
    .map((match) => match[1])
    .filter((glob) => !glob.startsWith("!"));
  const directories = globs.flatMap((glob) => {
    if (!/^[^*]+\/\*$/.test(glob)) throw new Error(`pnpm-workspace.yaml: unsupported pattern ${glob} (only "dir/*")`);
    const parent = join(root, glob.slice(0, -2));
    return existsSync(parent)
      ? readdirSync(parent, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(parent, entry.name))
      : [];
  });
  return directories
    .filter((directory) => existsSync(join(directory, "package.json")))
    .map((directory) => ({
      directory,
      path: relative(root, directory),
      manifest: JSON.parse(readFileSync(join(directory, "package.json"), "utf8")),
    }))
    .filter(({ manifest }) => manifest.private !== true)
    .filter(({ manifest }) => only.length === 0 || only.includes(manifest.name));
}

// ---- processes -------------------------------------------------------------------------------------------
function run(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      ...options,
      shell: process.platform === "win32",
      env: { ...process.env, npm_config_update_notifier: "false", FORCE_COLOR: "0" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => resolve({ code: 127, stdout, stderr: `${stderr}${error.message}` }));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** pnpm itself when this script runs under `pnpm run`, otherwise the pinned pnpm through npx (as bootstrap.mjs does). */
function pnpmCommand() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: this script runs outside turbo, so no task cache depends on it
  const execPath = process.env.npm_execpath ?? "";
  if (/pnpm(\.c?js)?$/.test(basename(execPath)) && existsSync(execPath))
    return execPath.endsWith("js") ? [process.execPath, [execPath]] : [execPath, []];
  return ["npx", ["--yes", rootPackage.packageManager]];
}

async function pack(pkg, destination) {
  const [command, prefix] = pnpmCommand();
  const result = await run(command, [...prefix, "pack", "--pack-destination", destination, "--json"], {
    cwd: pkg.directory,
  });
  if (result.code !== 0) throw new Error(`pnpm pack failed in ${pkg.path}:\n${result.stderr || result.stdout}`);
  const json = JSON.parse(result.stdout.slice(result.stdout.indexOf("{")));
  return json.filename;
}

// ---- tarball ---------------------------------------------------------------------------------------------
/** Minimal reader for the ustar/pax tarballs package managers write: path (without "package/") → contents. */
function readTarball(file) {
  const data = gunzipSync(readFileSync(file));
  const files = new Map();
  let offset = 0;
  let longName = null;
  const text = (header, start, length) => {
    const raw = header.subarray(start, start + length);
    const end = raw.indexOf(0);
    return raw.subarray(0, end === -1 ? length : end).toString("utf8");
  };
  while (offset + 512 <= data.length) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(text(header, 124, 12).trim() || "0", 8);
    const type = text(header, 156, 1) || "0";
    const prefix = text(header, 257, 5) === "ustar" ? text(header, 345, 155) : "";
    const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    const body = data.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === "x") longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString("utf8"))?.[1] ?? null;
    else if (type === "L") longName = body.toString("utf8").replace(/\0.*$/s, "");
    else {
      longName = null;
      if (type === "0" || type === "7") files.set(name.replace(/^[^/]+\//, ""), Buffer.from(body));
    }
  }
  return files;
}

// ---- checks ----------------------------------------------------------------------------------------------
async function runPublint(tarball) {
  const bytes = readFileSync(tarball);
  const result = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "suggestion",
  });
  const count = (type) => result.messages.filter((message) => message.type === type).length;
  return {
    errors: count("error"),
    warnings: count("warning"),
    suggestions: count("suggestion"),
    details: result.messages.map(
      (message) => `publint ${message.type}: ${formatMessage(message, result.pkg, { color: false }) ?? message.code}`,
    ),
  };
}

const attwBin = (() => {
  const require = createRequire(join(root, "package.json"));
  const manifestPath = require.resolve("@arethetypeswrong/cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  return join(manifestPath, "..", typeof manifest.bin === "string" ? manifest.bin : manifest.bin.attw);
})();

async function runAttw(tarball) {
  const result = await run(process.execPath, [
    attwBin,
    tarball,
    "--profile",
    ATTW_PROFILE,
    "--format",
    "json",
    "--no-color",
  ]);
  let analysis;
  try {
    analysis = JSON.parse(result.stdout).analysis;
  } catch {
    return {
      ok: false,
      summary: "crashed",
      details: [`attw exited ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 2000)}`],
    };
  }
  const details = [];
  if (!analysis.types) details.push("attw: the package ships no types");
  const counted = analysis.problems.filter(
    (problem) => !("resolutionKind" in problem) || !ATTW_IGNORED_RESOLUTIONS.includes(problem.resolutionKind),
  );
  for (const problem of counted)
    details.push(
      `attw: ${problem.kind}${problem.entrypoint ? ` at "${problem.entrypoint}"` : ""}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ""}`,
    );
  // Independently of attw's verdict: every entry point must resolve to declarations and to JavaScript.
  const entrypoints = Object.values(analysis.entrypoints).filter(
    (entrypoint) => !entrypoint.subpath.endsWith("package.json"),
  );
  for (const entrypoint of entrypoints) {
    for (const kind of ATTW_CHECKED_RESOLUTIONS) {
      const resolution = entrypoint.resolutions[kind];
      if (!resolution?.resolution?.fileName?.endsWith(".d.ts"))
        details.push(`attw: "${entrypoint.subpath}" has no type declarations under ${kind}`);
      if (!resolution?.implementationResolution?.fileName)
        details.push(`attw: "${entrypoint.subpath}" has no JavaScript under ${kind}`);
    }
  }
  if (result.code !== 0 && details.length === 0) details.push(`attw exited ${result.code}`);
  const ok = details.length === 0;
  return {
    ok,
    summary: ok
      ? `ok ${entrypoints.length} entry point(s): ${ATTW_CHECKED_RESOLUTIONS.join(", ")}`
      : `${details.length} problem(s)`,
    details,
  };
}

function withoutSourceCondition(value) {
  if (Array.isArray(value)) return value.map(withoutSourceCondition);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== SOURCE_CONDITION)
        .map(([key, inner]) => [key, withoutSourceCondition(inner)]),
    );
  }
  return value;
}

function exportTargets(value, path = []) {
  if (typeof value === "string") return [[path.join(" → "), value]];
  if (Array.isArray(value)) return value.flatMap((inner, index) => exportTargets(inner, [...path, String(index)]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => exportTargets(inner, [...path, key]));
  return [];
}

/** The packaging contract every publishable package keeps; each finding is an error. */
function checkContract(pkg, files) {
  const findings = [];
  const packed = JSON.parse(files.get("package.json")?.toString("utf8") ?? "{}");
  const check = (condition, message) => condition || findings.push(message);

  check(packed.name === pkg.manifest.name && typeof packed.version === "string", "package.json: name and version");
  check(packed.type === "module", 'package.json: "type": "module" (the packages are ESM-only)');
  check(packed.license === rootPackage.license, `package.json: "license": "${rootPackage.license}"`);
  check(
    files.has("LICENSE"),
    "LICENSE is not in the tarball (pnpm packs the workspace root LICENSE when a package has none of its own)",
  );
  check(
    !files.has("LICENSE") || files.get("LICENSE").equals(rootLicense),
    "LICENSE differs from the root LICENSE (delete the package copy or keep it identical)",
  );
  check((files.get("README.md")?.length ?? 0) > 200, "README.md is missing or empty");
  check(typeof packed.engines?.node === "string", 'package.json: "engines.node"');
  check(
    packed.engines?.node === rootPackage.engines?.node,
    `package.json: "engines.node" is ${packed.engines?.node}, the workspace says ${rootPackage.engines?.node}`,
  );
  check(Array.isArray(pkg.manifest.files) && pkg.manifest.files.length > 0, 'package.json: "files"');
  check(Array.isArray(packed.keywords) && packed.keywords.length > 0, 'package.json: "keywords"');
  check(
    typeof packed.repository === "object" && /^git\+https:\/\//.test(packed.repository.url ?? ""),
    'package.json: "repository" { type, url: "git+https://…" }',
  );
  check(packed.repository?.directory === pkg.path, `package.json: "repository.directory" must be "${pkg.path}"`);
  check(
    typeof packed.homepage === "string" && typeof (packed.bugs?.url ?? packed.bugs) === "string",
    'package.json: "homepage" and "bugs"',
  );

  check(packed.exports && typeof packed.exports === "object", 'package.json: "exports"');
  const expected = withoutSourceCondition(pkg.manifest.exports);
  check(
    isDeepStrictEqual(packed.exports, expected),
    `published exports differ from "exports" minus the ${SOURCE_CONDITION} condition (keep publishConfig.exports in sync)`,
  );
  for (const [subpath, conditions] of Object.entries(packed.exports ?? {})) {
    if (subpath.endsWith("package.json")) continue;
    check(
      typeof conditions === "object" && Object.keys(conditions)[0] === "types",
      `exports["${subpath}"]: a "types" condition, listed first`,
    );
  }
  const targets = [
    ...exportTargets(packed.exports, ["exports"]),
    ["main", packed.main],
    ["types", packed.types],
    ...Object.entries(typeof packed.bin === "string" ? { bin: packed.bin } : (packed.bin ?? {})).map(
      ([name, target]) => [`bin → ${name}`, target],
    ),
  ];
  for (const [where, target] of targets) {
    if (typeof target !== "string") continue;
    if (target.includes("*")) continue; // publint checks glob exports
    check(files.has(target.replace(/^\.\//, "")), `${where}: ${target} is not in the tarball`);
  }
  check(
    !JSON.stringify(packed.exports ?? {}).includes(SOURCE_CONDITION),
    `published exports still carry the ${SOURCE_CONDITION} condition`,
  );
  for (const [name, target] of Object.entries(typeof packed.bin === "object" && packed.bin ? packed.bin : {})) {
    check(
      files.get(target.replace(/^\.\//, ""))?.toString("utf8").startsWith("#!/usr/bin/env node") ?? false,
      `bin ${name}: ${target} needs a "#!/usr/bin/env node" line`,
    );
  }
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [name, range] of Object.entries(packed[field] ?? {}))
      check(!String(range).startsWith("workspace:"), `${field}.${name}: "${range}" was not rewritten`);
  }
  // Caret ranges let an application dedupe our dependencies with its own and take their fixes.
  for (const [name, range] of Object.entries(packed.dependencies ?? {}))
    check(/^\^\d/.test(range), `dependencies.${name}: "${range}" is not a caret range (^x.y.z)`);
  for (const name of DI_LIBRARIES) {
    check(
      !(name in (packed.dependencies ?? {})),
      `dependencies.${name}: only \`/di\` needs it; declare it an optional peer dependency`,
    );
    if (name in (packed.peerDependencies ?? {}))
      check(
        packed.peerDependenciesMeta?.[name]?.optional === true,
        `peerDependencies.${name}: mark it optional in peerDependenciesMeta`,
      );
  }
  const staleSources = new Set();
  for (const file of files.keys()) {
    for (const [pattern, reason] of FORBIDDEN_FILES) if (pattern.test(file)) findings.push(`${file}: ${reason}`);
    // tsc -b never deletes outputs, so a renamed or deleted source leaves a stale module in dist/ that would ship.
    const output = /^dist\/(.+?)(?:\.d\.ts|\.js)(?:\.map)?$/.exec(file);
    const source = output && `src/${output[1]}.ts`;
    if (source && existsSync(join(pkg.directory, "src")) && !existsSync(join(pkg.directory, source)))
      staleSources.add(source);
  }
  for (const source of staleSources)
    findings.push(`stale build output in dist/ for ${source}, which no longer exists (delete dist/ and rebuild)`);
  return findings;
}

// The main entry is imported in a child Node.js whose resolver reports the DI libraries as not installed, the
// way a user without them sees it; the files Node loaded are checked too, in case one reached them through
// require(), which the ESM resolver hooks of Node.js 20 do not see.
const HIDE_DI_LIBRARIES = `export async function resolve(specifier, context, next) {
  if (/^(${DI_LIBRARIES.join("|")})(\\/|$)/.test(specifier)) {
    throw Object.assign(new Error(\`Cannot find package '\${specifier}' (hidden by check-packages)\`), { code: "ERR_MODULE_NOT_FOUND" });
  }
  return next(specifier, context);
}`;
const IMPORT_WITHOUT_DI_LIBRARIES = `import { createRequire, register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HIDE_DI_LIBRARIES)}`)});
await import(process.argv[1]);
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => /node_modules[\\\\/](${DI_LIBRARIES.join("|")})[\\\\/]/.test(path));
if (loaded.length > 0) throw new Error(\`loaded \${loaded.join(", ")}\`);
`;

/** Imports the main entry (exports["."]) of the package with the DI libraries hidden; returns the findings. */
async function checkMainEntryWithoutDi(pkg, packed) {
  const main = packed.exports?.["."];
  const target = typeof main === "string" ? main : (main?.import ?? main?.default);
  if (typeof target !== "string") return [];
  const entry = pathToFileURL(join(pkg.directory, target)).href;
  const result = await run(process.execPath, ["--input-type=module", "--eval", IMPORT_WITHOUT_DI_LIBRARIES, entry], {
    cwd: pkg.directory,
  });
  if (result.code === 0) return [];
  const reason =
    (result.stderr || result.stdout).split("\n").find((line) => /Error|loaded /.test(line)) ?? `exit ${result.code}`;
  return [
    `the main entry ${target} does not import without ${DI_LIBRARIES.join(", ")} (optional peers for /di): ${reason.trim()}`,
  ];
}

/**
 * `changeset status`: every pending changeset parses and names workspace packages (all of them are read), and if a
 * package changed since the base branch (.changeset/config.json) there is at least one changeset. Returns a summary
 * line and the findings.
 */
async function checkChangesets(destination) {
  const require = createRequire(join(root, "package.json"));
  const manifestPath = require.resolve("@changesets/cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const bin = join(manifestPath, "..", typeof manifest.bin === "string" ? manifest.bin : manifest.bin.changeset);
  const output = join(destination, "changeset-status.json");
  const result = await run(process.execPath, [bin, "status", `--output=${relative(root, output)}`], {
    cwd: root,
  });
  if (result.code !== 0)
    return {
      summary: "changeset status failed",
      findings: stripVTControlCharacters(result.stderr || result.stdout)
        .split("\n")
        .filter((line) => line.trim() !== "" && !/^\S*\s*(error)?\s+at /.test(line)),
    };
  const status = JSON.parse(readFileSync(output, "utf8"));
  const releases = status.releases.filter((release) => release.type !== "none");
  const summary = `changesets: ${status.changesets.length} pending; next release: ${releases.map((release) => `${release.name} ${release.newVersion}`).join(", ") || "none"}`;
  return { summary, findings: [] };
}

// ---- main ------------------------------------------------------------------------------------------------
const packages = workspacePackages();
if (packages.length === 0) {
  console.error(`check-packages: no publishable package${only.length ? ` named ${only.join(", ")}` : ""}`);
  process.exit(1);
}
const missingBuild = packages.filter((pkg) => !existsSync(join(pkg.directory, "dist")));
if (missingBuild.length > 0) {
  console.error(
    `check-packages: no dist/ in ${missingBuild.map((pkg) => pkg.path).join(", ")}: run \`pnpm build\` first`,
  );
  process.exit(1);
}

const destination = mkdtempSync(join(tmpdir(), "polycloud-pack-"));
const started = Date.now();
let rows;
let changesets;
try {
  rows = await Promise.all(
    packages.map(async (pkg) => {
      try {
        const tarball = await pack(pkg, destination);
        const files = readTarball(tarball);
        const [lint, types] = await Promise.all([runPublint(tarball), runAttw(tarball)]);
        const packed = JSON.parse(files.get("package.json")?.toString("utf8") ?? "{}");
        const contract = [...checkContract(pkg, files), ...(await checkMainEntryWithoutDi(pkg, packed))];
        const size = readFileSync(tarball).length;
        return {
          pkg,
          files: files.size,
          size,
          lint,
          types,
          contract,
          failed: lint.errors + lint.warnings > 0 || !types.ok || contract.length > 0,
        };
      } catch (error) {
        return { pkg, error: error instanceof Error ? error.message : String(error), failed: true };
      }
    }),
  );
  changesets = await checkChangesets(destination);
} finally {
  if (!keep) rmSync(destination, { recursive: true, force: true });
}

const header = ["package", "files", "packed", "publint err/warn/sugg", `attw (--profile ${ATTW_PROFILE})`, "contract"];
const table = rows.map((row) =>
  row.error
    ? [row.pkg.manifest.name, "-", "-", "-", "-", "pack failed"]
    : [
        row.pkg.manifest.name,
        String(row.files),
        `${(row.size / 1024).toFixed(1)} kB`,
        `${row.lint.errors}/${row.lint.warnings}/${row.lint.suggestions}`,
        row.types.summary,
        row.contract.length === 0 ? "ok" : `${row.contract.length} error(s)`,
      ],
);
const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column].length)));
const line = (cells) =>
  cells
    .map((cell, column) => cell.padEnd(widths[column]))
    .join("  ")
    .trimEnd();
console.log(line(header));
console.log(line(widths.map((width) => "-".repeat(width))));
for (const cells of table) console.log(line(cells));

for (const row of rows) {
  const details = row.error
    ? [row.error]
    : [...row.lint.details, ...row.types.details, ...row.contract.map((finding) => `contract: ${finding}`)];
  if (details.length === 0) continue;
  console.log(`\n${row.pkg.manifest.name} (${row.pkg.path}):`);
  for (const detail of details) console.log(`  ${detail}`);
}
console.log(`\n${changesets.summary}`);
for (const finding of changesets.findings) console.log(`  ${finding}`);
const failed = rows.filter((row) => row.failed);
console.log(
  `\npackages: ${rows.length} checked, ${failed.length} failed (${((Date.now() - started) / 1000).toFixed(1)} s)${keep ? `; tarballs kept in ${destination}` : ""}`,
);
process.exit(failed.length > 0 || changesets.findings.length > 0 ? 1 : 0);
