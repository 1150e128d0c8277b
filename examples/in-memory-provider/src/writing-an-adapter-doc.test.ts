import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createIpAllocator } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { startInMemoryCloud } from "./cloud/index.js";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const exampleSource = fileURLToPath(new URL(".", import.meta.url));
/** Documents whose every fenced block is checked here. */
const DOCUMENTS = [
  "docs/writing-an-adapter.md",
  "docs/adapter-conventions.md",
  "examples/in-memory-provider/README.md",
];
/**
 * A fenced block and the marker on the line before it:
 * - `<!-- snippet: <path from the repository root> -->`: copied verbatim, in order, from that file (which the
 *   example's tests run, or is itself a test); a line of only `// …` stands for code left out;
 * - `<!-- config -->`: a polycloud configuration, loaded and used against a live cloud;
 * - `<!-- layout: <directory> -->`: a file layout, checked against that directory.
 */
const BLOCK = /(?:<!-- (snippet|config|layout)(?:: (\S+))? -->\n)?```(\w*)\n([\s\S]*?)\n```/g;
const ELISION = /^[ \t]*\/\/ …\n/m;
const dedentLines = (text: string): string =>
  text
    .split("\n")
    .map((line) => line.trimStart())
    .join("\n");

interface Block {
  document: string;
  kind: string | undefined;
  target: string | undefined;
  language: string;
  code: string;
}

async function readBlocks(): Promise<Block[]> {
  const blocks: Block[] = [];
  for (const document of DOCUMENTS) {
    const text = await readFile(join(repositoryRoot, document), "utf8");
    for (const [, kind, target, language = "", code = ""] of text.matchAll(BLOCK))
      blocks.push({ document, kind, target, language, code });
  }
  return blocks;
}

describe("the adapter docs", () => {
  it("announce every fenced block as a snippet, a config or a layout, so each one is checked", async () => {
    const blocks = await readBlocks();
    const unchecked = blocks
      .filter((block) => block.kind === undefined)
      .map((block) => `${block.document}: ${block.code.split("\n")[0]}`);
    expect(unchecked).toEqual([]);
    expect(
      blocks.filter((block) => block.kind === "snippet" && block.document === "docs/writing-an-adapter.md").length,
    ).toBeGreaterThanOrEqual(15);
  });

  it("copy every snippet verbatim, in order, from the example's code", async () => {
    const stale: string[] = [];
    for (const { document, target = "", code } of (await readBlocks()).filter((block) => block.kind === "snippet")) {
      if (!target.startsWith("examples/in-memory-provider/src/")) {
        stale.push(`${document}: ${target} is not the example's code`);
        continue;
      }
      // Indentation aside: a snippet may show a block from inside a test body without its nesting.
      const source = dedentLines(await readFile(join(repositoryRoot, target), "utf8"));
      let searchFrom = 0;
      for (const part of code.split(ELISION).map((text) => dedentLines(text.trimEnd()))) {
        const at = source.indexOf(part, searchFrom);
        if (at < 0) {
          stale.push(`${document} → ${target}: ${part.split("\n")[0]}`);
          break;
        }
        searchFrom = at + part.length;
      }
    }
    expect(stale, "snippets that no longer match their source file").toEqual([]);
  });

  it("show configurations that load the plugin and allocate", async () => {
    const configs = (await readBlocks()).filter((block) => block.kind === "config");
    expect(configs.length).toBeGreaterThanOrEqual(2);
    const far = await startInMemoryCloud({ accessToken: "in-memory-doc-token-1f0c" });
    try {
      for (const { code } of configs) {
        const config = JSON.parse(code) as Record<string, unknown>;
        // The docs point at the build output; the test loads the same module from source, on the live cloud.
        const provider = String(config.provider).replace(/\/dist\/(.*)\.js$/, "/src/$1.ts");
        const allocator = await createIpAllocator(
          { ...config, provider, endpoint: far.endpoint },
          { baseDirectory: repositoryRoot, env: { IN_MEMORY_ACCESS_TOKEN: "in-memory-doc-token-1f0c" } },
        );
        await expect(allocator.allocate({ location: { zone: "mem-1a" } })).resolves.toMatchObject({
          provider: "in-memory",
        });
        await allocator.close();
      }
    } finally {
      await far.close();
    }
  });

  it("describe the layout the example has, file for file", async () => {
    const layouts = (await readBlocks()).filter((block) => block.kind === "layout");
    expect(layouts.map((block) => block.target)).toEqual(["examples/in-memory-provider/src"]);
    const files = (await readdir(exampleSource, { recursive: true })).map((file) => `src/${file}`);
    const patterns = (layouts[0]?.code ?? "").split("\n").map((line) => toPattern(line.split(/\s+/)[0] ?? ""));
    const missing = patterns.filter((pattern) => !files.some((file) => pattern.test(file))).map(String);
    expect(missing, "layout entries the example lacks").toEqual([]);
    // Every adapter file of the example has its place in the layout (the far side under cloud/ is not the adapter).
    const adapterFiles = files.filter(
      (file) =>
        file.endsWith(".ts") &&
        !file.endsWith(".test.ts") &&
        !file.startsWith("src/cloud/") &&
        !file.startsWith("src/__fixtures__/"),
    );
    expect(adapterFiles.filter((file) => !patterns.some((pattern) => pattern.test(file)))).toEqual([]);
    expect(relative(repositoryRoot, exampleSource)).toBe("examples/in-memory-provider/src");
  });
});

/** A layout entry as a pattern: `<provider>` is `in-memory`, `<verb>` a wire-call verb, `<noun>` any name. */
function toPattern(entry: string): RegExp {
  const escaped = entry.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = escaped
    .replaceAll("<provider>", "in-memory")
    .replaceAll("<Provider>", "InMemory")
    .replaceAll("<verb>", "(?:allocate|describe|release|wait-for|list|associate|terminate)")
    .replaceAll("<noun>", "[a-z0-9-]+");
  return new RegExp(`^${pattern}$`);
}
