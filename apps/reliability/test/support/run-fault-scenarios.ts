import { afterAll, expect, it } from "vitest";
import { listScenariosFor, type FaultScenario } from "./fault-scenarios.js";
import { countActiveResources, findLeakedResources } from "./find-leaked-resources.js";
import { readReliabilitySettings, type ReliabilitySettings } from "./reliability-settings.js";
import {
  countFailures,
  createTally,
  formatTallyTable,
  mergeTally,
  type ScenarioRun,
  type ScenarioTally,
} from "./scenario-tally.js";
import { watchUnhandledRejections } from "./watch-unhandled-rejections.js";

/** Runs one seed of one scenario against one adapter on its own emulator; leaves closing to the caller. */
export type ScenarioRunner = (
  scenario: FaultScenario,
  seed: number,
  settings: ReliabilitySettings,
) => Promise<ScenarioRun>;

/** Handles each seed's emulator holds while it listens (the Alibaba, Zenlayer and AWS servers). */
const SERVERS_PER_EMULATOR = 3;

/**
 * Declares one test per fault scenario for `adapter`: all seeds at once, each on a fresh emulator, then the
 * assertions every scenario shares, including that closing the allocators releases every connection and closing
 * the emulators everything else. Prints the adapter's table after the last scenario.
 */
export function defineFaultScenarioTests(adapter: "alibaba-ecs" | "zenlayer-eip", runScenario: ScenarioRunner): void {
  const settings = readReliabilitySettings();
  const tallies: ScenarioTally[] = [];
  watchUnhandledRejections();

  it.each(listScenariosFor(adapter).map((scenario) => [scenario.name, scenario] as const))(
    `${adapter} under %s: no duplicate, every failure typed and explained, nothing leaked`,
    async (_name, scenario) => {
      const baseline = countActiveResources();
      const started = performance.now();
      // Seeds run side by side: the timer-bound scenarios (hang, slow) are mostly waiting.
      const runs = await Promise.all(settings.seeds.map((seed) => runScenario(scenario, seed, settings)));
      const tally = {
        ...runs.map((run) => run.tally).reduce(mergeTally, createTally(adapter, scenario.name)),
        durationMs: performance.now() - started,
      };
      tallies.push(tally);
      await Promise.all(runs.map((run) => run.closeAllocators()));
      const afterAllocatorsClosed = await findLeakedResources(baseline, {
        expected: { TCPServerWrap: SERVERS_PER_EMULATOR * runs.length },
      });
      await Promise.all(runs.map((run) => run.closeEmulator()));
      const afterEmulatorsClosed = await findLeakedResources(baseline);

      expect(tally.problems).toEqual([]);
      expect(afterAllocatorsClosed, "connections still open after allocator.close()").toEqual([]);
      expect(afterEmulatorsClosed, "handles left after emulator.close()").toEqual([]);
      expect(tally.duplicates).toBe(0);
      expect(tally.orphans).toBe(0);
      expect(tally.iterations).toBe(settings.iterations * settings.seeds.length);
      expect(tally.successes + countFailures(tally)).toBe(tally.iterations);
      if (scenario.badCredentials) {
        expect(tally.successes).toBe(0);
      } else {
        // A rule that never fired would make the scenario pass vacuously.
        expect(tally.faultsFired).toBeGreaterThan(0);
      }
    },
  );

  afterAll(() => {
    const { iterations, seeds, concurrency } = settings;
    console.log(
      formatTallyTable(
        tallies,
        `reliability: ${adapter}, ${iterations} calls x seeds ${seeds.join(",")} per scenario, ${concurrency} in flight per seed`,
      ),
    );
  });
}
