import { countLoadedModules, type ModuleCensus } from "./count-loaded-modules.js";
import { formatNumber, formatRatio, formatVerdict, type ResultTable } from "./format-table.js";
import { readStep, readStepDelta, runColdStartChild, type ColdStartRun } from "./run-cold-start-child.js";
import { computeMedian } from "./summarize-samples.js";

/** Median figures of one cold-start scenario. */
export interface ColdStartRow {
  scenario: string;
  label: string;
  importMs: number;
  createMs: number;
  firstCallMs: number;
  /** Process start → first allocate completed (or → script start for `node-only`), inside the child. */
  doneMs: number;
  wallMs: number;
}

/** Cold start, import costs and the module census of polycloud's first call. */
export interface ColdStartResult {
  runs: number;
  rows: ColdStartRow[];
  /** Median import time per module set (ms); breakdown steps are what each adds to the previous. */
  imports: Array<{ label: string; importMs: number }>;
  census: ModuleCensus;
  /** polycloud ÷ bare undici, process start → first allocate done (target ≤ 1.25). */
  ratioToBare: number;
  tables: ResultTable[];
}

const ALLOCATE_SCENARIOS = [
  { scenario: "node-only", label: "node, empty script (floor)" },
  { scenario: "bare-undici", label: "bare undici" },
  { scenario: "polycloud", label: "polycloud alibaba-ecs" },
  { scenario: "sdk", label: "@alicloud/ecs20140526 SDK" },
];
const IMPORT_SCENARIOS = [
  { scenario: "import-core", label: "@polycloud/core" },
  { scenario: "import-core-alibaba", label: "@polycloud/core + @polycloud/alibaba-ecs" },
  { scenario: "import-sdk", label: "@alicloud/ecs20140526 + openapi-core Config" },
];
const BREAKDOWN_STEPS = [
  "undici",
  "zod",
  "@polycloud/core (own modules)",
  "@polycloud/alibaba-ecs (own modules)",
  "DI entries: tsyringe + reflect-metadata (DI users only)",
];

/**
 * Table 3. Spawns every scenario `runs` times, round-robin after one discarded pass (which warms the page
 * cache for all alike), and reports medians: in-child step times from `performance.now()` (ms since the
 * process started) and the parent's spawn → exit wall time.
 */
export async function measureColdStart(endpoint: string, runs: number): Promise<ColdStartResult> {
  const scenarios = [...ALLOCATE_SCENARIOS, ...IMPORT_SCENARIOS, { scenario: "import-breakdown", label: "" }].map(
    ({ scenario }) => scenario,
  );
  const collected = new Map<string, ColdStartRun[]>(scenarios.map((scenario) => [scenario, []]));
  for (let pass = 0; pass <= runs; pass += 1) {
    for (const scenario of scenarios) {
      const run = await runColdStartChild(scenario, endpoint);
      if (pass > 0) collected.get(scenario)?.push(run);
    }
  }
  const median = (scenario: string, read: (run: ColdStartRun) => number) =>
    computeMedian((collected.get(scenario) ?? []).map(read));
  const rows = ALLOCATE_SCENARIOS.map(({ scenario, label }): ColdStartRow => {
    const last = scenario === "node-only" ? "script start" : "first allocate done";
    return {
      scenario,
      label,
      importMs: median(scenario, (run) => readStepDelta(run, "script start", "imported")),
      createMs: median(scenario, (run) => readStepDelta(run, "imported", "created")),
      firstCallMs: median(scenario, (run) =>
        readStepDelta(run, run.steps.some((step) => step.label === "created") ? "created" : "imported", last),
      ),
      doneMs: median(scenario, (run) => readStep(run, last)),
      wallMs: median(scenario, (run) => run.wallMs),
    };
  });
  const imports = [
    { label: "undici (alone, from the bare-undici runs)", importMs: rows[1]?.importMs ?? Number.NaN },
    ...IMPORT_SCENARIOS.map(({ scenario, label }) => ({
      label,
      importMs: median(scenario, (run) => readStepDelta(run, "script start", "imported")),
    })),
    ...BREAKDOWN_STEPS.map((step, index) => ({
      label: `  breakdown: + ${step}`,
      importMs: median("import-breakdown", (run) =>
        readStepDelta(run, index === 0 ? "script start" : (BREAKDOWN_STEPS[index - 1] as string), step),
      ),
    })),
  ];
  const census = countLoadedModules("polycloud", endpoint);
  const bare = rows[1] as ColdStartRow;
  const polycloud = rows[2] as ColdStartRow;
  const ratioToBare = polycloud.doneMs / bare.doneMs;
  return {
    runs,
    rows,
    imports,
    census,
    ratioToBare,
    tables: buildColdStartTables(rows, imports, census, ratioToBare, runs),
  };
}

function buildColdStartTables(
  rows: ColdStartRow[],
  imports: ColdStartResult["imports"],
  census: ModuleCensus,
  ratioToBare: number,
  runs: number,
): ResultTable[] {
  const [floor, bare] = rows as [ColdStartRow, ColdStartRow];
  const cell = (value: number) => (Number.isFinite(value) ? formatNumber(value, 1) : "—");
  const allocate: ResultTable = {
    title: `3. Cold start: fresh process → first completed allocate (median of ${runs} spawns each)`,
    columns: [
      "scenario",
      "import ms",
      "create ms",
      "first call ms",
      "done at ms",
      "over node floor",
      "vs bare undici",
      "spawn→exit wall ms",
      "wall vs bare",
    ],
    rows: rows.map((row) => [
      row.label,
      cell(row.importMs),
      cell(row.createMs),
      row.scenario === "node-only" ? "—" : cell(row.firstCallMs),
      cell(row.doneMs),
      cell(row.doneMs - floor.doneMs),
      formatRatio(row.doneMs / bare.doneMs),
      cell(row.wallMs),
      formatRatio(row.wallMs / bare.wallMs),
    ]),
    notes: [
      `polycloud ÷ bare undici (done at): ${formatRatio(ratioToBare)} — ${formatVerdict(ratioToBare <= 1.25, "≤ 1.25×")}`,
      "done at = performance.now() in the child when the first allocate resolved, i.e. ms since that process started (performance.timeOrigin); it includes Node's own bootstrap (the floor row).",
      "polycloud's first allocate sends 1 request (AllocatePublicIpAddress), like bare undici and the SDK.",
    ],
  };
  const importTable: ResultTable = {
    title: `3b. Import cost in a fresh process (median of ${runs})`,
    columns: ["module(s)", "import ms"],
    rows: imports.map(({ label, importMs }) => [label, cell(importMs)]),
    notes: [
      "breakdown rows import in dependency order in one process; each is what that step adds on top of the previous ones.",
    ],
  };
  const censusTable: ResultTable = {
    title: `3c. Modules loaded by polycloud's first allocate (${census.total} files)`,
    columns: ["package", "ES modules", "CommonJS files"],
    rows: census.packages.map(({ name, esm, cjs }) => [name, String(esm), String(cjs)]),
  };
  return [allocate, importTable, censusTable];
}
