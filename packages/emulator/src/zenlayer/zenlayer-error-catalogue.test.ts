import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ZENLAYER_ERROR_CODES, type ZenlayerErrorCodeInfo } from "./zenlayer-error-catalogue.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const HEADER = "| Code | HTTP | Status | Source | Reference | Answered when |";

/** Rows of the table under "### Zenlayer error codes and their sources", cells unescaped. */
function readReadmeRows(): string[][] {
  const lines = (README.split("### Zenlayer error codes and their sources")[1] ?? "").split("\n");
  // The Markdown formatter pads cells to align columns: compare the header with its padding collapsed.
  const header = lines.findIndex((line) => line.replace(/ {2,}/g, " ") === HEADER);
  const end = lines.findIndex((line, index) => index > header && !line.startsWith("|"));
  return lines.slice(header + 2, end).map((line) =>
    line
      .slice(2, -2)
      .split(" | ")
      .map((cell) => cell.replaceAll("`", "").replaceAll("\\|", "|").trim()),
  );
}

/** One README row per catalogue entry, in catalogue order. */
function renderRows(): string[][] {
  return Object.entries(ZENLAYER_ERROR_CODES).map(([code, info]: [string, ZenlayerErrorCodeInfo]) =>
    [code, String(info.httpStatus), info.statusSource, info.source, info.reference, info.producedWhen].map((cell) =>
      cell.replaceAll("`", ""),
    ),
  );
}

describe("the Zenlayer error catalogue", () => {
  it("is what the README table lists, row for row", () => {
    expect(readReadmeRows()).toEqual(renderRows());
  });

  it("names a source for every code and marks the codes without one as assumptions", () => {
    for (const [code, info] of Object.entries(ZENLAYER_ERROR_CODES)) {
      expect(info.reference.length, code).toBeGreaterThan(0);
      expect(info.source === "assumption", code).toBe(info.reference.startsWith("assumption: "));
    }
  });

  it("holds no invented code where the official common list has one", () => {
    for (const replaced of ["AUTHFAILURE_INVALID_ACCESS_KEY", "INVALID_ACTION"])
      expect(ZENLAYER_ERROR_CODES).not.toHaveProperty(replaced);
    const official = Object.entries(ZENLAYER_ERROR_CODES).filter(([, info]) => info.source === "official-common");
    expect(official).toHaveLength(19);
  });
});
