import { formatRatio, type ResultTable } from "./format-table.js";
import type { BenchResults } from "./run-benchmarks.js";

/** One target of issue 8 and whether this run met it. */
export interface TargetVerdict {
  table: string;
  target: string;
  measured: string;
  met: boolean;
}

/** The targets of the tables that ran, as verdicts and as a closing table. */
export function summarizeTargets(results: BenchResults): { targets: TargetVerdict[]; table: ResultTable } {
  const targets: TargetVerdict[] = [];
  if (results.perCall) {
    const ratio = results.perCall.ratioToBare;
    targets.push({
      table: "1 per-call",
      target: "polycloud ≤ 1.25× bare undici",
      measured: formatRatio(ratio),
      met: ratio <= 1.25,
    });
  }
  if (results.throughput) {
    const ratio = results.throughput.ratioToSdk;
    targets.push({
      table: "2 throughput",
      target: "polycloud ≥ 2.5× the SDK",
      measured: formatRatio(ratio),
      met: ratio >= 2.5,
    });
  }
  if (results.coldStart) {
    const ratio = results.coldStart.ratioToBare;
    targets.push({
      table: "3 cold start",
      target: "polycloud ≤ 1.25× bare undici",
      measured: formatRatio(ratio),
      met: ratio <= 1.25,
    });
  }
  // Judged twice: with nothing configured, and with the adapters' rateLimit set to the (known) quota.
  const judged: Record<string, string> = {
    "adapter defaults": "default retry",
    "defaults + rateLimit at the limit": "rateLimit = quota",
  };
  for (const row of results.bulk?.rows.filter((candidate) => judged[candidate.settings] !== undefined) ?? []) {
    targets.push({
      table: `5 bulk ${row.provider}`,
      target: `≥ 95% of the limit, 0 errors (${judged[row.settings] ?? ""})`,
      measured: `${(row.shareOfLimit * 100).toFixed(1)}%, ${row.errors} errors`,
      met: row.meetsTarget,
    });
  }
  return {
    targets,
    table: {
      title: "Targets (issue 8)",
      leftAlignedColumns: 2,
      columns: ["table", "target", "measured", "verdict"],
      rows: targets.map((target) => [target.table, target.target, target.measured, target.met ? "met" : "MISSED"]),
    },
  };
}
