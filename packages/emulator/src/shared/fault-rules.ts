import { createSeededRandom } from "./create-seeded-random.js";

/** Which provider emulator a fault rule or state change belongs to. */
export type FaultProvider = "alibaba" | "zenlayer" | "aws";

/**
 * What an injected fault does to a request.
 *
 * - `throttle`: answer the provider's throttling error (Alibaba `Throttling.User` 400, Zenlayer `REQUEST_LIMIT_EXCEEDED` 429,
 *   AWS `RequestLimitExceeded` 503)
 * - `server-error`: answer the provider's 5xx error (Alibaba `InternalError` 500 / `ServiceUnavailable` 503, Zenlayer
 *   `INTERNAL_SERVER_ERROR` 500, AWS `InternalError` 500 / `Unavailable` 503)
 * - `error-code`: answer `code` with `httpStatus` and `message` in the provider's envelope
 * - `reset-before`: destroy the socket before the request is processed (no state change)
 * - `reset-after-commit`: process the request (state committed), then destroy the socket (a lost response)
 * - `hang`: never answer; keep the socket open until the client gives up
 * - `slow`: process, then wait `delayMs` before answering
 * - `malformed-json`: process, then answer 200 with a truncated body (JSON; XML for AWS)
 * - `wrong-content-type`: process, then answer 200 `text/html` with an HTML page (a proxy's page)
 * - `clock-skew`: verify the request's timestamp against a server clock shifted by `skewSeconds`
 */
export type FaultKind =
  | "throttle"
  | "server-error"
  | "error-code"
  | "reset-before"
  | "reset-after-commit"
  | "hang"
  | "slow"
  | "malformed-json"
  | "wrong-content-type"
  | "clock-skew";

/** Every fault kind, in declaration order (used to validate rules read from JSON). */
export const FAULT_KINDS: readonly FaultKind[] = [
  "throttle",
  "server-error",
  "error-code",
  "reset-before",
  "reset-after-commit",
  "hang",
  "slow",
  "malformed-json",
  "wrong-content-type",
  "clock-skew",
];

/** Every provider a fault rule can target. */
export const FAULT_PROVIDERS: readonly FaultProvider[] = ["alibaba", "zenlayer", "aws"];

/** One fault-injection rule; rules are evaluated in insertion order and the first one that fires wins. */
export interface FaultRule {
  /** Assigned by {@link FaultInjector.add} when absent. */
  id?: string;
  provider: FaultProvider;
  /** API action name; undefined = every action of that provider. */
  action?: string;
  kind: FaultKind;
  /** 0..1, default 1; drawn from the injector's seeded PRNG. */
  probability?: number;
  /** Fire at most this many times (default: unlimited). */
  times?: number;
  /** Let the first `skip` matching requests through untouched. */
  skip?: number;
  /** `slow`: milliseconds to wait before answering. */
  delayMs?: number;
  /** `clock-skew`: seconds added to the server clock while verifying the request timestamp. */
  skewSeconds?: number;
  /** `error-code` (also overrides the default code of `throttle` / `server-error`). */
  code?: string;
  /** `error-code`: HTTP status of the answer. */
  httpStatus?: number;
  /** `error-code`: message of the answer. */
  message?: string;
}

interface RuleCounters {
  seen: number;
  fired: number;
}

/**
 * Holds fault rules and decides, deterministically under its seed, which rule fires for a request.
 * Shared by every provider emulator of one {@link startEmulator} instance.
 */
export class FaultInjector {
  readonly #rules: FaultRule[] = [];
  readonly #counters = new Map<string, RuleCounters>();
  readonly #random: () => number;
  #nextId = 1;

  /** @param seed seed of the mulberry32 PRNG drawn for `probability` (default 1). */
  constructor(rules: FaultRule[] = [], seed = 1) {
    this.#random = createSeededRandom(seed);
    for (const rule of rules) this.add(rule);
  }

