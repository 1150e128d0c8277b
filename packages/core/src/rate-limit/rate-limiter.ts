import { z } from "zod";
import { abortReason, systemClock, type Clock } from "../clock.js";

/**
 * Client-side admission control: at most `maxRequests` requests within any `windowMs` (a sliding window, the way
 * ECS flow control and Zenlayer's rate limit count). Set it to the provider's limit so bulk work runs at the
 * limit instead of bouncing off it with throttling errors and retries.
 * @public
 */
export interface RateLimitSettings {
  maxRequests: number;
  windowMs: number;
}

/** Validates {@link RateLimitSettings} in adapter settings (unknown keys rejected). @public */
export const RateLimitSettingsSchema = z
  .object({
    /** Requests allowed per window. */
    maxRequests: z.number().int().min(1).max(100_000),
    /** Window length in ms. */
    windowMs: z.number().int().min(1).max(3_600_000),
  })
  .strict();

/** Ends a request's hold on its slot; call it once the request has completed or failed (extra calls are ignored). @public */
export type ReleaseRateLimitSlot = () => void;

interface Waiter {
  resolve(release: ReleaseRateLimitSlot): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * A sliding-window request limiter that is safe however long requests take. The provider counts a request when
 * it arrives, some time between our send and its answer, so a slot is held while the request is in flight and
 * for `windowMs` after it completes: then no `maxRequests + 1` requests can ever share one window at the
 * provider, whatever the network did. Requests are admitted in arrival order (FIFO); a waiter whose signal
 * aborts leaves the queue without taking a slot, and nothing was sent for it.
 * @public
 */
export class RateLimiter {
  private inFlight = 0;
  /** Completion times of finished requests, oldest first; those before `head` have left the window. */
  private readonly completions: number[] = [];
  private head = 0;
  private readonly waiters: Waiter[] = [];
  private wake: AbortController | undefined;
  private pumping = false;

  constructor(
    /** The limit this limiter enforces. */
    readonly settings: Readonly<RateLimitSettings>,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.waiters.length;
  }

  /** Requests admitted and not yet released. */
  get running(): number {
    return this.inFlight;
  }

  /**
   * Resolves with the slot's release function when a request may start. Rejects with the signal's reason when
   * it aborts first (no slot taken), or with the error given to {@link RateLimiter.rejectQueued}.
   */
  acquire(signal?: AbortSignal): Promise<ReleaseRateLimitSlot> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.waiters.length === 0 && this.hasFreeSlot(this.clock.now())) return Promise.resolve(this.admit());
    return new Promise<ReleaseRateLimitSlot>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal !== undefined) {
        waiter.onAbort = () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(abortReason(signal));
          // Nobody left to wake: stop the pending timer so it cannot hold the process open.
          if (this.waiters.length === 0) this.wake?.abort();
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /** Rejects every queued request with `reason` (e.g. when the allocator closes); admitted ones are unaffected. */
  rejectQueued(reason: unknown): void {
    for (const waiter of this.waiters.splice(0)) {
      this.detach(waiter);
      waiter.reject(reason);
    }
    this.wake?.abort();
  }

  private hasFreeSlot(now: number): boolean {
    while (
      this.head < this.completions.length &&
      (this.completions[this.head] as number) + this.settings.windowMs <= now
    )
      this.head += 1;
    if (this.head > 64 && this.head * 2 > this.completions.length) {
      this.completions.splice(0, this.head);
      this.head = 0;
    }
    return this.inFlight + this.completions.length - this.head < this.settings.maxRequests;
  }

  private admit(): ReleaseRateLimitSlot {
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.completions.push(this.clock.now());
      // A pump that stopped because every slot was in flight now has a time to wait for. (A sleeping pump
      // already waits for an older completion, which leaves the window before this one.)
      if (this.waiters.length > 0) this.pump();
    };
  }

  private detach(waiter: Waiter): void {
    if (waiter.onAbort !== undefined) waiter.signal?.removeEventListener("abort", waiter.onAbort);
  }

  /** Admits queued requests while slots are free, then sleeps until the oldest completion leaves the window. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    void (async () => {
      try {
        while (this.waiters.length > 0) {
          const now = this.clock.now();
          if (this.hasFreeSlot(now)) {
            const waiter = this.waiters.shift() as Waiter;
            this.detach(waiter);
            waiter.resolve(this.admit());
            continue;
          }
          // Every slot is in flight: a release restarts the pump.
          if (this.head === this.completions.length) return;
          this.wake = new AbortController();
          await this.clock
            .sleep((this.completions[this.head] as number) + this.settings.windowMs - now, this.wake.signal)
            .catch(() => undefined);
          this.wake = undefined;
        }
      } finally {
        this.pumping = false;
      }
    })();
  }
}
