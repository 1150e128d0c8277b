// Public API of @polycloud/core. Named exports only, so the surface is deliberate.
export {
  IP_ALLOCATOR_ERROR_CODES,
  ERROR_CODE_DEFAULTS,
  type IpAllocatorErrorCode,
  type IpAllocatorErrorCategory,
} from "./errors/error-codes.js";
export { IpAllocatorError, type IpAllocatorErrorOptions, type FieldIssue } from "./errors/ip-allocator-error.js";
export {
  createInvalidArgumentError,
  parseOrThrow,
  toFieldIssues,
  type InvalidArgumentContext,
} from "./errors/create-invalid-argument-error.js";
export { toIpAllocatorError } from "./errors/to-ip-allocator-error.js";
export { mapHttpStatusToCode } from "./errors/map-http-status.js";

export { IpStateSchema, type IpState } from "./spec/ip-state.js";
export {
  AllocateRequestSchema,
  LocationSchema,
  TagsSchema,
  type AllocateRequest,
  type AllocateRequestInput,
  type Location,
} from "./spec/allocate-request.js";
export {
  AllocatedIpSchema,
  AllocationResultSchema,
  DescribeResultSchema,
  ReleaseResultSchema,
  ResponseMetadataSchema,
  type AllocatedIp,
  type AllocationResult,
  type DescribeResult,
  type ReleaseResult,
  type ResponseMetadata,
} from "./spec/allocation-result.js";
export type { IpAllocator, IpAllocatorCapabilities } from "./spec/ip-allocator.js";
export type {
  OperationHooks,
  OperationOptions,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
  WaitOptions,
} from "./spec/operation-options.js";
export { validateAllocateRequest, validateResourceId } from "./spec/validate-allocate-request.js";

export { systemClock, type Clock } from "./clock.js";
export { INSPECT_CUSTOM, formatSafeSummary } from "./safe-inspection.js";
export { silentLogger, type Logger } from "./logger.js";

export { DEFAULT_RETRY_OPTIONS, type RetryOptions } from "./retry/retry-options.js";
export { RetryBudget, type RetryBudgetOptions } from "./retry/retry-budget.js";
export { computeBackoffDelay } from "./retry/compute-backoff-delay.js";
export { parseRetryAfter } from "./retry/parse-retry-after.js";
export { runWithRetry, type RetryOutcome, type RunWithRetryOptions } from "./retry/run-with-retry.js";
export { resolveRetryOptions } from "./retry/resolve-retry-options.js";
export { createOperationSignal, type OperationSignal } from "./retry/create-operation-signal.js";
export { RateLimiter, RateLimitSettingsSchema, type RateLimitSettings } from "./rate-limit/rate-limiter.js";
export { pollUntil, type PollUntilOptions } from "./poll/poll-until.js";

