/**
 * Remembers signature nonces for a time window (the timestamp tolerance, 15 min by default) so a replayed
 * request answers `SignatureNonceUsed`. Expired entries are pruned on use, so no timer is needed.
 */
export class NonceCache {
  readonly #ttlMs: number;
  readonly #expiries = new Map<string, number>();

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  /** Records the nonce of this AccessKey; returns false when it was already used within the window. */
  remember(accessKeyId: string, nonce: string, nowMs: number): boolean {
    this.#prune(nowMs);
    const key = `${accessKeyId}\n${nonce}`;
    const expiry = this.#expiries.get(key);
    if (expiry !== undefined && expiry > nowMs) return false;
    this.#expiries.delete(key);
    this.#expiries.set(key, nowMs + this.#ttlMs);
    return true;
  }

  #prune(nowMs: number): void {
    // Entries are stored in insertion order, so with a forward-moving clock the expired ones come first.
    for (const [key, expiry] of this.#expiries) {
      if (expiry > nowMs) break;
      this.#expiries.delete(key);
    }
  }
}

/** Sliding-window flow control per (AccessKey, action): at most `limitFor(action)` calls per `windowMs`. */
export class FlowControl {
  readonly #windowMs: number;
  readonly #limitFor: (action: string) => number;
  readonly #calls = new Map<string, number[]>();

  constructor(windowMs: number, limitFor: (action: string) => number) {
    this.#windowMs = windowMs;
    this.#limitFor = limitFor;
  }

  /**
   * Counts a call and returns 0, or, when the window is already full, does not count it and returns the
   * milliseconds until the oldest call in the window expires (what `x-acs-retry-after` tells the client).
   */
  admit(accessKeyId: string, action: string, nowMs: number): number {
    const key = `${accessKeyId}\n${action}`;
    const windowStart = nowMs - this.#windowMs;
    const calls = (this.#calls.get(key) ?? []).filter((at) => at > windowStart);
    this.#calls.set(key, calls);
    if (calls.length >= this.#limitFor(action)) return Math.max(1, (calls[0] ?? nowMs) + this.#windowMs - nowMs);
    calls.push(nowMs);
    return 0;
  }
}
