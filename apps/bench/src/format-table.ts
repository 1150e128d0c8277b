/** A printable table: a title, column headers, rows of cells, and notes printed under it. */
export interface ResultTable {
  title: string;
  columns: string[];
  rows: string[][];
  notes?: string[];
  /** How many leading (text) columns are left-aligned; the rest are numbers, right-aligned. Default 1. */
  leftAlignedColumns?: number;
}

/** Formats a number with a fixed number of decimals and thousands separators. */
export function formatNumber(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Formats a ratio as `1.23×`. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "n/a";
}

/** `met` / `MISSED` against a target, with the target spelled out. */
export function formatVerdict(met: boolean, target: string): string {
  return `${met ? "met" : "MISSED"} (target ${target})`;
}

/**
 * Renders a table as an aligned Markdown table (text columns left, numbers right-aligned), so the same
 * text reads well in a terminal and pastes into the README unchanged.
 */
export function renderTable(table: ResultTable): string {
  const left = table.leftAlignedColumns ?? 1;
  const widths = table.columns.map((column, index) =>
    Math.max(3, column.length, ...table.rows.map((row) => (row[index] ?? "").length)),
  );
  const renderRow = (cells: readonly string[]) =>
    `| ${cells.map((cell, index) => (index < left ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((width, index) => (index < left ? `:${"-".repeat(width + 1)}` : `${"-".repeat(width + 1)}:`)).join("|")}|`;
  const lines = [`### ${table.title}`, "", renderRow(table.columns), rule, ...table.rows.map(renderRow)];
  if (table.notes !== undefined && table.notes.length > 0) lines.push("", ...table.notes.map((note) => `- ${note}`));
  return lines.join("\n");
}