export { Operation, type AttemptContext, type CallOptions, type OperationEnvironment } from "./lifecycle/operation.js";
export { LifecycleEngine, type LifecycleEngineOptions } from "./lifecycle/lifecycle-engine.js";
export {
  DEFAULT_OPERATION_TIMEOUT_MS,
  MAX_TIMEOUT_MS,
  checkTimeoutMs,
  validateOperationOptions,
} from "./lifecycle/validate-operation-options.js";
export { convergeAllocation } from "./lifecycle/converge-allocation.js";
export type { ConvergedAllocation, KeyedAllocation, SentAllocation } from "./lifecycle/keyed-allocation.js";
export {
  createOutcomeUnknownError,
  readUntilSettled,
  type SettleSettings,
  type SettledRead,
} from "./lifecycle/read-until-settled.js";
export {
  DEFAULT_COMPENSATION_TIMEOUT_MS,
  attachAllocatedIds,
  releaseAllocated,
  type AllocatedIdsReport,
  type ReleaseOutcome,
} from "./lifecycle/release-allocated.js";
export {
  CommonAdapterSettingsSchema,
  CredentialStringSchema,
  ReconcileSettingsSchema,
  RetrySettingsSchema,
  TimeoutMsSchema,
  checkEndpointSecurity,
  checkResolvedCredentials,
  isLoopbackHostname,
  type CommonAdapterSettings,
  type ReconcileSettings,
  type RetrySettings,
} from "./lifecycle/adapter-settings.js";
export { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from "./lifecycle/has-control-characters.js";
export { allocateUntilReady, type AllocateUntilReadyOptions } from "./lifecycle/allocate-until-ready.js";

export { createHttpDispatcher, type HttpDispatcherOptions } from "./http/create-http-dispatcher.js";
export {
  sendHttpRequest,
  type HttpRequest,
  type HttpResponse,
  type SendHttpRequestOptions,
} from "./http/send-http-request.js";
export { mapNetworkError } from "./http/map-network-error.js";
export {
  parseJsonBody,
  readHttpResponse,
  type ErrorRule,
  type ProviderErrorAnswer,
  type ResponseContext,
  type ResponseDeclaration,
} from "./http/read-http-response.js";
export { STANDARD_RETRY_HINT_HEADERS, parseRetryHint, type RetryHintHeader } from "./http/parse-retry-hint.js";
export type { Dispatcher } from "undici";
export { REDACTED, createRedactor, redactHeaders, redactText, redactUrl, type Redactor } from "./http/redact.js";

export { createToken, registerValue, resolveToken, type Token } from "./di/create-token.js";
export { CLOCK, HTTP_DISPATCHER, LOGGER, RANDOM, RETRY_BUDGET } from "./di/tokens.js";
// Containers live in `@polycloud/core/di`; the decorators only record until it loads (see deferred-decorators.ts).
export { inject, injectable } from "./di/deferred-decorators.js";
export type { ProviderModule } from "./di/provider-module.js";
export type { DependencyContainer } from "tsyringe";

export {
  defineIpAllocatorPlugin,
  isIpAllocator,
  isIpAllocatorPlugin,
  type IpAllocatorPlugin,
  type PluginContext,
  type SettingsSchema,
} from "./config/ip-allocator-plugin.js";
export {
  BUILT_IN_PROVIDERS,
  loadIpAllocatorPlugin,
  type LoadPluginOptions,
  type PluginSource,
} from "./config/load-ip-allocator-plugin.js";
export { checkPluginPath, classifyPluginSpecifier, type PluginAllowRule } from "./config/check-plugin-specifier.js";
export {
  DEFAULT_CONFIG_FILE,
  PROVIDER_REQUIRED,
  PolycloudConfigSchema,
  loadConfig,
  type LoadConfigOptions,
  type LoadedConfig,
  type PolycloudConfig,
} from "./config/load-config.js";
export { CONFIG_FORMAT_KEYS } from "./config/select-provider-settings.js";
export {
  parseAllocateDefaults,
  resolveAllocateDefaults,
  type AllocateDefaults,
  type AllocateDefaultsInput,
} from "./config/parse-allocate-defaults.js";
export { MAX_CONFIG_FILE_BYTES, readConfigFile, type ReadConfigFileOptions } from "./config/read-config-file.js";
export { locateJsonSyntaxError, type JsonErrorPosition } from "./config/locate-json-syntax-error.js";
export { formatSuggestion, suggestClosestKey } from "./config/suggest-closest-key.js";
export { mapSchemaIssues } from "./config/map-schema-issues.js";
export {
  defineConfig,
  type PolycloudConfigFile,
  type PolycloudProviderRegistry,
  type ProviderAllocateDefaults,
  type ProviderAllocateDefaultsOf,
  type ProviderConfig,
  type ProviderSection,
  type ProviderSettings,
  type RegisteredProvider,
} from "./config/define-config.js";
export { createIpAllocator, type CreateIpAllocatorOptions } from "./config/create-ip-allocator.js";
