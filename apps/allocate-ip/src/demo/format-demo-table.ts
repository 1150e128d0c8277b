import type { DemoOutcome } from "./run-demo.js";

/**
 * The demo's side-by-side table: one row per fact, one column per provider.
 * @public
 */
export function formatDemoTable(outcomes: readonly DemoOutcome[]): string[] {
  const header = ["", ...outcomes.map((outcome) => outcome.provider)];
  const rows: string[][] = [
    header,
    ["provisioning", ...outcomes.map((outcome) => outcome.provisioning)],
    ["location", ...outcomes.map((outcome) => `${outcome.location ?? "?"} (${outcome.locationKind})`)],
    ["address", ...outcomes.map((outcome) => outcome.address ?? "(none)")],
    ["id", ...outcomes.map((outcome) => outcome.id)],
    [
      "allocated",
      ...outcomes.map((outcome) =>
        outcome.waitedMs > 0
          ? `${outcome.allocatedState}, ready after ${formatSeconds(outcome.waitedMs)}`
          : outcome.allocatedState,
      ),
    ],
    ["described", ...outcomes.map((outcome) => outcome.describedState)],
    ["released", ...outcomes.map((outcome) => outcome.releasedState)],
    ["request id", ...outcomes.map((outcome) => outcome.requestId ?? "-")],
  ];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("   ")
      .trimEnd(),
  );
}

function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}
