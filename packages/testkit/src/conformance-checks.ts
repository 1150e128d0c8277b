/**
 * Ids of the checks {@link runIpAllocatorConformance} registers, in the order they run. Each check is one
 * vitest test named by its id. Ids are stable across releases, so an adapter can list one in `skip`.
 *
 * - `capabilities-are-well-formed`: `provider` is a name and every capability has an allowed value.
 * - `allocate-returns-valid-result`: the result matches `AllocationResultSchema`, has `count` IPs, the
 *   allocator's provider name and `metadata.attempts >= 1`; a synchronous provider knows each address;
 *   the call reached the far side (`countRequests()` grew), called `hooks.onRequest` and leaked no secret.
 * - `describe-finds-allocation`: `describe` returns the allocated IP by its id.
 * - `wait-until-ready-settles`: `waitUntilReady` reaches `ready`, or (asynchronous providers only)
 *   rejects with a typed error.
 * - `release-or-unsupported`: `release` answers `released`/`releasing`, or rejects UNSUPPORTED when the
 *   capabilities say `release: "unsupported"`.
 * - `rejects-invalid-allocate-request`: a missing location, count 0/101/1.5, an unknown top-level key and an
 *   unknown `providerOptions` key of this provider reject INVALID_ARGUMENT with issues, before any request.
 * - `rejects-empty-id`: `describe("")`, `release("")` and `waitUntilReady("")` reject INVALID_ARGUMENT before
 *   any request.
 * - `rejects-unknown-id-with-typed-error`: describing and releasing an id that does not exist rejects with an
 *   `IpAllocatorError` (NOT_FOUND, or INVALID_ARGUMENT when the id's format is checked locally).
 * - `abort-cancels-hanging-describe`: aborting the signal of a describe the far side never answers rejects
 *   CANCELLED promptly (and an already aborted signal too); the allocator still works afterwards.
 * - `timeout-ends-hanging-describe`: `timeoutMs` on such a describe rejects TIMEOUT promptly.
 * - `idempotency-key-allocates-once`: two allocate calls with one idempotency key return the same ids and
 *   commit one allocation (`countAllocations()` grows on the first call only).
 * - `bad-credentials-rejected-without-secrets`: a wrong secret rejects UNAUTHENTICATED or PERMISSION_DENIED,
 *   and no entry of `secrets` appears in the message, `JSON.stringify(error)` or the hook events.
 * - `close-is-idempotent`: `close()` can be called twice, also concurrently.
 * - `lost-answer-allocates-once`: the answer of the allocate request is lost after the far side processed it
 *   (`faults`, `lose-answer`); allocate, with a fresh idempotency key and without one, still resolves with a
 *   valid result, and `countLiveAllocations()` grows by exactly the IPs returned.
 * - `reset-before-processing-succeeds`: the allocate request is reset before reaching the far side; allocate
 *   (keyed and not) resolves rather than rejecting (OUTCOME_UNKNOWN or otherwise), live allocations grow by the
 *   IPs returned.
 * - `rate-limit-hint-is-honoured`: the allocate request is answered 429 with `Retry-After: 1` and an HTML page;
 *   allocate resolves after one `onRetry` event with code RATE_LIMITED and `delayMs >= 1000`, the next allocate
 *   request leaves at least 1 s later, and live allocations grow by the IPs returned.
 * - `failed-step-after-allocation-leaves-nothing`: core's `allocateUntilReady` is aborted as the allocate answer
 *   arrives; it rejects with an `IpAllocatorError` whose `details.allocatedIds` (each also in the message) names
 *   what allocate returned, those IPs are released (describe: NOT_FOUND, `released` or `releasing`), and no live
 *   allocation is left that the error does not name.
 * - `shared-key-converges-on-one`: four peer allocators (`createPeerAllocator()`) allocate concurrently with one
 *   idempotency key; all resolve with the same ids, and live allocations grow by exactly the request's count.
 * @public
 */
export const CONFORMANCE_CHECKS = [
  "capabilities-are-well-formed",
  "allocate-returns-valid-result",
  "describe-finds-allocation",
  "wait-until-ready-settles",
  "release-or-unsupported",
  "rejects-invalid-allocate-request",
  "rejects-empty-id",
  "rejects-unknown-id-with-typed-error",
  "abort-cancels-hanging-describe",
  "timeout-ends-hanging-describe",
  "idempotency-key-allocates-once",
  "bad-credentials-rejected-without-secrets",
  "close-is-idempotent",
  "lost-answer-allocates-once",
  "reset-before-processing-succeeds",
  "rate-limit-hint-is-honoured",
  "failed-step-after-allocation-leaves-nothing",
  "shared-key-converges-on-one",
] as const;

/** Id of one conformance check; see {@link CONFORMANCE_CHECKS} for what each one asserts. @public */
export type ConformanceCheck = (typeof CONFORMANCE_CHECKS)[number];
