/** Ids remembered at most: enough for any burst of allocations, bounded so a long-lived allocator stays small. */
const MAX_TRACKED_IDS = 10_000;

/**
 * The EIPs this allocator allocated that Describe has not listed yet. DescribeEipAddresses lags behind
 * AllocateEipAddresses (Terraform tolerates 3 "not found" polls), so `describe` of such an id polls
 * `notFoundPolls` times before answering NOT_FOUND, while an id it never allocated is answered at once.
 * @internal
 */
export class UnlistedEipTracker {
  private readonly ids = new Set<string>();

  /** Remembers freshly allocated ids, forgetting the oldest beyond the bound. */
  add(eipIds: Iterable<string>): void {
    for (const eipId of eipIds) {
      this.ids.delete(eipId);
      this.ids.add(eipId);
      if (this.ids.size > MAX_TRACKED_IDS) this.ids.delete(this.ids.values().next().value as string);
    }
  }

  /** Whether `eipId` was allocated here and not listed since. */
  has(eipId: string): boolean {
    return this.ids.has(eipId);
  }

  /** Forgets an id once Describe listed it: from then on "not listed" means gone. */
  delete(eipId: string): void {
    this.ids.delete(eipId);
  }
}
