import { randomUUID } from "node:crypto";

/** `yyyy-MM-ddTHH:mm:ssZ` (UTC, second precision), the format of V1 `Timestamp` and V3 `x-acs-date`. @public */
export function formatAcsTimestamp(epochMs: number): string {
  // Every attempt within one second signs the same string: format each second once.
  const second = Math.floor(epochMs / 1000);
  if (second !== lastTimestamp.second)
    lastTimestamp = { second, text: `${new Date(second * 1000).toISOString().slice(0, 19)}Z` };
  return lastTimestamp.text;
}

let lastTimestamp = { second: Number.NaN, text: "" };

/** A fresh 128-bit hex nonce; Alibaba rejects a nonce it has seen within its replay window. @public */
export function createSignatureNonce(): string {
  // randomUUID draws from a pooled entropy buffer: ~15x cheaper per call than randomBytes(16).
  return randomUUID().replaceAll("-", "");
}
