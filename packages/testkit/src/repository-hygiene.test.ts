// The repository's gates, as a contributor relies on them: `npm test` (and so CI) fails on a formatting or lint
// violation and on an import cycle; a shared compiler setting invalidates turbo's cache; installing an adapter does
// not pull in the DI libraries; runtime dependencies take compatible updates.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPOSITORY_ROOT } from "./__fixtures__/import-doc-snippet.js";

const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(REPOSITORY_ROOT, path), "utf8")) as Record<string, unknown>;
const rootScripts = readJson("package.json")["scripts"] as Record<string, string>;
const publishable = readdirSync(join(REPOSITORY_ROOT, "packages"))
  .map((name) => ({ name, manifest: readJson(`packages/${name}/package.json`) }))
  .filter(({ manifest }) => manifest["private"] !== true);

describe("Biome, as npm test runs it", () => {
  const scratch = mkdtempSync(join(tmpdir(), "polycloud-biome-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  writeFileSync(join(scratch, "biome.json"), readFileSync(join(REPOSITORY_ROOT, "biome.json")));
  const runBiomeCi = () =>
    spawnSync(
      join(REPOSITORY_ROOT, "node_modules", ".bin", "biome"),
      ["ci", "--vcs-enabled=false", "--colors=off", "."],
      {
        cwd: scratch,
        encoding: "utf8",
      },
    );

  it("is the first step of test:ci, which npm test runs", () => {
    expect(rootScripts["test:ci"]?.startsWith("biome ci && ")).toBe(true);
    expect(rootScripts["test:ci"]).toContain("node scripts/lint-conventions.mjs");
    expect(readFileSync(join(REPOSITORY_ROOT, "scripts", "bootstrap.mjs"), "utf8")).toContain('"test:ci"');
  });

  it("passes clean code, and fails on a formatting violation and on an import cycle, naming them", () => {
    writeFileSync(join(scratch, "a.ts"), 'import { b } from "./b.js";\n\nexport const a = (): number => b() + 1;\n');
    writeFileSync(join(scratch, "b.ts"), "export function b(): number {\n  return 1;\n}\n");
    const clean = runBiomeCi();
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);

    writeFileSync(
      join(scratch, "b.ts"),
      'import { a } from "./a.js";\n\nexport function b(): number {\n  return a;\n}\n',
    );
    writeFileSync(join(scratch, "c.ts"), "export const c   =  {x:1}\n");
    const broken = runBiomeCi();
    const output = broken.stdout + broken.stderr;
    expect(broken.status).not.toBe(0);
    expect(output).toContain("noImportCycles");
    expect(output).toMatch(/c\.ts format/);
  });
});

describe("packages as installed", () => {
  it("keeps tsyringe and reflect-metadata optional peers: only the /di entry needs them", () => {
    for (const { name, manifest } of publishable) {
      const dependencies = Object.keys((manifest["dependencies"] as Record<string, string> | undefined) ?? {});
      expect(dependencies, name).not.toContain("tsyringe");
      expect(dependencies, name).not.toContain("reflect-metadata");
      expect(dependencies, name).not.toContain("tslib");
      const peers = (manifest["peerDependenciesMeta"] as Record<string, { optional?: boolean }> | undefined) ?? {};
      for (const library of ["tsyringe", "reflect-metadata"])
        if (library in ((manifest["peerDependencies"] as object | undefined) ?? {}))
          expect(peers[library]?.optional, `${name}: ${library}`).toBe(true);
    }
  });

  it("takes compatible updates of third-party runtime dependencies (caret ranges, no exact pins)", () => {
    for (const { name, manifest } of publishable)
      for (const [dependency, range] of Object.entries((manifest["dependencies"] as Record<string, string>) ?? {}))
        expect(range, `${name} → ${dependency}`).toMatch(/^(\^\d|workspace:)/);
  });

  it("lets turbo rebuild when a shared compiler or test setting changes", () => {
    expect(readJson("turbo.json")["globalDependencies"]).toEqual(
      expect.arrayContaining(["tsconfig.base.json", "vitest.shared.ts", "pnpm-lock.yaml"]),
    );
  });

  it("generates CHANGELOG.md with changesets for every package that lists it in files", () => {
    expect(readJson(".changeset/config.json")["changelog"]).toBe("@changesets/cli/changelog");
    expect(rootScripts["version-packages"]).toBe("changeset version");
  });
});
