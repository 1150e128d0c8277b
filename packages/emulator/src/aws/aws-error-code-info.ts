/**
 * Where an error code's HTTP status comes from: the project's AWS facts (`spec`), AWS's published error
 * documentation (`aws-docs`), or a choice of this emulator where neither pins it (`chosen`).
 */
export type AwsStatusSource = "spec" | "aws-docs" | "chosen";

/** One error code the EC2 emulator answers, with its HTTP status and default message. */
export interface AwsErrorCodeInfo {
  readonly httpStatus: number;
  readonly message: string;
  readonly statusSource: AwsStatusSource;
  /** When the emulator answers it on its own; "fault rule only" codes need an `error-code` fault rule. */
  readonly producedWhen: string;
}

/** One frozen table entry; the table lists its codes through it so every entry has the same shape. */
export function codeInfo(
  httpStatus: number,
  statusSource: AwsStatusSource,
  message: string,
  producedWhen: string,
): AwsErrorCodeInfo {
  return Object.freeze({ httpStatus, message, statusSource, producedWhen });
}
