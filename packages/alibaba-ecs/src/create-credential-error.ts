import { IpAllocatorError } from "@polycloud/core";
import { ALIBABA_ECS_PROVIDER } from "./alibaba-ecs-settings.js";

/**
 * The UNAUTHENTICATED error of the credential chain, listing in `details.lookedFor` where it looked. Callers
 * pass messages that name variables, files and profiles, never a value read from them (a secret).
 * @internal
 */
export function createCredentialError(
  input: { operation?: string | undefined },
  message: string,
  lookedFor: readonly string[],
): IpAllocatorError {
  return new IpAllocatorError({
    code: "UNAUTHENTICATED",
    message,
    provider: ALIBABA_ECS_PROVIDER,
    operation: input.operation,
    details: { lookedFor },
  });
}
