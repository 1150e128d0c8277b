import type { Dispatcher } from "undici";
import type { Clock } from "../clock.js";
import { createInvalidArgumentError, parseOrThrow } from "../errors/create-invalid-argument-error.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import type { Logger } from "../logger.js";
import type { IpAllocator } from "../spec/ip-allocator.js";
import { readConfigOrigin } from "./config-origin.js";
import type { ProviderSettings } from "./define-config.js";
import { isIpAllocator, type IpAllocatorPlugin } from "./ip-allocator-plugin.js";
import { PolycloudConfigSchema } from "./load-config.js";
import { loadIpAllocatorPlugin, type PluginSource } from "./load-ip-allocator-plugin.js";
import { mapSchemaIssues } from "./map-schema-issues.js";
import { CONFIG_FORMAT_KEYS } from "./select-provider-settings.js";

/** Options of {@link createIpAllocator}. @public */
export interface CreateIpAllocatorOptions {
  /** Directory relative plugin paths resolve from and packages are first looked up in. Default `process.cwd()`. */
  baseDirectory?: string;
  /** The application's directory: packages are looked up here too, and plugin files may live here. Default `process.cwd()`. */
  cwd?: string;
  /** Explicit plugins by provider name (useful when bundling, or to pin a module). */
  plugins?: Readonly<Record<string, PluginSource>>;
  /**
   * Load a plugin file outside `baseDirectory` and `cwd`. Default false: a path in a config file or in
   * `POLYCLOUD_PROVIDER` runs code, so it may only point into the project.
   */
  allowPluginOutside?: boolean;
  /** Shared dispatcher for all allocators (you close it); default: each allocator owns one. */
  dispatcher?: Dispatcher;
  logger?: Logger;
  clock?: Clock;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Builds an allocator from plain configuration: `{ provider: "alibaba-ecs", ...settings }` (what
 * `loadConfig` returns as `config`). Swapping providers is a configuration edit; the calling code does not
 * change. For the built-in providers the settings are type-checked (see {@link defineConfig}).
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming the bad key as written in the file
 *   (`providers.alibaba-ecs.credentials.accessKeyId: …`), or the provider that cannot be loaded.
 * @public
 */
export async function createIpAllocator<const Provider extends string>(
  config: { provider: Provider } & ProviderSettings<Provider>,
  options?: CreateIpAllocatorOptions,
): Promise<IpAllocator>;
/** Untyped configuration (parsed JSON): checked at run time only. @public */
export async function createIpAllocator(
  config: Readonly<Record<string, unknown>> & { provider?: undefined },
  options?: CreateIpAllocatorOptions,
): Promise<IpAllocator>;
export async function createIpAllocator(
  config: Readonly<Record<string, unknown>>,
  options: CreateIpAllocatorOptions = {},
): Promise<IpAllocator> {
  const { provider, ...settings } = parseOrThrow(PolycloudConfigSchema, config, { subject: "configuration" });
  const baseDirectory = options.baseDirectory ?? process.cwd();
  const plugin = await loadIpAllocatorPlugin(provider, {
    baseDirectory,
    cwd: options.cwd,
    plugins: options.plugins,
    allowPluginOutside: options.allowPluginOutside,
  });
  const parsed = plugin.settingsSchema.safeParse(settings);
  if (!parsed.success) throw explainSettingsIssues(plugin, parsed.error.issues, config);
  const allocator = await plugin.create(parsed.data, {
    dispatcher: options.dispatcher,
    logger: options.logger,
    clock: options.clock,
    env: options.env ?? process.env,
    baseDirectory,
  });
  if (!isIpAllocator(allocator)) {
    throw new IpAllocatorError({
      code: "INTERNAL",
      message: `Plugin "${plugin.name}" returned something that is not an IpAllocator.`,
      provider: plugin.name,
    });
  }
  return allocator;
}

/** Names every bad setting where the user wrote it: in the file (top level or `providers.<name>`) or in code. */
function explainSettingsIssues(
  plugin: IpAllocatorPlugin<unknown>,
  issues: Parameters<typeof mapSchemaIssues>[0],
  config: object,
): IpAllocatorError {
  const origin = readConfigOrigin(config);
  const mapped = mapSchemaIssues(issues, plugin.settingsSchema, origin === undefined ? [] : CONFIG_FORMAT_KEYS).map(
    (issue) => {
      const [head = "", ...rest] = issue.path.split(".");
      const written = origin?.settingPaths.get(head);
      return written === undefined ? issue : { ...issue, path: [written, ...rest].join(".") };
    },
  );
  const subject = `${plugin.name} settings${origin?.file === undefined ? "" : ` in ${origin.file}`}`;
  return createInvalidArgumentError(mapped, { provider: plugin.name, subject });
}
