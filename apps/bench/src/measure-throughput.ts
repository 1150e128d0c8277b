import {
  createBareUndiciClient,
  createOfficialSdkClient,
  createPolycloudClient,
  type AllocateClient,
} from "./create-allocate-clients.js";
import { formatNumber, formatRatio, formatVerdict, type ResultTable } from "./format-table.js";
import { readProcessCpuMs } from "./read-process-cpu.js";
import { runClosedLoop, type ClosedLoopResult } from "./run-closed-loop.js";
import { computeMedian } from "./summarize-samples.js";

/** One client's throughput: the median round plus what each round measured. */
export interface ThroughputRow {
  name: string;
  requestsPerAllocate: number;
  /** Allocations per second of the median round. */
  throughputPerSecond: number;
  median: ClosedLoopResult;
  rounds: ClosedLoopResult[];
  /** Server process CPU ÷ wall time during the median round (1.0 = one core saturated). */
  serverBusyShare: number;
  /** This client's throughput ÷ the SDK's, median of the per-round ratios. */
  ratioToSdk: number;
}

// Rounds are interleaved, so a ratio within one round compares clients under the same machine load.
function computeRatioToSdk(row: ThroughputRow, sdk: ThroughputRow): number {
  return computeMedian(
    sdk.rounds.map(
      (sdkRound, round) => (row.rounds[round]?.throughputPerSecond ?? Number.NaN) / sdkRound.throughputPerSecond,
    ),
  );
}

/** Throughput of polycloud vs the official SDK (and bare undici) at the same concurrency. */
export interface ThroughputResult {
  concurrency: number;
  operationsPerRound: number;
  rows: ThroughputRow[];
  /** polycloud ÷ SDK allocations per second, median of the per-round ratios (target ≥ 2.5). */
  ratioToSdk: number;
  table: ResultTable;
}

/**
 * Table 2. A closed-loop driver keeps `concurrency` allocations in flight per client. Clients run in
 * interleaved rounds (A B C D, A B C D, …) after a warm-up so drift hits all alike; the median round counts.
 */
export async function measureThroughput(
  server: { endpoint: string; pid: number },
  options: { concurrency: number; operations: number; rounds: number },
): Promise<ThroughputResult> {
  const clients: AllocateClient[] = [
    createBareUndiciClient(server.endpoint),
    createPolycloudClient(server.endpoint),
    createOfficialSdkClient(server.endpoint),
  ];
  const rounds = new Map<string, Array<{ result: ClosedLoopResult; serverBusyShare: number }>>(
    clients.map((client) => [client.name, []]),
  );
  try {
    for (const client of clients)
      await runClosedLoop(() => client.allocate(), {
        concurrency: options.concurrency,
        operations: Math.min(500, options.operations),
      });
    for (let round = 0; round < options.rounds; round += 1) {
      for (const client of clients) {
        const serverCpuBefore = readProcessCpuMs(server.pid);
        const result = await runClosedLoop(() => client.allocate(), {
          concurrency: options.concurrency,
          operations: options.operations,
        });
        rounds
          .get(client.name)
          ?.push({ result, serverBusyShare: (readProcessCpuMs(server.pid) - serverCpuBefore) / result.elapsedMs });
      }
    }
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
  const rows = clients.map((client): ThroughputRow => {
    const measured = rounds.get(client.name) ?? [];
    const medianThroughput = computeMedian(measured.map(({ result }) => result.throughputPerSecond));
    const median = measured.find(({ result }) => result.throughputPerSecond === medianThroughput) ?? measured[0];
    return {
      name: client.name,
      requestsPerAllocate: client.requestsPerAllocate,
      throughputPerSecond: medianThroughput,
      median: median?.result as ClosedLoopResult,
      rounds: measured.map(({ result }) => result),
      serverBusyShare: median?.serverBusyShare ?? Number.NaN,
      ratioToSdk: Number.NaN,
    };
  });
  for (const row of rows) row.ratioToSdk = computeRatioToSdk(row, rows[2] as ThroughputRow);
  const ratios = { ratioToSdk: (rows[1] as ThroughputRow).ratioToSdk };
  return {
    concurrency: options.concurrency,
    operationsPerRound: options.operations,
    rows,
    ...ratios,
    table: buildThroughputTable(rows, ratios, options),
  };
}

function buildThroughputTable(
  rows: ThroughputRow[],
  ratios: Pick<ThroughputResult, "ratioToSdk">,
  options: { concurrency: number; operations: number; rounds: number },
): ResultTable {
  return {
    title: `2. Throughput at concurrency ${options.concurrency} (closed loop, median of ${options.rounds} rounds × ${options.operations} allocations)`,
    columns: [
      "client",
      "HTTP req/call",
      "allocs/s",
      "vs SDK (per round)",
      "p50 ms",
      "p99 ms",
      "client CPU µs/alloc",
      "server busy",
      "errors",
    ],
    rows: rows.map((row) => [
      row.name,
      String(row.requestsPerAllocate),
      formatNumber(row.throughputPerSecond, 0),
      formatRatio(row.ratioToSdk),
      formatNumber(row.median.latency.median, 2),
      formatNumber(row.median.latency.p99, 2),
      formatNumber(row.median.clientCpuMicrosecondsPerOperation, 0),
      `${formatNumber(row.serverBusyShare * 100, 0)}%`,
      String(row.rounds.reduce((sum, round) => sum + round.errors, 0)),
    ]),
    notes: [
      `polycloud allocate ÷ SDK (median of the per-round ratios): ${formatRatio(ratios.ratioToSdk)} — ${formatVerdict(ratios.ratioToSdk >= 2.5, "≥ 2.5×")}`,
      "server busy = CPU of the server process ÷ wall time (100% = one of the 2 cores saturated by the server alone).",
    ],
  };
}
