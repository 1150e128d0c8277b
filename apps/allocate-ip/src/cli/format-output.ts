import type { AllocatedIp, AllocationResult, DescribeResult, IpAllocatorError, ReleaseResult } from "@polycloud/core";

/**
 * The one JSON object printed on failure with `--json`. Every key is always present (null when the
 * provider did not say) so scripts can read it without guarding; `issues` lists invalid fields.
 * @public
 */
export function toErrorJson(error: IpAllocatorError): { error: Record<string, unknown> } {
  return {
    error: {
      code: error.code,
      message: error.message,
      provider: error.provider,
      providerCode: error.providerCode ?? null,
      retryable: error.retryable,
      requestId: error.requestId ?? null,
      httpStatus: error.httpStatus ?? null,
      ...(error.issues.length > 0 && { issues: error.issues }),
    },
  };
}

/** Human form of an error, for stderr: the message (which names any bad field), then the facts. */
export function formatError(error: IpAllocatorError, exitCode: number): string[] {
  const providerFacts = [error.providerCode && `code ${error.providerCode}`, error.httpStatus && `HTTP ${error.httpStatus}`].filter(Boolean).join(", ");
  return [
    `error: ${error.message}`,
    ...alignFields([
      ["code", `${error.code} (exit ${exitCode})${error.retryable ? ", retryable" : ""}`],
      ["provider", `${error.provider}${providerFacts ? ` (${providerFacts})` : ""}`],
      ["request id", error.requestId],
    ]).map((line) => `  ${line}`),
  ];
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
  return [...formatIpFields(result.ip), "", ...alignFields([["provider", result.provider], ["request id", result.requestId ?? result.metadata.requestId]])];
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
    ["tags", Object.entries(ip.tags).map(([key, value]) => `${key}=${value}`).join(" ")],
  ]);
}

/** `key  value` lines with the values in one column; pairs without a value are left out. */
export function alignFields(pairs: ReadonlyArray<readonly [string, string | undefined]>): string[] {
  const present = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined && pair[1] !== "");
  const width = Math.max(0, ...present.map(([key]) => key.length));
  return present.map(([key, value]) => `${key.padEnd(width)}  ${value}`);
}
