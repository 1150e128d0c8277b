/**
 * Where a code (and its HTTP status) comes from:
 * - `official-common`: Zenlayer's common error list (its CSI driver's `pkg/cloud/error.go`);
 * - `official-docs`: an official API page (seed 002, the bmc EIP pages) or the docs' envelope page;
 * - `official-sdk`: the official SDKs (retry logic, synthesised codes, code comments);
 * - `terraform`: Zenlayer's Terraform provider;
 * - `assumption`: no official source; the emulator's choice, explained in `reference`.
 */
export type ZenlayerErrorSourceKind = "official-common" | "official-docs" | "official-sdk" | "terraform" | "assumption";

/** Where the HTTP status comes from: a documented value, or a choice this emulator made. */
export type ZenlayerStatusSource = "documented" | "chosen";

/** One error code the emulator can answer with: its status, its source and when it is produced. */
export interface ZenlayerErrorCodeInfo {
  readonly httpStatus: number;
  readonly statusSource: ZenlayerStatusSource;
  readonly source: ZenlayerErrorSourceKind;
  /** The page, file or reasoning behind the code; for `assumption`, why no official code fits. */
  readonly reference: string;
  /** When the emulator answers it on its own; "fault rule only" codes need an `error-code` fault rule. */
  readonly producedWhen: string;
}

/** One frozen catalogue entry; the part tables list their codes through it so every entry has the same shape. */
export function codeInfo(
  httpStatus: number,
  statusSource: ZenlayerStatusSource,
  source: ZenlayerErrorSourceKind,
  reference: string,
  producedWhen: string,
): ZenlayerErrorCodeInfo {
  return Object.freeze({ httpStatus, statusSource, source, reference, producedWhen });
}
