/**
 * `@polycloud/allocate-ip`: the polycloud sample app and the `allocate-ip` CLI. The sample
 * ({@link allocatePublicIp}) is the same code for every provider; only the configuration differs.
 * @packageDocumentation
 */
export { allocatePublicIp, openIpAllocator, type AllocatePublicIpOptions, type AllocationStep } from "./sample.js";
export { BUILT_IN_PLUGINS } from "./built-in-plugins.js";
export { loadAllocateIpConfig, type AllocateIpConfig, type ConfigSource } from "./config/load-allocate-ip-config.js";
export type { AllocationTarget } from "./config/allocation-target.js";
export { mergeTargets, toAllocateRequest } from "./to-allocate-request.js";
export { runCli, type RunCliOptions } from "./cli/run-cli.js";
export type { CliIo, CliStream } from "./cli/cli-io.js";
export { EXIT_CODE_TABLE, USAGE_EXIT_CODE, exitCodeFor, exitCodeForError, type ExitCodeRow } from "./cli/exit-codes.js";
export { toErrorJson } from "./cli/format-output.js";
export { runDemo, type DemoOutcome, type RunDemoOptions } from "./demo/run-demo.js";
export { formatDemoTable } from "./demo/format-demo-table.js";
