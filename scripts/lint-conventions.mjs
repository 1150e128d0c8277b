#!/usr/bin/env node
// Checks the project's written conventions that a type checker cannot: kebab-case file names, an explicit
// @inject(TOKEN) on every injected constructor parameter (no emitted decorator metadata), adapters reaching
// tsyringe only through @polycloud/core, no console output from library code, the adapter entry points (main and DI),
// and adapters mirroring each other's provider-named files (sign-, map-, resolve-, <provider>-…), and file sizes.
// Prints every finding; exits 1 on errors.
//
// Sizes are counted on the formatted file: `biome ci` (run before this script in `test:ci`) fails on any file Biome
// would reformat, so the lines of a file that passes it are its formatted lines.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const errors = [];
const warnings = [];
// Per adapter: what its main entry (src/index.ts) and its DI entry (src/di.ts, `<package>/di`) must export.
const ADAPTERS = {
  "alibaba-ecs": { index: ["createAlibabaEcsAllocator", "alibabaEcsPlugin"], di: ["alibabaEcsModule"] },
  "zenlayer-eip": { index: ["createZenlayerEipAllocator", "zenlayerEipPlugin"], di: ["zenlayerEipModule"] },
  "aws-ec2": { index: ["createAwsEc2Allocator", "awsEc2Plugin"], di: ["awsEc2Module"] },
};
const CONSOLE_ALLOWED = /(^|\/)(bin|cli|demo)[^/]*\.ts$|\/cli\//;
// A source module stays under 200 formatted lines: one job per file. Tests and their fixtures may reach 300: a test
// file is a list of independent cases whose setup is inline on purpose, so it grows by cases, not by concerns.
const MAX_SOURCE_LINES = 200;
const MAX_TEST_LINES = 300;
const TEST_FILE = /\.test\.ts$|(^|\/)(__fixtures__|test)\//;

function listDirectories(directory) {
  try {
    return readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(directory, entry.name));
  } catch {
    return [];
  }
}

function listFiles(directory, { fixtures = false } = {}) {
  let entries;
  try {
    entries = readdirSync(directory);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === "node_modules" || name === "dist" || (name === "__fixtures__" && !fixtures)) return [];
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listFiles(path, { fixtures }) : [path];
  });
}

const packageDirectories = ["packages", "apps", "examples"]
  .flatMap((group) => listDirectories(join(root, group)))
  .filter((directory) => {
    try {
      return statSync(join(directory, "src")).isDirectory();
    } catch {
      return false;
    }
  });

for (const directory of packageDirectories) {
  for (const file of listFiles(join(directory, "src")).filter((path) => path.endsWith(".ts"))) {
    const name = relative(root, file);
    const base = file.split("/").pop();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9-]+)*\.ts$/.test(base)) errors.push(`${name}: file names are kebab-case`);
    const text = readFileSync(file, "utf8");
    const isTest = /\.test\.ts$/.test(base);
    if (!isTest) checkInjections(name, text);
    if (!isTest && name.startsWith("packages/") && !name.startsWith("packages/core/") && /from "tsyringe"/.test(text))
      errors.push(`${name}: import inject/injectable from @polycloud/core, not tsyringe`);
    if (
      !isTest &&
      name.startsWith("packages/") &&
      !CONSOLE_ALLOWED.test(name) &&
      /\bconsole\.(log|info|warn|error|debug)\(/.test(text)
    )
      errors.push(`${name}: library code reports through hooks or a Logger, not console`);
  }
  for (const file of ["src", "test"].flatMap((folder) => listFiles(join(directory, folder), { fixtures: true }))) {
    if (!/\.(ts|mjs)$/.test(file)) continue;
    const name = relative(root, file);
    const limit = TEST_FILE.test(name) ? MAX_TEST_LINES : MAX_SOURCE_LINES;
    const lines = countLines(readFileSync(file, "utf8"));
    if (lines > limit) errors.push(`${name}: ${lines} lines once formatted; split it (the limit is ${limit})`);
  }
}

/** Lines as an editor numbers them: a final newline does not start another line. */
function countLines(text) {
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

function checkInjections(name, text) {
  const classPattern = /@injectable\(\)[\s\S]*?constructor\s*\(/g;
  for (let match = classPattern.exec(text); match !== null; match = classPattern.exec(text)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (end < text.length && depth > 0) {
      if (text[end] === "(") depth += 1;
      else if (text[end] === ")") depth -= 1;
      end += 1;
    }
    const parameters = splitTopLevel(text.slice(start, end - 1))
      .map((parameter) => parameter.trim())
      .filter(Boolean);
    for (const parameter of parameters) {
      if (!parameter.startsWith("@inject("))
        errors.push(`${name}: constructor parameter "${parameter.split(":")[0]}" needs an explicit @inject(TOKEN)`);
    }
  }
}

function splitTopLevel(text) {
  const parts = [];
  let depth = 0;
  let current = "";
  for (const character of text) {
    if ("([{<".includes(character)) depth += 1;
    if (")]}>".includes(character)) depth -= 1;
    if (character === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += character;
  }
  parts.push(current);
  return parts;
}

const layouts = {};
for (const [adapter, entries] of Object.entries(ADAPTERS)) {
  const directory = join(root, "packages", adapter, "src");
  if (listDirectories(join(root, "packages")).every((path) => !path.endsWith(`/${adapter}`))) continue;
  let index;
  try {
    index = readFileSync(join(directory, "index.ts"), "utf8");
  } catch {
    errors.push(`packages/${adapter}/src/index.ts is missing`);
    continue;
  }
  for (const exported of entries.index)
    if (!new RegExp(`\\b${exported}\\b`).test(index))
      errors.push(`packages/${adapter}/src/index.ts: must export ${exported}`);
  // The main entry must not reach the DI container: tsyringe stays off the factory and config paths.
  if (/\bdi\.js"|@polycloud\/core\/di/.test(index))
    errors.push(`packages/${adapter}/src/index.ts: must not import the DI entry`);
  let di = "";
  try {
    di = readFileSync(join(directory, "di.ts"), "utf8");
  } catch {
    errors.push(`packages/${adapter}/src/di.ts is missing`);
  }
  for (const exported of entries.di)
    if (!new RegExp(`\\b${exported}\\b`).test(di))
      errors.push(`packages/${adapter}/src/di.ts: must export ${exported}`);
  if (!/export default|as default/.test(index))
    errors.push(`packages/${adapter}/src/index.ts: must default-export the plugin`);
  layouts[adapter] = new Set(
    listFiles(directory)
      .map((file) => relative(directory, file).replaceAll(adapter, "<provider>"))
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && file.includes("<provider>")),
  );
}
const [first, second] = Object.keys(layouts);
if (first && second) {
  const onlyFirst = [...layouts[first]].filter((file) => !layouts[second].has(file));
  const onlySecond = [...layouts[second]].filter((file) => !layouts[first].has(file));
  if (onlyFirst.length + onlySecond.length > 0)
    warnings.push(
      `adapter layouts differ: only in ${first}: ${onlyFirst.join(", ") || "-"}; only in ${second}: ${onlySecond.join(", ") || "-"}`,
    );
}

for (const warning of warnings) console.log(`warning: ${warning}`);
for (const error of errors) console.log(`error: ${error}`);
console.log(`conventions: ${errors.length} error(s), ${warnings.length} warning(s)`);
process.exit(errors.length > 0 ? 1 : 0);
