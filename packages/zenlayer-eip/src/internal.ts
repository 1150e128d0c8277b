// @polycloud/zenlayer-eip/internal: the adapter's implementation, exported for tools and tests (signer vectors,
// benchmarks, error-table checks). No compatibility promise: anything here may change in any release. Users
// want the main entry (`@polycloud/zenlayer-eip`) or the DI entry (`@polycloud/zenlayer-eip/di`).
export { resolveZenlayerEipCredentials, type ResolvedZenlayerCredentials } from "./resolve-zenlayer-eip-credentials.js";
export {
  ZC2_ALGORITHM,
  ZC2_SIGNED_HEADERS,
  signZenlayerEipRequest,
  type ZenlayerSignature,
  type ZenlayerSigningInput,
} from "./sign-zenlayer-eip-request.js";
export type { ZenlayerEipAction } from "./zenlayer-eip-client.js";
export {
  ZENLAYER_ERROR_MAP,
  ZENLAYER_RESPONSES,
  mapZenlayerEipErrorCode,
  type ZenlayerErrorMapping,
} from "./map-zenlayer-eip-error.js";
export { EIP_STATUS_TO_STATE, mapEipToAllocatedIp } from "./map-eip-to-allocated-ip.js";
export { ZENLAYER_EIP_STATUSES, type EipAddress } from "./parse-zenlayer-eip-response.js";
