import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
/** A fenced block announced by `<!-- snippet: <path from the repository root> -->`. */
const SNIPPET = /<!-- snippet: (\S+) -->\n```ts\n([\s\S]*?)\n```/g;
/** A line of only `// …` in a snippet stands for code left out. */
const ELISION = /^\/\/ …\n/m;

it("every snippet in docs/writing-an-adapter.md is copied verbatim, in order, from the example's code", async () => {
  const documentation = await readFile(join(repositoryRoot, "docs", "writing-an-adapter.md"), "utf8");
  const snippets = [...documentation.matchAll(SNIPPET)];
  expect(snippets.length).toBeGreaterThanOrEqual(15);
  const stale: string[] = [];
  for (const [, path = "", code = ""] of snippets) {
    const source = await readFile(join(repositoryRoot, path), "utf8");
    let searchFrom = 0;
    for (const part of code.split(ELISION).map((text) => text.trimEnd())) {
      const at = source.indexOf(part, searchFrom);
      if (at < 0) {
        stale.push(`${path}: ${part.split("\n")[0]}`);
        break;
      }
      searchFrom = at + part.length;
    }
  }
  expect(stale, "snippets that no longer match their source file").toEqual([]);
});
