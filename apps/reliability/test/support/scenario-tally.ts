/** What one adapter did under one scenario, summed over seeds. */
export interface ScenarioTally {
  adapter: string;
  scenario: string;
  iterations: number;
  successes: number;
  /** Successes that came from reconciliation (the answer was lost, the allocation was found). */
  reconciled: number;
  /** Typed failures by error code. */
  failures: Record<string, number>;
  /** Calls that allocated more than asked for (Alibaba: a second allocate on one instance). */
  duplicates: number;
  /** Allocations the caller was told did not happen (a definite failure), or that no call owns. */
  orphans: number;
  /** Allocated ids a failed call named in its error (`details.allocatedIds`): released, or kept for the caller. */
  named: number;
  /** OUTCOME_UNKNOWN calls that a retry with the same key / instance resolved without a duplicate. */
  recovered: number;
  /** Times a fault rule fired. */
  faultsFired: number;
  /** Wall time of the scenario (all seeds). */
  durationMs: number;
  /** Every broken promise, described; the test asserts this is empty. */
  problems: string[];
}

/** A tally with nothing counted yet. */
export function createTally(adapter: string, scenario: string): ScenarioTally {
  return {
    adapter,
    scenario,
    iterations: 0,
    successes: 0,
    reconciled: 0,
    failures: {},
    duplicates: 0,
    orphans: 0,
    named: 0,
    recovered: 0,
    faultsFired: 0,
    durationMs: 0,
    problems: [],
  };
}

/** Adds `addition` (one seed's run) into `total`. */
export function mergeTally(total: ScenarioTally, addition: ScenarioTally): ScenarioTally {
  const failures = { ...total.failures };
  for (const [code, count] of Object.entries(addition.failures)) failures[code] = (failures[code] ?? 0) + count;
  return {
    ...total,
    iterations: total.iterations + addition.iterations,
    successes: total.successes + addition.successes,
    reconciled: total.reconciled + addition.reconciled,
    failures,
    duplicates: total.duplicates + addition.duplicates,
    orphans: total.orphans + addition.orphans,
    named: total.named + addition.named,
    recovered: total.recovered + addition.recovered,
    faultsFired: total.faultsFired + addition.faultsFired,
    durationMs: Math.max(total.durationMs, addition.durationMs),
    problems: [...total.problems, ...addition.problems],
  };
}

/** Typed failures of a tally, all codes together. */
export function countFailures(tally: ScenarioTally): number {
  return Object.values(tally.failures).reduce((sum, count) => sum + count, 0);
}

const HEADERS = [
  "adapter",
  "scenario",
  "iterations",
  "successes",
  "reconciled",
  "typed failures",
  "duplicates",
  "orphans",
  "named",
  "recovered",
  "faults fired",
  "ms",
];

/** A compact aligned table, one row per tally; failure codes are listed after their total. */
export function formatTallyTable(tallies: readonly ScenarioTally[], title: string): string {
  const rows = tallies.map((tally) => [
    tally.adapter,
    tally.scenario,
    String(tally.iterations),
    String(tally.successes),
    String(tally.reconciled),
    formatFailures(tally),
    String(tally.duplicates),
    String(tally.orphans),
    String(tally.named),
    String(tally.recovered),
    String(tally.faultsFired),
    String(Math.round(tally.durationMs)),
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

function formatFailures(tally: ScenarioTally): string {
  const total = countFailures(tally);
  const codes = Object.entries(tally.failures)
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([code, count]) => `${code} ${count}`);
  return codes.length === 0 ? "0" : `${total} (${codes.join(", ")})`;
}

/** One seed's finished run: its tally, and its allocators and emulator still open so leaks can be checked per layer. */
export interface ScenarioRun {
  tally: ScenarioTally;
  closeAllocators(): Promise<void>;
  closeEmulator(): Promise<void>;
}
