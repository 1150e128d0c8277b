// The far side of the example (the `./cloud` entry): an in-memory IP store served over loopback HTTP. It stands
// in for a real provider's API; the adapter (the main entry) only ever talks to it over the wire.
export {
  startInMemoryCloud,
  REQUEST_ID_HEADER,
  RETRY_AFTER_MS_HEADER,
  type RunningInMemoryCloud,
  type StartInMemoryCloudOptions,
} from "./start-in-memory-cloud.js";
export { InMemoryCloud } from "./in-memory-cloud.js";
export {
  IN_MEMORY_CLOUD_ACTIONS,
  IN_MEMORY_CLOUD_ERRORS,
  type InMemoryCloudAction,
  type InMemoryCloudAnswer,
  type InMemoryCloudErrorCode,
  type InMemoryCloudOptions,
  type InMemoryFault,
  type InMemoryIpRecord,
} from "./in-memory-cloud-protocol.js";
export { AddressPool, parseIpv4Cidr } from "./in-memory-address-pool.js";
