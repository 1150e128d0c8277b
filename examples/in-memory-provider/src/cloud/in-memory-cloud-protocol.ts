// What the example cloud speaks: its actions, error codes, records, faults and options.

/** The cloud's actions, spelled as on the wire: `POST <endpoint>/v1/<action>` with a JSON body. */
export const IN_MEMORY_CLOUD_ACTIONS = ["AllocateIps", "DescribeIp", "ReleaseIp", "ListIps"] as const;

/** One of {@link IN_MEMORY_CLOUD_ACTIONS}. */
export type InMemoryCloudAction = (typeof IN_MEMORY_CLOUD_ACTIONS)[number];

/** Error codes of the cloud's envelope `{ "error": { "code", "message" }, "requestId" }`, with their HTTP status. */
export const IN_MEMORY_CLOUD_ERRORS = {
  AuthFailure: 401,
  NotFound: 404,
  UnknownAction: 404,
  InvalidParameter: 400,
  InvalidZone: 400,
  PoolExhausted: 409,
  Throttled: 429,
  InternalError: 500,
  ServiceBusy: 503,
} as const;

/** One of the cloud's error codes. */
export type InMemoryCloudErrorCode = keyof typeof IN_MEMORY_CLOUD_ERRORS;

/** One IP as the cloud stores and returns it. */
export interface InMemoryIpRecord {
  id: string;
  /** Absent while `status` is PROVISIONING. */
  address?: string;
  zone: string;
  instanceId?: string;
  tags: Record<string, string>;
  description?: string;
  status: "PROVISIONING" | "ACTIVE";
  /** Creation order across the whole cloud: "oldest first" means ascending `sequence`. */
  sequence: number;
  /** Creation time, epoch milliseconds. */
  createdAt: number;
}

/**
 * A misbehaviour of the next matching request: `hang` never answers; `reset` drops the connection before
 * processing (nothing changes); `lose-answer` processes the request (commits) and then drops the connection;
 * `{ error }` answers that error envelope before processing (with the cloud's `x-mem-retry-after-ms` hint when
 * `retryAfterMs` is set); `{ respond }` answers exactly that (an unreadable body, a proxy's page).
 */
export type InMemoryFault =
  | "hang"
  | "reset"
  | "lose-answer"
  | { error: InMemoryCloudErrorCode; message?: string; retryAfterMs?: number }
  | { respond: { status: number; headers?: Record<string, string>; body: string } };

/** Construction options of {@link InMemoryCloud}; every field has a default. */
export interface InMemoryCloudOptions {
  /** The Bearer token the cloud accepts. Default `in-memory-demo-token`. */
  accessToken?: string;
  /** The one zone it serves. Default `mem-1a`. */
  zone?: string;
  /** IPv4 block (/16 to /30) addresses come from. Default `198.51.100.0/24` (TEST-NET-2). */
  poolCidr?: string;
  /** How long a new IP stays PROVISIONING (no address). Default 0. */
  provisioningDelayMs?: number;
  /** How long a new IP stays invisible to `ListIps` (describe sees it at once). Default 0. */
  listingLagMs?: number;
  /** Time source, epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** What the cloud answers to one request: a status and a JSON body. */
export interface InMemoryCloudAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}
