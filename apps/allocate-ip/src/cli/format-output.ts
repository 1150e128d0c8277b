import type { AllocatedIp, AllocationResult, DescribeResult, IpAllocatorError, ReleaseResult } from "@polycloud/core";
import { formatReleaseCommand, quoteShellWord, type ProviderFlags } from "./release-command.js";

/**
 * What a failed allocation left behind, read from the error's `details`: every id the call allocated, those
 * its compensation released, and those still allocated (kept on purpose, or the release failed).
 */
export interface AllocatedIdsOutcome {
  allocatedIds: string[];
  releasedIds: string[];
  keptIds: string[];
}

/** The ids an error names in `details.allocatedIds` (and what became of them), or undefined when it names none. */
export function readAllocatedIds(error: IpAllocatorError): AllocatedIdsOutcome | undefined {
  const allocatedIds = readIds(error.details.allocatedIds);
  if (allocatedIds === undefined || allocatedIds.length === 0) return undefined;
  const releasedIds = readIds(error.details.releasedIds) ?? [];
  const keptIds = readIds(error.details.keptIds) ?? allocatedIds.filter((id) => !releasedIds.includes(id));
  return { allocatedIds, releasedIds, keptIds };
}

/** The idempotency key an error carries (`details.idempotencyKey`): a rerun with it cannot allocate twice. */
export function readIdempotencyKey(error: IpAllocatorError): string | undefined {
  const key = error.details.idempotencyKey;
  return typeof key === "string" && key !== "" ? key : undefined;
}

/**
 * The message in the CLI's words: core names the idempotency key by its library field (`idempotencyKey "k"`);
 * a CLI user passes it back as `--idempotency-key k`.
 */
function toCliMessage(error: IpAllocatorError): string {
  const key = readIdempotencyKey(error);
  return key === undefined
    ? error.message
    : error.message.replaceAll(`idempotencyKey "${key}"`, `--idempotency-key ${quoteShellWord(key)}`);
}

/**
 * What to do about the error, from `details.hint` (an adapter's advice, e.g. "The instance must be Running or
 * Stopped."), or undefined when it gives none.
 */
export function readHint(error: IpAllocatorError): string | undefined {
  const hint = error.details.hint;
  return typeof hint === "string" && hint.trim() !== "" ? hint : undefined;
}

/** The hint to print on its own line: none when the message already says it (core appends it), so it shows once. */
function readHintNotInMessage(error: IpAllocatorError, message: string): string | undefined {
  const hint = readHint(error);
  return hint === undefined || message.includes(hint) ? undefined : hint;
}

function readIds(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : undefined;
}

/**
 * The one JSON object printed on failure with `--json`. Every key is always present (null when the
 * provider did not say) so scripts can read it without guarding; `hint` is the adapter's advice (also part of
 * the message); `issues` lists invalid fields. An error
 * after the allocation also has `allocatedIds`, `releasedIds`, `keptIds` and `releaseCommands` (one
 * `allocate-ip release` command per kept id, with the `--config` / `--provider` flags of `flags`), and an
 * error that carries an idempotency key (OUTCOME_UNKNOWN, say) has `idempotencyKey`, which the message names as
 * the `--idempotency-key` flag to rerun with.
 * @public
 */
export function toErrorJson(error: IpAllocatorError, flags: ProviderFlags = {}): { error: Record<string, unknown> } {
  const allocated = readAllocatedIds(error);
  const idempotencyKey = readIdempotencyKey(error);
  return {
    error: {
      code: error.code,
      message: toCliMessage(error),
      provider: error.provider,
      providerCode: error.providerCode ?? null,
      retryable: error.retryable,
      requestId: error.requestId ?? null,
      httpStatus: error.httpStatus ?? null,
      hint: readHint(error) ?? null,
      ...(error.issues.length > 0 && { issues: error.issues }),
      ...(allocated !== undefined && {
        ...allocated,
        releaseCommands: allocated.keptIds.map((id) => formatReleaseCommand(id, flags)),
      }),
      ...(idempotencyKey !== undefined && { idempotencyKey }),
    },
  };
}

