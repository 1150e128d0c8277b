// Exactly one allocation on every adapter while the provider stays readable; see README.md ("Convergence").
import { afterAll, expect, it } from "vitest";
import {
  startAlibabaSubject,
  startAwsSubject,
  startZenlayerSubject,
  type ConvergenceSubject,
} from "./support/convergence-subjects.js";
import { formatConvergenceTable } from "./support/format-convergence-table.js";
import { startInMemorySubject } from "./support/in-memory-convergence-subject.js";
import { readReliabilitySettings } from "./support/reliability-settings.js";
import {
  runConvergenceScenario,
  type ConvergenceScenario,
  type ConvergenceTally,
} from "./support/run-convergence-scenario.js";

const SCENARIOS: readonly ConvergenceScenario[] = [
  { name: "reset before processing", faults: [["reset-before", 0.4]], callersPerKey: 1, withKey: false },
  { name: "500 on allocate", faults: [["server-error", 0.4]], callersPerKey: 1, withKey: true },
  { name: "answer lost after commit", faults: [["reset-after-commit", 0.4]], callersPerKey: 1, withKey: false },
  { name: "listing lag, lost answers", faults: [["reset-after-commit", 0.3]], callersPerKey: 1, withKey: true },
  { name: "one key, 6 processes", faults: [], callersPerKey: 6, withKey: true },
  {
    name: "one key, 6 processes, faults",
    faults: [
      ["reset-after-commit", 0.2],
      ["server-error", 0.2],
    ],
    callersPerKey: 6,
    withKey: true,
  },
  { name: "step after allocation fails", faults: [], callersPerKey: 1, withKey: false, failAfterAllocation: true },
];

/** Listing lag of the Zenlayer and AWS emulators and the example's cloud: what the settle period (about 600 ms of lookups) must cover. */
const ZENLAYER_LAG_MS = 150;

const SUBJECTS: ReadonlyArray<readonly [string, (seed: number, groups: number) => Promise<ConvergenceSubject>]> = [
  ["zenlayer-eip", (seed) => startZenlayerSubject(seed, ZENLAYER_LAG_MS)],
  ["alibaba-ecs", (seed, groups) => startAlibabaSubject(seed, groups)],
  ["aws-ec2", (seed) => startAwsSubject(seed, ZENLAYER_LAG_MS)],
  ["in-memory example", (seed) => startInMemorySubject(seed, ZENLAYER_LAG_MS)],
];

const settings = readReliabilitySettings();
const groups = Math.max(4, Math.floor(settings.iterations / 2));
const tallies: ConvergenceTally[] = [];

it.each(
  SUBJECTS.flatMap(([adapter, start]) =>
    SCENARIOS.map((scenario) => [adapter, scenario.name, start, scenario] as const),
  ),
)(
  "%s, %s: exactly one allocation, no OUTCOME_UNKNOWN, nothing unnamed",
  async (_adapter, _name, start, scenario) => {
    const subject = await start(settings.seeds[0] ?? 1, groups);
    try {
      const tally = await runConvergenceScenario(subject, scenario, groups);
      tallies.push(tally);
      expect(tally.problems).toEqual([]);
      expect(tally.outcomeUnknown).toBe(0);
      expect(tally.duplicates).toBe(0);
      expect(tally.orphans).toBe(0);
      if (scenario.faults.length > 0) expect(tally.faultsFired).toBeGreaterThan(0);
      if (scenario.failAfterAllocation)
        expect(tally.named, "every cancelled call names what it allocated").toBeGreaterThanOrEqual(tally.calls);
      else expect(tally.successes).toBeGreaterThan(tally.calls / 2);
    } finally {
      await subject.close();
    }
  },
  60_000,
);

afterAll(() => {
  console.log(
    formatConvergenceTable(
      tallies,
      `convergence: ${groups} key groups per scenario, faults on the allocate mutation only (the provider stays readable)`,
    ),
  );
});
