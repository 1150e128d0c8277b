import { readFile } from "node:fs/promises";
import type { AlibabaSeed } from "./alibaba/alibaba-seed.js";
import { parseAlibabaSeed } from "./alibaba/parse-alibaba-seed.js";
import type { AwsSeed } from "./aws/aws-seed.js";
import { parseAwsSeed } from "./aws/parse-aws-seed.js";
import { describeFaultRuleProblem, type FaultRule } from "./shared/fault-rules.js";
import {
  SeedValidationError,
  readArray,
  readInteger,
  readObject,
  rejectUnknownKeys,
} from "./shared/seed-validation.js";
import { parseZenlayerSeed, type ZenlayerSeed } from "./zenlayer/index.js";

/**
 * Everything an emulator run starts from. Missing parts fall back to the defaults
 * (`DEFAULT_ALIBABA_SEED`, `DEFAULT_ZENLAYER_SEED`, `DEFAULT_AWS_SEED`, no faults, random seed 1).
 */
export interface EmulatorSeed {
  alibaba?: AlibabaSeed;
  zenlayer?: ZenlayerSeed;
  aws?: AwsSeed;
  /** Fault rules installed at start (before `StartEmulatorOptions.faults`). */
  faults?: FaultRule[];
  /** Seed of the PRNG behind fault probabilities and fake resource ids (default 1). */
  randomSeed?: number;
}

/**
 * Validates a seed object (e.g. parsed JSON) with plain checks.
 * @throws SeedValidationError naming the first bad field, e.g. `faults[1].kind`.
 */
export function parseEmulatorSeed(value: unknown): EmulatorSeed {
  const object = readObject(value, "seed");
  rejectUnknownKeys(object, ["alibaba", "zenlayer", "aws", "faults", "randomSeed", "$schema", "description"], "");
  const seed: EmulatorSeed = {};
  if (object["alibaba"] !== undefined) seed.alibaba = parseAlibabaSeed(object["alibaba"], "alibaba");
  if (object["zenlayer"] !== undefined) seed.zenlayer = parseZenlayerSeed(object["zenlayer"]);
  if (object["aws"] !== undefined) seed.aws = parseAwsSeed(object["aws"]);
  if (object["faults"] !== undefined) {
    seed.faults = readArray(object["faults"], "faults").map((rule, index) => {
      const problem = describeFaultRuleProblem(rule);
      if (problem !== undefined) throw new SeedValidationError(`faults[${index}]`, problem);
      return { ...(rule as FaultRule) };
    });
  }
  if (object["randomSeed"] !== undefined)
    seed.randomSeed = readInteger(object["randomSeed"], "randomSeed", 0, 4_294_967_295);
  return seed;
}

/**
 * Reads and validates a JSON seed file (`--seed-file`).
 * @throws SeedValidationError naming the bad field, or an Error when the file is unreadable or not JSON.
 */
export async function loadEmulatorSeed(path: string): Promise<EmulatorSeed> {
  const text = await readFile(path, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`Seed file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseEmulatorSeed(value);
}
