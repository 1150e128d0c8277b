import type { ConvergenceTally } from "./run-convergence-scenario.js";

const HEADERS = [
  "adapter",
  "scenario",
  "calls",
  "successes",
  "reconciled",
  "OUTCOME_UNKNOWN",
  "definite failures",
  "duplicates",
  "orphans",
  "named",
  "faults fired",
];

/** An aligned table, one row per adapter and scenario. */
export function formatConvergenceTable(tallies: readonly ConvergenceTally[], title: string): string {
  const rows = tallies.map((tally) => [
    tally.adapter,
    tally.scenario,
    String(tally.calls),
    String(tally.successes),
    String(tally.reconciled),
    String(tally.outcomeUnknown),
    formatFailures(tally.failures),
    String(tally.duplicates),
    String(tally.orphans),
    String(tally.named),
    String(tally.faultsFired),
  ]);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const formatRow = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [title, formatRow(HEADERS), ...rows.map(formatRow)].join("\n");
}

function formatFailures(failures: Record<string, number>): string {
  const entries = Object.entries(failures).sort(([left], [right]) => left.localeCompare(right));
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return entries.length === 0 ? "0" : `${total} (${entries.map(([code, count]) => `${code} ${count}`).join(", ")})`;
}
