import { IpAllocatorError } from "@polycloud/core";
import { IN_MEMORY_PROVIDER } from "./in-memory-settings.js";

/** Environment variable read when the settings carry no `accessToken`. */
export const IN_MEMORY_TOKEN_VARIABLE = "IN_MEMORY_ACCESS_TOKEN";

/** A resolved credential and where it came from (never the value itself in a message). */
export interface InMemoryCredentials {
  token: string;
  source: "settings" | `env:${string}`;
}

/**
 * The credential chain: the `accessToken` setting, then `IN_MEMORY_ACCESS_TOKEN`. The client calls it at its
 * first request, not at construction, so building an allocator (or loading a config) never fails for want of a
 * credential that a later call would have found. A real provider adds files and instance metadata here.
 * @throws {IpAllocatorError} UNAUTHENTICATED naming what was looked for.
 */
export function resolveInMemoryCredentials(
  accessToken: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  operation: string,
): InMemoryCredentials {
  if (accessToken !== undefined) return { token: accessToken, source: "settings" };
  const fromEnv = env[IN_MEMORY_TOKEN_VARIABLE]?.trim();
  if (fromEnv) return { token: fromEnv, source: `env:${IN_MEMORY_TOKEN_VARIABLE}` };
  throw new IpAllocatorError({
    code: "UNAUTHENTICATED",
    message: `No in-memory access token: looked in the accessToken setting and the ${IN_MEMORY_TOKEN_VARIABLE} environment variable.`,
    provider: IN_MEMORY_PROVIDER,
    operation,
    details: { lookedIn: ["settings.accessToken", `env:${IN_MEMORY_TOKEN_VARIABLE}`] },
  });
}
