// The TypeScript and JavaScript blocks of the user-facing docs, executed as written: each one is its own module
// whose @polycloud imports resolve to the workspace sources, run from a directory laid out like an installed
// project. A block that cannot run here says why, in a `<!-- not-run: <reason> -->` line above it.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  REPOSITORY_ROOT,
  createProjectDirectory,
  importDocSnippet,
  importWorkspacePackage,
  readDocSnippets,
  removeDocSnippetModules,
  type DocSnippet,
} from "./__fixtures__/import-doc-snippet.js";

/** The part of @polycloud/emulator these tests use (the testkit does not depend on the emulator package). */
interface Emulator {
  alibaba: { endpoint: string };
  zenlayer: { endpoint: string };
  aws: { endpoint: string };
  events: { list(filter: { provider?: string; kind?: string }): unknown[] };
  zenlayerState: { eips: Array<{ eipId: string; eipStatus: string }> };
  close(): Promise<void>;
}
const { startEmulator } = await importWorkspacePackage<{ startEmulator(options: object): Promise<Emulator> }>(
  "@polycloud/emulator",
);

/** Documents whose every block runs as a module of its own (they register vitest tests or run top-level code). */
const SELF_CONTAINED_DOCUMENTS = ["packages/testkit/README.md", "docs/testing-with-the-emulator.md"];
const project = createProjectDirectory();

beforeAll(() => {
  // Snippets create allocators from configuration: core loads the named adapter from the working directory.
  vi.spyOn(process, "cwd").mockReturnValue(project);
});
afterAll(() => {
  vi.restoreAllMocks();
  removeDocSnippetModules();
});

for (const document of SELF_CONTAINED_DOCUMENTS) {
  describe(document, async () => {
    const snippets = readDocSnippets(document);
    it("has blocks, each executed below or marked not-run with a reason", () => {
      expect(snippets.length).toBeGreaterThan(0);
      expect(
        snippets.filter((snippet) => snippet.notRunReason !== undefined && snippet.notRunReason.trim().length < 10),
      ).toEqual([]);
    });
    for (const snippet of snippets.filter(
      (candidate) => candidate.notRunReason === undefined && candidate.copiedFrom === undefined,
    )) {
      describe(`block at line ${snippet.line}`, async () => {
        await importDocSnippet(snippet);
      });
    }
  });
}

describe("docs/", () => {
  it("holds no block that is neither executed here, copied from tested code, nor marked not-run", () => {
    const documents = readdirSync(join(REPOSITORY_ROOT, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`);
    const unchecked = documents
      .filter((document) => !SELF_CONTAINED_DOCUMENTS.includes(document))
      .flatMap((document) =>
        readDocSnippets(document).filter(
          (snippet) => snippet.copiedFrom === undefined && snippet.notRunReason === undefined,
        ),
      )
      .map((snippet) => `${snippet.document}:${snippet.line}`);
    expect(documents).toContain("docs/testing-with-the-emulator.md");
    expect(unchecked).toEqual([]);
  });
});

describe("README.md", () => {
  it("has TypeScript only in the sample, which apps/allocate-ip runs unchanged (examples/sample.mjs)", () => {
    const lines = readFileSync(join(REPOSITORY_ROOT, "README.md"), "utf8").split("\n");
    const start = lines.indexOf("<!-- sample:start -->") + 1;
    const end = lines.indexOf("<!-- sample:end -->") + 1;
    const outside = readDocSnippets("README.md").filter(
      (snippet) => snippet.notRunReason === undefined && !(snippet.line > start && snippet.line < end),
    );
    expect(start).toBeGreaterThan(0);
    expect(outside.map((snippet) => `line ${snippet.line}`)).toEqual([]);
  });
});

describe("packages/core/README.md, Allocate from configuration", () => {
  const sample = findBlockAfter("packages/core/README.md", "## Allocate from configuration");
  const credentials = { id: "polycloud-test-key-id", secret: "polycloud-test-key-secret" };
  const cases = [
    {
      provider: "zenlayer-eip",
      location: "SEL-A",
      instance: "bmc-sel-0001",
      env: { ZENLAYER_ACCESS_KEY_ID: credentials.id, ZENLAYER_ACCESS_KEY_SECRET: credentials.secret },
    },
    {
      provider: "alibaba-ecs",
      location: "cn-hangzhou",
      instance: "i-polycloud0001",
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: credentials.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: credentials.secret },
    },
    {
      provider: "aws-ec2",
      location: "us-east-1",
      instance: "i-0123456789abcdef0",
      env: { AWS_ACCESS_KEY_ID: credentials.id, AWS_SECRET_ACCESS_KEY: credentials.secret },
    },
  ];

  it.each(cases)(
    "allocates and attaches on $provider, leaving nothing unattached",
    async ({ provider, location, instance, env }) => {
      const emulator = await startEmulator({ zenlayer: { provisioningDelayMs: 50, associationDelayMs: 50 } });
      const printed = vi.spyOn(console, "log").mockImplementation(() => undefined);
      try {
        const endpoint =
          provider === "zenlayer-eip"
            ? emulator.zenlayer.endpoint
            : provider === "aws-ec2"
              ? emulator.aws.endpoint
              : emulator.alibaba.endpoint;
        const fast = provider === "zenlayer-eip" ? { pollIntervalMs: 50 } : {};
        const allocate = { location, instanceId: instance };
        writeFileSync(
          join(project, "polycloud.config.json"),
          JSON.stringify({
            provider,
            ...(provider === "zenlayer-eip" ? {} : { region: location }),
            endpoint,
            ...fast,
            allocate,
          }),
        );
        for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
        await importDocSnippet(sample);
        expect(printed).toHaveBeenCalledWith(expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/), "ready");
        const attached =
          emulator.events.list({ kind: "associate" }).length +
          emulator.events.list({ provider: "alibaba", kind: "allocate" }).length;
        expect(attached, "the IP is attached to the instance").toBe(1);
      } finally {
        printed.mockRestore();
        vi.unstubAllEnvs();
        await emulator.close();
      }
    },
  );

  it("releases the EIP on Zenlayer when the instance cannot take it", async () => {
    const emulator = await startEmulator({ zenlayer: { provisioningDelayMs: 50, associationDelayMs: 50 } });
    try {
      const allocate = { location: "SEL-A", instanceId: "bmc-sel-0099" }; // a STOPPED instance
      writeFileSync(
        join(project, "polycloud.config.json"),
        JSON.stringify({
          provider: "zenlayer-eip",
          endpoint: emulator.zenlayer.endpoint,
          pollIntervalMs: 50,
          allocate,
        }),
      );
      for (const [name, value] of Object.entries(cases[0]?.env ?? {})) vi.stubEnv(name, value);
      await expect(importDocSnippet(sample)).rejects.toMatchObject({
        details: { allocatedIds: [expect.any(String)], keptIds: [] },
      });
      const billed = emulator.zenlayerState.eips.filter((eip) => !["RECYCLING", "RECYCLE"].includes(eip.eipStatus));
      expect(billed, "no EIP is left billed").toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      await emulator.close();
    }
  });
});

/** The first ts/js block after a heading line. */
function findBlockAfter(document: string, heading: string): DocSnippet {
  const headingLine = readFileSync(join(REPOSITORY_ROOT, document), "utf8").split("\n").indexOf(heading) + 1;
  const snippet = readDocSnippets(document).find((candidate) => headingLine > 0 && candidate.line > headingLine);
  if (snippet === undefined) throw new Error(`${document}: no code block after "${heading}"`);
  return snippet;
}
