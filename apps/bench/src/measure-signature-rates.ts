import {
  createSignatureNonce,
  formatAcsTimestamp,
  signAlibabaEcsRequest,
  type SignAlibabaEcsRequestInput,
} from "@polycloud/alibaba-ecs/internal";
import { signZenlayerEipRequest } from "@polycloud/zenlayer-eip/internal";
import { Bench } from "tinybench";
import { BENCH_CREDENTIALS } from "./create-allocate-clients.js";
import { formatNumber, formatRatio, type ResultTable } from "./format-table.js";

/** One signer's rate. */
export interface SignatureRow {
  name: string;
  signaturesPerSecond: number;
  meanMicroseconds: number;
  p99Microseconds: number;
  samples: number;
}

/** Signature rates of the three signers. */
export interface SignatureResult {
  rows: SignatureRow[];
  table: ResultTable;
}

// A realistic AllocatePublicIpAddress request (the parameters the adapter sends), fixed date and nonce.
const ALIBABA_REQUEST: SignAlibabaEcsRequestInput = {
  endpoint: new URL("https://ecs-cn-hangzhou.aliyuncs.com"),
  action: "AllocatePublicIpAddress",
  params: { InstanceId: "i-bp1example0000000001", RegionId: "cn-hangzhou", Format: "JSON" },
  credentials: { ...BENCH_CREDENTIALS },
  signatureVersion: "v3",
  timestamp: "2026-01-01T00:00:00Z",
  nonce: "3f1c1d0e9b8a7f6e5d4c3b2a19080706",
};

// The AllocateEipAddresses body the Zenlayer adapter sends for one POSTPAID EIP with its idempotency tag.
const ZENLAYER_BODY = JSON.stringify({
  zoneId: "SEL-A",
  eipChargeType: "POSTPAID",
  amount: 1,
  tags: { tags: [{ key: "polycloud:idempotency-key", value: "polycloud-6f1c7a52-3d2e-4b8f-9a0c-1e2d3c4b5a69" }] },
});

/**
 * Table 4. tinybench runs each signer synchronously for `timeMs`. The signers are the adapters' public
 * exports: the whole wire request is built (canonical form, hashes, HMAC, headers), with a fixed date and
 * nonce except in the row that adds them, which is what every real attempt pays.
 */
export async function measureSignatureRates(timeMs: number): Promise<SignatureResult> {
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(300, timeMs) });
  bench
    .add("Alibaba V3 (ACS3-HMAC-SHA256)", () => signAlibabaEcsRequest(ALIBABA_REQUEST))
    .add("Alibaba V3 + fresh nonce and timestamp", () =>
      signAlibabaEcsRequest({
        ...ALIBABA_REQUEST,
        timestamp: formatAcsTimestamp(Date.now()),
        nonce: createSignatureNonce(),
      }),
    )
    .add("Alibaba V1 (HMAC-SHA1)", () => signAlibabaEcsRequest({ ...ALIBABA_REQUEST, signatureVersion: "v1" }))
    .add("Zenlayer ZC2 (ZC2-HMAC-SHA256)", () =>
      signZenlayerEipRequest({
        host: "console.zenlayer.com",
        contentType: "application/json; charset=utf-8",
        body: ZENLAYER_BODY,
        timestampSeconds: 1_767_225_600,
        ...BENCH_CREDENTIALS,
      }),
    );
  await bench.run();
  const rows = bench.tasks.map((task): SignatureRow => {
    const latency = task.result?.latency;
    return {
      name: task.name,
      signaturesPerSecond: latency === undefined ? Number.NaN : 1000 / latency.mean,
      meanMicroseconds: (latency?.mean ?? Number.NaN) * 1000,
      p99Microseconds: (latency?.p99 ?? Number.NaN) * 1000,
      samples: latency?.samples.length ?? 0,
    };
  });
  const v3 = rows[0] as SignatureRow;
  return {
    rows,
    table: {
      title: "4. Signatures per second (tinybench, one core)",
      columns: ["signer", "signatures/s", "mean µs", "p99 µs", "samples", "vs V3"],
      rows: rows.map((row) => [
        row.name,
        formatNumber(row.signaturesPerSecond, 0),
        formatNumber(row.meanMicroseconds, 2),
        formatNumber(row.p99Microseconds, 2),
        String(row.samples),
        formatRatio(row.signaturesPerSecond / v3.signaturesPerSecond),
      ]),
      notes: ["Each signature builds the complete signed request (URL or body, headers), not only the HMAC."],
    },
  };
}