/**
 * Human form of an error, for stderr: the message (which names any bad field), then the facts; after a
 * failed allocation every allocated id, which were released, and the command that releases each kept one;
 * for OUTCOME_UNKNOWN the `--idempotency-key` to rerun with.
 */
export function formatError(error: IpAllocatorError, exitCode: number, flags: ProviderFlags = {}): string[] {
  const providerFacts = [
    error.providerCode && `code ${error.providerCode}`,
    error.httpStatus && `HTTP ${error.httpStatus}`,
  ]
    .filter(Boolean)
    .join(", ");
  const allocated = readAllocatedIds(error);
  const idempotencyKey = error.code === "OUTCOME_UNKNOWN" ? readIdempotencyKey(error) : undefined;
  const message = toCliMessage(error);
  const lines = [
    `error: ${message}`,
    ...alignFields([
      ["code", `${error.code} (exit ${exitCode})${error.retryable ? ", retryable" : ""}`],
      ["provider", `${error.provider}${providerFacts ? ` (${providerFacts})` : ""}`],
      ["request id", error.requestId],
      ["hint", readHintNotInMessage(error, message)],
      ["allocated", allocated?.allocatedIds.join(", ")],
      ["released", allocated && (allocated.releasedIds.join(", ") || "none")],
      [
        "kept",
        allocated && allocated.keptIds.length > 0 ? `${allocated.keptIds.join(", ")} (still allocated)` : undefined,
      ],
      [
        "rerun with",
        idempotencyKey &&
          `--idempotency-key ${quoteShellWord(idempotencyKey)} (returns the allocation if one was made, instead of making a second)`,
      ],
    ]).map((line) => `  ${line}`),
  ];
  if (allocated !== undefined && allocated.keptIds.length > 0) {
    lines.push(
      `release ${allocated.keptIds.length === 1 ? "it" : "them"} with:`,
      ...allocated.keptIds.map((id) => `  ${formatReleaseCommand(id, flags)}`),
    );
  }
  return lines;
}

/** Human form of an allocation: address, id and state of each IP, then provider and request id. */
export function formatAllocation(result: AllocationResult): string[] {
  const blocks = result.ips.map((ip) => formatIpFields(ip));
  const footer = alignFields([
    ["provider", result.provider],
    ["request id", result.requestId ?? result.metadata.requestId],
    ["reconciled", result.reconciled ? "yes (an earlier attempt's allocation was found and returned)" : undefined],
  ]);
  return blocks.flatMap((block) => [...block, ""]).concat(footer);
}

/** Human form of `describe` and `wait`. */
export function formatDescription(result: DescribeResult): string[] {
  return [
    ...formatIpFields(result.ip),
    "",
    ...alignFields([
      ["provider", result.provider],
      ["request id", result.requestId ?? result.metadata.requestId],
    ]),
  ];
}

/** Human form of `release`. */
export function formatRelease(result: ReleaseResult): string[] {
  return alignFields([
    ["id", result.id],
    ["state", result.state === "releasing" ? "releasing (the provider finishes asynchronously)" : result.state],
    ["provider", result.provider],
    ["request id", result.requestId ?? result.metadata.requestId],
  ]);
}

function formatIpFields(ip: AllocatedIp): string[] {
  const location = [ip.location.region, ip.location.zone].filter(Boolean).join(" / ");
  return alignFields([
    ["address", ip.address ?? "(not assigned yet)"],
    ["id", ip.id],
    ["state", `${ip.state}${ip.providerState ? ` (${ip.providerState})` : ""}`],
    ["location", location || undefined],
    ["instance", ip.instanceId],
    [
      "tags",
      Object.entries(ip.tags)
        .map(([key, value]) => `${key}=${value}`)
        .join(" "),
    ],
  ]);
}

/** `key  value` lines with the values in one column; pairs without a value are left out. */
export function alignFields(pairs: ReadonlyArray<readonly [string, string | undefined]>): string[] {
  const present = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined && pair[1] !== "");
  const width = Math.max(0, ...present.map(([key]) => key.length));
  return present.map(([key, value]) => `${key.padEnd(width)}  ${value}`);
}
