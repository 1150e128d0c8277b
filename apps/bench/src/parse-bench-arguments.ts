import { parseArgs } from "node:util";

/** The tables `run-benchmarks` can print, in order. */
export const TABLE_NAMES = ["per-call", "throughput", "cold-start", "signatures", "bulk"] as const;

/** One of {@link TABLE_NAMES}. */
export type TableName = (typeof TABLE_NAMES)[number];

/** Every knob of a benchmark run (see `--help`). */
export interface BenchArguments {
  concurrency: number;
  requests: number;
  rounds: number;
  bulk: number;
  bulkLimit: number;
  coldRuns: number;
  timeMs: number;
  only: TableName[];
  jsonPath: string;
  updateReadme: boolean;
}

/** Usage text printed by `--help`. */
export const USAGE = `Usage: node dist/run-benchmarks.js [options]

  --concurrency <n>   operations in flight for throughput and bulk (default 16)
  --requests <n>      allocations per client per throughput round (default 2000)
  --rounds <n>        interleaved throughput rounds; the median round is reported (default 5)
  --bulk <n>          IPs allocated per bulk scenario (default 200)
  --bulk-limit <n>    emulator flow limit per 1 s window in the bulk table (default 50)
  --cold-runs <n>     fresh processes per cold-start scenario; the median is reported (default 9)
  --time <ms>         tinybench measuring time per task and pass (default 1000)
  --only <tables>     comma-separated subset of ${TABLE_NAMES.join(", ")}
  --json <path>       where to write the results (default results/latest.json; the report goes next to it as .md)
  --update-readme     paste this run's report into README.md between the results markers
  --help              print this text`;

function readPositiveInteger(
  values: Record<string, string | boolean | undefined>,
  name: string,
  fallback: number,
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer, got "${String(raw)}"`);
  return value;
}

/**
 * Parses the command line; returns undefined after printing usage for `--help`.
 * @throws Error naming the bad flag.
 */
export function parseBenchArguments(argv: readonly string[]): BenchArguments | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      concurrency: { type: "string" },
      requests: { type: "string" },
      rounds: { type: "string" },
      bulk: { type: "string" },
      "bulk-limit": { type: "string" },
      "cold-runs": { type: "string" },
      time: { type: "string" },
      only: { type: "string" },
      json: { type: "string" },
      "update-readme": { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return undefined;
  }
  const only = (values.only
    ?.split(",")
    .map((name) => name.trim())
    .filter(Boolean) ?? [...TABLE_NAMES]) as TableName[];
  const unknown = only.filter((name) => !(TABLE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`--only: unknown table ${unknown.join(", ")}; choose from ${TABLE_NAMES.join(", ")}`);
  return {
    concurrency: readPositiveInteger(values, "concurrency", 16),
    requests: readPositiveInteger(values, "requests", 2000),
    rounds: readPositiveInteger(values, "rounds", 5),
    bulk: readPositiveInteger(values, "bulk", 200),
    bulkLimit: readPositiveInteger(values, "bulk-limit", 50),
    coldRuns: readPositiveInteger(values, "cold-runs", 9),
    timeMs: readPositiveInteger(values, "time", 1000),
    only,
    jsonPath: values.json ?? "results/latest.json",
    updateReadme: values["update-readme"] === true,
  };
}
