import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const RESULTS_START = "<!-- results:start -->";
const RESULTS_END = "<!-- results:end -->";
const RESULTS_INTRO = `Unedited output of \`npx pnpm@10.34.9 bench\` (also in [\`results/latest.md\`](results/latest.md) and
[\`results/latest.json\`](results/latest.json)); the load averages say how busy the machine was:`;

/** Writes `content` to `path`, creating its directory. */
export function writeTextFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/**
 * Replaces the README section between the results markers with this run's report, so the README always
 * shows tables that one command produced, unedited.
 * @throws Error when the README lacks the markers.
 */
export function updateReadmeResults(readmePath: string, report: string): void {
  const readme = readFileSync(readmePath, "utf8");
  const start = readme.indexOf(RESULTS_START);
  const end = readme.indexOf(RESULTS_END);
  if (start < 0 || end < start) throw new Error(`${readmePath} has no ${RESULTS_START} … ${RESULTS_END} section`);
  writeFileSync(
    readmePath,
    `${readme.slice(0, start + RESULTS_START.length)}\n${RESULTS_INTRO}\n\n${report.trim()}\n${readme.slice(end)}`,
  );
}
