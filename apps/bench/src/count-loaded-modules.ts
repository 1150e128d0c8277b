import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Modules one scenario loaded, per package. */
export interface ModuleCensus {
  /** `package → { esm, cjs }` counts of distinct files, largest first. */
  packages: Array<{ name: string; esm: number; cjs: number }>;
  total: number;
}

const CHILD_ENTRY = fileURLToPath(new URL("./cold-start-child.js", import.meta.url));
const RECORDER = new URL("./record-module-loads.js", import.meta.url).href;

/** `zod@4.6.7`, `@polycloud/core`, … from a file path or URL; undefined for the bench's own files. */
function readPackageName(location: string): string | undefined {
  const store = /node_modules\/\.pnpm\/(.+?)\/node_modules\//.exec(location);
  if (store) return (store[1] as string).replace(/^(@[^+]+)\+/, "$1/").replace(/_.*$/, "");
  const workspace = /\/packages\/([^/]+)\//.exec(location);
  if (workspace) return `@polycloud/${workspace[1] as string}`;
  return undefined;
}

/**
 * Runs one cold-start scenario with {@link RECORDER} preloaded and counts the distinct modules it loaded per
 * package: the concrete list of what a first call pays to import.
 */
export function countLoadedModules(scenario: string, endpoint: string): ModuleCensus {
  const directory = mkdtempSync(join(tmpdir(), "polycloud-bench-"));
  const logPath = join(directory, "modules.log");
  try {
    const child = spawnSync(process.execPath, ["--import", RECORDER, CHILD_ENTRY, scenario, endpoint], {
      env: { ...process.env, POLYCLOUD_BENCH_MODULE_LOG: logPath },
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`module census of ${scenario} failed: ${child.stderr}`);
    const seen = new Map<string, { esm: Set<string>; cjs: Set<string> }>();
    for (const line of readFileSync(logPath, "utf8").split("\n")) {
      const [kind, location] = [line.slice(0, 3), line.slice(4)];
      const name = readPackageName(location);
      if (name === undefined || (kind !== "esm" && kind !== "cjs")) continue;
      const entry = seen.get(name) ?? { esm: new Set<string>(), cjs: new Set<string>() };
      entry[kind].add(location.replace(/^file:\/\//, ""));
      seen.set(name, entry);
    }
    const packages = [...seen].map(([name, { esm, cjs }]) => ({
      name,
      esm: esm.size,
      cjs: [...cjs].filter((path) => !esm.has(path)).length,
    }));
    packages.sort((left, right) => right.esm + right.cjs - (left.esm + left.cjs));
    return { packages, total: packages.reduce((sum, entry) => sum + entry.esm + entry.cjs, 0) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
