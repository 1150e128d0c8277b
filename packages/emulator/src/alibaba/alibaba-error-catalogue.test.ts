import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALIBABA_ERROR_CATALOGUE } from "./alibaba-error-catalogue.js";
import { ALIBABA_SEED_ERROR_CODES, lookupAlibabaError } from "./alibaba-error-codes.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** Rows of the first table under "### Alibaba error codes and their sources": [action, code, status, source]. */
function readReadmeRows(): string[][] {
  const lines = (README.split("### Alibaba error codes and their sources")[1] ?? "").split("\n");
  // The Markdown formatter pads cells to align columns: match the header with any padding (cells are trimmed).
  const header = lines.findIndex((line) => /^\| Action +\|/.test(line));
  const end = lines.findIndex((line, index) => index > header && !line.startsWith("|"));
  return lines.slice(header + 2, end).map((line) =>
    line
      .slice(2, -2)
      .split(" | ")
      .map((cell) => cell.replaceAll("`", "").replaceAll("\\|", "|").trim()),
  );
}

describe("the Alibaba error catalogue", () => {
  it("is what the README table lists, row for row", () => {
    const expected = ALIBABA_ERROR_CATALOGUE.map((entry) => [
      entry.action ?? "any",
      entry.code,
      String(entry.httpStatus),
      entry.source,
    ]);
    expect(readReadmeRows()).toEqual(expected);
  });

  it("names a source for every entry and lists each (action, code) once", () => {
    const keys = ALIBABA_ERROR_CATALOGUE.map((entry) => `${entry.action ?? "any"} ${entry.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of ALIBABA_ERROR_CATALOGUE)
      expect(entry.source, entry.code).toMatch(/^(seeds? 0|https:\/\/|assumption: )/);
  });

  it("gives an action's own status and message where its docs differ", () => {
    expect(lookupAlibabaError("InvalidIpAddress.NotFound", "AllocatePublicIpAddress").httpStatus).toBe(404);
    expect(lookupAlibabaError("InvalidIpAddress.NotFound", "ReleasePublicIpAddress")).toEqual({
      httpStatus: 400,
      message: 'The specified parameter "IpAddress" is not found in your records.',
    });
    expect(lookupAlibabaError("Throttling.User")).toMatchObject({ httpStatus: 400 });
    expect(ALIBABA_SEED_ERROR_CODES).toHaveLength(20);
  });
});
