import { Bench } from "tinybench";
import { createBareUndiciClient, createPolycloudClient, type AllocateClient } from "./create-allocate-clients.js";
import { formatNumber, formatRatio, formatVerdict, type ResultTable } from "./format-table.js";
import { computeMedian } from "./summarize-samples.js";

/** One client's sequential per-call figures (tinybench), medians over the passes. */
export interface PerCallRow {
  name: string;
  requestsPerAllocate: number;
  samples: number;
  meanMs: number;
  medianMs: number;
  p99Ms: number;
  /** CPU of this process per call (client side only; the server is another process), microseconds. */
  clientCpuMicroseconds: number;
}

/** Per-call cost of polycloud's allocate against bare undici, one call at a time. */
export interface PerCallResult {
  passes: number;
  rows: PerCallRow[];
  /** polycloud ÷ bare undici (1 request), each the median over passes of its mean latency: the target ratio (≤ 1.25). */
  ratioToBare: number;
  table: ResultTable;
}

interface PassFigures {
  meanMs: number;
  medianMs: number;
  p99Ms: number;
  samples: number;
  cpuMicroseconds: number;
}

/** Runs every client once through tinybench; CPU is `process.cpuUsage()` around each measured task. */
async function runPass(clients: AllocateClient[], timeMs: number, warmup: boolean): Promise<PassFigures[]> {
  const cpuByTask = new Map<string, { startedAt: NodeJS.CpuUsage; microseconds: number }>();
  const bench = new Bench({ time: timeMs, warmup, warmupTime: 500, warmupIterations: 50, throws: true });
  for (const client of clients) {
    bench.add(client.name, () => client.allocate(), {
      beforeAll(mode) {
        if (mode === "run") cpuByTask.set(client.name, { startedAt: process.cpuUsage(), microseconds: 0 });
      },
      afterAll(mode) {
        const entry = cpuByTask.get(client.name);
        if (mode !== "run" || entry === undefined) return;
        const used = process.cpuUsage(entry.startedAt);
        entry.microseconds = used.user + used.system;
      },
    });
  }
  await bench.run();
  return bench.tasks.map((task) => {
    const latency = task.result?.latency;
    return {
      meanMs: latency?.mean ?? Number.NaN,
      medianMs: latency?.p50 ?? Number.NaN,
      p99Ms: latency?.p99 ?? Number.NaN,
      samples: latency?.samples.length ?? 0,
      cpuMicroseconds: cpuByTask.get(task.name)?.microseconds ?? Number.NaN,
    };
  });
}

/**
 * Table 1. tinybench runs each client's `allocate()` back to back (concurrency 1) against the fixed-response
 * server in its own process. Three passes (warm-up in the first) so that a burst of load on the machine
 * hits one pass, not one client; each figure is the median over the passes, ratios divide those medians.
 */
export async function measurePerCallCost(endpoint: string, timeMs: number, passes = 3): Promise<PerCallResult> {
  const clients: AllocateClient[] = [createBareUndiciClient(endpoint), createPolycloudClient(endpoint)];
  const measured: PassFigures[][] = [];
  try {
    for (let pass = 0; pass < passes; pass += 1) measured.push(await runPass(clients, timeMs, pass === 0));
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
  const rows = clients.map((client, index): PerCallRow => {
    const figures = measured.map((pass) => pass[index] as PassFigures);
    const samples = figures.reduce((sum, figure) => sum + figure.samples, 0);
    return {
      name: client.name,
      requestsPerAllocate: client.requestsPerAllocate,
      samples,
      meanMs: computeMedian(figures.map((figure) => figure.meanMs)),
      medianMs: computeMedian(figures.map((figure) => figure.medianMs)),
      p99Ms: computeMedian(figures.map((figure) => figure.p99Ms)),
      clientCpuMicroseconds: figures.reduce((sum, figure) => sum + figure.cpuMicroseconds, 0) / Math.max(1, samples),
    };
  });
  const ratioOfMeans = (numerator: number, denominator: number) =>
    (rows[numerator] as PerCallRow).meanMs / (rows[denominator] as PerCallRow).meanMs;
  const ratios = { ratioToBare: ratioOfMeans(1, 0) };
  return { passes, rows, ...ratios, table: buildPerCallTable(rows, ratios, passes, timeMs) };
}

function buildPerCallTable(
  rows: PerCallRow[],
  ratios: Pick<PerCallResult, "ratioToBare">,
  passes: number,
  timeMs: number,
): ResultTable {
  const bare = rows[0] as PerCallRow;
  return {
    title: `1. Per-call cost of allocate, one call at a time (tinybench, median of ${passes} passes × ${timeMs} ms per client)`,
    columns: [
      "client",
      "HTTP req/call",
      "samples",
      "mean µs",
      "p50 µs",
      "p99 µs",
      "client CPU µs/call",
      "mean vs bare",
      "p50 vs bare",
      "CPU vs bare",
    ],
    rows: rows.map((row) => [
      row.name,
      String(row.requestsPerAllocate),
      String(row.samples),
      formatNumber(row.meanMs * 1000, 0),
      formatNumber(row.medianMs * 1000, 0),
      formatNumber(row.p99Ms * 1000, 0),
      formatNumber(row.clientCpuMicroseconds, 0),
      formatRatio(row.meanMs / bare.meanMs),
      formatRatio(row.medianMs / bare.medianMs),
      formatRatio(row.clientCpuMicroseconds / bare.clientCpuMicroseconds),
    ]),
    notes: [
      `polycloud allocate ÷ bare undici (1 request), mean latency: ${formatRatio(ratios.ratioToBare)} — ${formatVerdict(ratios.ratioToBare <= 1.25, "≤ 1.25×")}`,
      "Both send one request; polycloud adds request validation, V3 signing (HMAC-SHA256 + SHA-256 with a fresh nonce and date), the retry wrapper, response validation and error mapping.",
    ],
  };
}
