/** One deadline shared by consecutive operations (allocate, then wait). */
export interface Deadline {
  /** Milliseconds left (at least 1, so an expired deadline fails fast with TIMEOUT), or undefined without a deadline. */
  remainingMs(): number | undefined;
}

/** Starts a deadline `timeoutMs` from now; without `timeoutMs` there is none. */
export function startDeadline(timeoutMs: number | undefined): Deadline {
  if (timeoutMs === undefined) return { remainingMs: () => undefined };
  const endsAt = Date.now() + timeoutMs;
  return { remainingMs: () => Math.max(1, endsAt - Date.now()) };
}
