import { inspect } from "node:util";

/** `util.inspect`'s custom hook: defined by allocators and clients so `console.log` never prints a credential. @public */
export const INSPECT_CUSTOM: unique symbol = inspect.custom as never;

/**
 * What an allocator or client shows `console.log`, `util.inspect` and `JSON.stringify`: its class name and a
 * summary of non-secret facts, never its settings (credentials, tokens) or the environment it reads.
 * @public
 */
export function formatSafeSummary(name: string, summary: Readonly<Record<string, unknown>>): string {
  return `${name} ${inspect(summary, { depth: 3, breakLength: Number.POSITIVE_INFINITY })}`;
}