  /** Validates and appends a rule (a copy is stored); returns its id. Throws on an invalid rule or a duplicate id. */
  add(rule: FaultRule): string {
    const problem = describeFaultRuleProblem(rule);
    if (problem !== undefined) throw new TypeError(`Invalid fault rule: ${problem}`);
    const id = rule.id ?? `fault-${this.#nextId++}`;
    if (this.#counters.has(id)) throw new TypeError(`Invalid fault rule: duplicate id "${id}"`);
    this.#rules.push({ ...rule, id });
    this.#counters.set(id, { seen: 0, fired: 0 });
    return id;
  }

  /** Removes the rule with this id; returns whether it existed. */
  remove(id: string): boolean {
    const index = this.#rules.findIndex((rule) => rule.id === id);
    if (index < 0) return false;
    this.#rules.splice(index, 1);
    this.#counters.delete(id);
    return true;
  }

  /** Removes every rule and its counters. */
  clear(): void {
    this.#rules.length = 0;
    this.#counters.clear();
  }

  /** Copies of the current rules, in evaluation order. */
  list(): FaultRule[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  /** First rule matching (provider, action) that fires now; consumes skip/times/probability. */
  match(provider: FaultProvider, action: string): FaultRule | undefined {
    for (const rule of this.#rules) {
      if (rule.provider !== provider) continue;
      if (rule.action !== undefined && rule.action !== action) continue;
      const counters = this.#counters.get(rule.id as string) as RuleCounters;
      if (rule.times !== undefined && counters.fired >= rule.times) continue;
      counters.seen += 1;
      if (counters.seen <= (rule.skip ?? 0)) continue;
      // Only probabilistic rules draw, so adding an always-firing rule does not shift other rules' draws.
      const probability = rule.probability ?? 1;
      if (probability < 1 && this.#random() >= probability) continue;
      counters.fired += 1;
      return { ...rule };
    }
    return undefined;
  }

  /** Counts how many times each rule fired, by id. */
  fired(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [id, counters] of this.#counters) result[id] = counters.fired;
    return result;
  }
}

/** Returns a sentence naming the first invalid field of a would-be fault rule, or undefined when it is valid. */
export function describeFaultRuleProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "a rule must be an object";
  const rule = value as Record<string, unknown>;
  if (!FAULT_PROVIDERS.includes(rule["provider"] as FaultProvider)) {
    return `"provider" must be one of ${FAULT_PROVIDERS.join(", ")}`;
  }
  if (!FAULT_KINDS.includes(rule["kind"] as FaultKind)) return `"kind" must be one of ${FAULT_KINDS.join(", ")}`;
  for (const field of ["id", "action", "code", "message"]) {
    if (rule[field] !== undefined && typeof rule[field] !== "string") return `"${field}" must be a string`;
  }
  const probability = rule["probability"];
  if (probability !== undefined && !(typeof probability === "number" && probability >= 0 && probability <= 1)) {
    return `"probability" must be a number between 0 and 1`;
  }
  for (const field of ["times", "skip", "delayMs"]) {
    const count = rule[field];
    if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 0)) {
      return `"${field}" must be a non-negative integer`;
    }
  }
  const skewSeconds = rule["skewSeconds"];
  if (skewSeconds !== undefined && !(typeof skewSeconds === "number" && Number.isFinite(skewSeconds))) {
    return `"skewSeconds" must be a finite number`;
  }
  const httpStatus = rule["httpStatus"];
  if (
    httpStatus !== undefined &&
    !(Number.isInteger(httpStatus) && (httpStatus as number) >= 200 && (httpStatus as number) <= 599)
  ) {
    return `"httpStatus" must be an integer between 200 and 599`;
  }
  if (rule["kind"] === "error-code" && (typeof rule["code"] !== "string" || rule["code"] === "")) {
    return `"code" is required for kind "error-code"`;
  }
  if (rule["kind"] === "slow" && rule["delayMs"] === undefined) return `"delayMs" is required for kind "slow"`;
  if (rule["kind"] === "clock-skew" && rule["skewSeconds"] === undefined) {
    return `"skewSeconds" is required for kind "clock-skew"`;
  }
  return undefined;
}
