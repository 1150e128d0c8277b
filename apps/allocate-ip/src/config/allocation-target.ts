/**
 * What to allocate, in provider-neutral terms. `location` is a region or a zone: the provider's
 * `capabilities.locationKind` decides which, so the same target shape works on every provider. The file's
 * `allocate` blocks are read and checked by core's `loadConfig`; this is their CLI view, merged with flags.
 * @public
 */
export interface AllocationTarget {
  /** Region (Alibaba ECS, AWS EC2) or zone (Zenlayer), as the provider's capabilities say. */
  location?: string;
  /** Instance to allocate onto or associate with. */
  instanceId?: string;
  count?: number;
  tags?: Record<string, string>;
  idempotencyKey?: string;
  /** Provider-only knobs keyed by provider name, passed through to the adapter. */
  providerOptions?: Record<string, Record<string, unknown>>;
}
