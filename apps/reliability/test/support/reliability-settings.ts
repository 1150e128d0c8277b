/** How much work the fault scenarios do; every knob is an environment variable so CI and humans can turn it. */
export interface ReliabilitySettings {
  /** Allocate calls per scenario, per seed and per adapter. */
  iterations: number;
  /** Emulator `randomSeed`s; each seed is one fresh emulator run of every scenario. */
  seeds: number[];
  /** Allocate calls in flight at once against one emulator. */
  concurrency: number;
  /** Generated cases per property-based test. */
  propertyRuns: number;
  /** fast-check seed; undefined = a fresh one each run (fast-check prints it with any counterexample). */
  propertySeed: number | undefined;
}

const DEFAULTS = { iterations: 24, seeds: [1, 2, 3], concurrency: 8, propertyRuns: 150 };

/**
 * Reads `RELIABILITY_ITERATIONS`, `RELIABILITY_SEEDS` (comma-separated integers), `RELIABILITY_CONCURRENCY`,
 * `RELIABILITY_PROPERTY_RUNS` and `RELIABILITY_PROPERTY_SEED`.
 * A malformed value throws rather than silently running a smaller suite than asked for.
 */
export function readReliabilitySettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ReliabilitySettings {
  return {
    iterations: readPositiveInteger(env, "RELIABILITY_ITERATIONS", DEFAULTS.iterations),
    seeds: readSeeds(env["RELIABILITY_SEEDS"]),
    concurrency: readPositiveInteger(env, "RELIABILITY_CONCURRENCY", DEFAULTS.concurrency),
    propertyRuns: readPositiveInteger(env, "RELIABILITY_PROPERTY_RUNS", DEFAULTS.propertyRuns),
    propertySeed:
      env["RELIABILITY_PROPERTY_SEED"] === undefined
        ? undefined
        : readPositiveInteger(env, "RELIABILITY_PROPERTY_SEED", 1),
  };
}

function readPositiveInteger(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  const text = env[name]?.trim();
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${text}"`);
  return value;
}

function readSeeds(text: string | undefined): number[] {
  if (text === undefined || text.trim() === "") return DEFAULTS.seeds;
  const seeds = text.split(",").map((part) => Number(part.trim()));
  if (seeds.some((seed) => !Number.isSafeInteger(seed) || seed < 0))
    throw new Error(`RELIABILITY_SEEDS must be comma-separated non-negative integers, got "${text}"`);
  return seeds;
}
