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
] as const;

/** Id of one conformance check; see {@link CONFORMANCE_CHECKS} for what each one asserts. @public */
export type ConformanceCheck = (typeof CONFORMANCE_CHECKS)[number];
