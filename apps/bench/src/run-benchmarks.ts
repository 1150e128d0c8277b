// Entry of `pnpm bench`: measures the five tables in one run and prints them, then writes the JSON results.
// Benchmarks inform; they never fail the build, so missed targets still exit 0 (only a crash exits 1).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describeMachine, formatMachine, readLoadAverage } from "./describe-machine.js";
import { renderTable, type ResultTable } from "./format-table.js";
import { measureBulkAllocation, type BulkResult } from "./measure-bulk-allocation.js";
import { measureColdStart, type ColdStartResult } from "./measure-cold-start.js";
import { measurePerCallCost, type PerCallResult } from "./measure-per-call-cost.js";
import { measureSignatureRates, type SignatureResult } from "./measure-signature-rates.js";
import { measureThroughput, type ThroughputResult } from "./measure-throughput.js";
import { parseBenchArguments, type BenchArguments } from "./parse-bench-arguments.js";
import { startFixedResponseServer } from "./start-fixed-response-server.js";
import { summarizeTargets, type TargetVerdict } from "./summarize-targets.js";
import { updateReadmeResults, writeTextFile } from "./write-results.js";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Everything one run measured, as written to the JSON file. */
export interface BenchResults {
  generatedAt: string;
  machine: ReturnType<typeof describeMachine>;
  arguments: BenchArguments;
  durationSeconds: number;
  /** 1-minute load average when the run started and ended. */
  loadAverage: { start: number; end: number };
  perCall?: Omit<PerCallResult, "table">;
  throughput?: Omit<ThroughputResult, "table">;
  coldStart?: Omit<ColdStartResult, "tables">;
  signatures?: Omit<SignatureResult, "table">;
  bulk?: Omit<BulkResult, "table">;
  targets: TargetVerdict[];
}

// Everything printed is also kept, so the same text can go to results/latest.md and the README.
const report: string[] = [];

function print(text: string): void {
  report.push(text);
  process.stdout.write(text);
}

function printTables(...tables: ResultTable[]): void {
  for (const table of tables) print(`\n${renderTable(table)}\n`);
}

async function runBenchmarks(options: BenchArguments): Promise<BenchResults> {
  const started = performance.now();
  const machine = describeMachine();
  const loadAverage = { start: readLoadAverage(), end: Number.NaN };
  print(`Machine: ${formatMachine(machine)}; 1-minute load average at start ${loadAverage.start}.\n`);
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine,
    arguments: options,
    durationSeconds: 0,
    loadAverage,
    targets: [],
  };
  const wants = (name: BenchArguments["only"][number]) => options.only.includes(name);
  const needsServer = wants("per-call") || wants("throughput") || wants("cold-start");
  const server = needsServer ? await startFixedResponseServer() : undefined;
  try {
    if (server !== undefined && wants("per-call")) {
      const { table, ...perCall } = await measurePerCallCost(server.endpoint, options.timeMs);
      results.perCall = perCall;
      printTables(table);
    }
    if (server !== undefined && wants("throughput")) {
      const { table, ...throughput } = await measureThroughput(server, {
        concurrency: options.concurrency,
        operations: options.requests,
        rounds: options.rounds,
      });
      results.throughput = throughput;
      printTables(table);
    }
    if (server !== undefined && wants("cold-start")) {
      const { tables, ...coldStart } = await measureColdStart(server.endpoint, options.coldRuns);
      results.coldStart = coldStart;
      printTables(...tables);
    }
  } finally {
    await server?.close();
  }
  if (wants("signatures")) {
    const { table, ...signatures } = await measureSignatureRates(options.timeMs);
    results.signatures = signatures;
    printTables(table);
  }
  if (wants("bulk")) {
    const { table, ...bulk } = await measureBulkAllocation({
      count: options.bulk,
      concurrency: options.concurrency,
      limit: options.bulkLimit,
    });
    results.bulk = bulk;
    printTables(table);
  }
  const { targets, table } = summarizeTargets(results);
  results.targets = targets;
  if (targets.length > 0) printTables(table);
  results.durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  loadAverage.end = readLoadAverage();
  print(`\nLoad average at end: ${loadAverage.end}; run took ${results.durationSeconds} s (${results.generatedAt}).\n`);
  return results;
}

try {
  const options = parseBenchArguments(process.argv.slice(2));
  if (options !== undefined) {
    process.stdout.write("# polycloud benchmarks\n\n");
    const results = await runBenchmarks(options);
    const jsonPath = resolve(PACKAGE_ROOT, options.jsonPath);
    writeTextFile(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
    writeTextFile(jsonPath.replace(/\.json$/, ".md"), report.join(""));
    if (options.updateReadme) updateReadmeResults(resolve(PACKAGE_ROOT, "README.md"), report.join(""));
    process.stdout.write(
      `Results written to ${jsonPath} (and .md)${options.updateReadme ? "; README updated" : ""}.\n`,
    );
  }
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
