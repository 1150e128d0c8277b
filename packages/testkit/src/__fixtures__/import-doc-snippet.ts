import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root (this file is packages/testkit/src/__fixtures__/). */
export const REPOSITORY_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** A fenced TypeScript or JavaScript block of a document, with the marker comment on the line before it. */
export interface DocSnippet {
  document: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  /** The reason of a `<!-- not-run: <reason> -->` marker: such a block is shown, not executed. */
  notRunReason?: string;
  /**
   * The file of a `<!-- snippet: <path> -->` marker: the block is copied from that file, which a test runs
   * (examples/in-memory-provider/src/writing-an-adapter-doc.test.ts checks the copy).
   */
  copiedFrom?: string;
}

// A fence may be indented (inside a list item); its lines are then indented alike.
const FENCE =
  /(?:<!-- (not-run|snippet): ([^\n]+?) -->\n)?^( *)```(ts|typescript|js|javascript|mjs)\n([\s\S]*?)\n\3```/gm;

/** Every ts/js block of a document (path from the repository root). */
export function readDocSnippets(document: string): DocSnippet[] {
  const text = readFileSync(join(REPOSITORY_ROOT, document), "utf8");
  return [...text.matchAll(FENCE)].map((match) => {
    const [, marker, value = "", indent = "", , code = ""] = match;
    return {
      document,
      line: text.slice(0, match.index + match[0].indexOf("```")).split("\n").length,
      code: code
        .split("\n")
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join("\n"),
      ...(marker === "not-run" ? { notRunReason: value } : {}),
      ...(marker === "snippet" ? { copiedFrom: value } : {}),
    };
  });
}

/** Workspace package name → its folder, for the packages under packages/ and apps/. */
function readWorkspacePackages(): Map<string, string> {
  const packages = new Map<string, string>();
  for (const folder of ["packages", "apps"]) {
    for (const entry of readdirSync(join(REPOSITORY_ROOT, folder), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const directory = join(REPOSITORY_ROOT, folder, entry.name);
      try {
        const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as { name: string };
        packages.set(manifest.name, directory);
      } catch {
        // a folder without a manifest is not a package
      }
    }
  }
  return packages;
}

type ExportTarget = string | { [condition: string]: ExportTarget };

/**
 * The TypeScript source a `@polycloud/…` specifier names inside the workspace: the `@polycloud/source`
 * condition of the package's export, as the test configuration resolves it.
 */
function resolveWorkspaceSpecifier(specifier: string, packages: Map<string, string>): string {
  const [, name = "", subpath = ""] = /^(@polycloud\/[^/]+)(\/.*)?$/.exec(specifier) ?? [];
  const directory = packages.get(name);
  if (directory === undefined) throw new Error(`${specifier}: not a workspace package`);
  const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as {
    exports: Record<string, ExportTarget>;
  };
  const target = manifest.exports[`.${subpath}`];
  const source = typeof target === "object" ? target["@polycloud/source"] : undefined;
  if (typeof source !== "string") throw new Error(`${specifier}: no @polycloud/source export`);
  return pathToFileURL(join(directory, source)).href;
}

const temporaryDirectory = mkdtempSync(join(tmpdir(), "polycloud-doc-snippets-"));
let written = 0;

/**
 * Imports a snippet as its own module, as written except that `@polycloud/…` imports point at the workspace
 * sources (a user's project resolves them from node_modules). Tests it registers join the current suite.
 */
export async function importDocSnippet(snippet: DocSnippet): Promise<void> {
  const packages = readWorkspacePackages();
  const code = snippet.code.replace(
    /(from\s+|import\s*\(\s*)"(@polycloud\/[^"]+)"/g,
    (_, keyword: string, specifier: string) => `${keyword}"${resolveWorkspaceSpecifier(specifier, packages)}"`,
  );
  written += 1;
  // .ts for JavaScript blocks too: TypeScript is a superset, and each import needs a fresh module.
  const file = join(
    temporaryDirectory,
    `${snippet.document.replace(/[^a-z0-9]+/gi, "-")}-line-${snippet.line}-${written}.ts`,
  );
  writeFileSync(file, code);
  await import(pathToFileURL(file).href);
}

/** Removes the modules written by {@link importDocSnippet}. */
export function removeDocSnippetModules(): void {
  rmSync(temporaryDirectory, { recursive: true, force: true });
}

/**
 * A directory laid out like a user's project after installing polycloud: node_modules/@polycloud/<name> links
 * to each workspace package, so core finds the adapters a configuration names from there (their build output,
 * as from an install). Tests make it the working directory while snippets run.
 */
export function createProjectDirectory(): string {
  const project = join(temporaryDirectory, "project");
  mkdirSync(join(project, "node_modules", "@polycloud"), { recursive: true });
  for (const [name, directory] of readWorkspacePackages())
    symlinkSync(directory, join(project, "node_modules", name), "dir");
  return project;
}

/** Imports a workspace package by name from its sources (for packages the testkit does not depend on). */
export async function importWorkspacePackage<Module>(specifier: string): Promise<Module> {
  return (await import(resolveWorkspaceSpecifier(specifier, readWorkspacePackages()))) as Module;
}
