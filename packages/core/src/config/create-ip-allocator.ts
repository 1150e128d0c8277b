import type { Dispatcher } from "undici";
import type { Clock } from "../clock.js";
import { createInvalidArgumentError, parseOrThrow } from "../errors/create-invalid-argument-error.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import type { Logger } from "../logger.js";
import type { IpAllocator } from "../spec/ip-allocator.js";
import { isIpAllocator } from "./ip-allocator-plugin.js";
import { PolycloudConfigSchema } from "./load-config.js";
import { loadIpAllocatorPlugin, type PluginSource } from "./load-ip-allocator-plugin.js";

/** Options of {@link createIpAllocator}. @public */
export interface CreateIpAllocatorOptions {
  /** Directory relative plugin paths and package names resolve from. Default `process.cwd()`. */
  baseDirectory?: string;
  /** Explicit plugins by provider name (useful when bundling, or to pin a module). */
  plugins?: Readonly<Record<string, PluginSource>>;
  /** Shared dispatcher for all allocators (you close it); default: each allocator owns one. */
  dispatcher?: Dispatcher;
  logger?: Logger;
  clock?: Clock;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Builds an allocator from plain configuration: `{ provider: "alibaba-ecs", ...settings }`. Swapping
 * providers is a configuration edit; the calling code does not change.
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming the bad field when the configuration or the provider's
 *   settings are invalid, or the plugin cannot be loaded.
 * @public
 */
export async function createIpAllocator(config: Readonly<Record<string, unknown>>, options: CreateIpAllocatorOptions = {}): Promise<IpAllocator> {
  const { provider, ...settings } = parseOrThrow(PolycloudConfigSchema, config, { subject: "configuration" });
  const baseDirectory = options.baseDirectory ?? process.cwd();
  const plugin = await loadIpAllocatorPlugin(provider, { baseDirectory, plugins: options.plugins });
  const parsed = plugin.settingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
    throw createInvalidArgumentError(issues, { provider: plugin.name, subject: `${plugin.name} settings` });
  }
  const allocator = await plugin.create(parsed.data, {
    dispatcher: options.dispatcher,
    logger: options.logger,
    clock: options.clock,
    env: options.env ?? process.env,
    baseDirectory,
  });
  if (!isIpAllocator(allocator)) {
    throw new IpAllocatorError({ code: "INTERNAL", message: `Plugin "${plugin.name}" returned something that is not an IpAllocator.`, provider: plugin.name });
  }
  return allocator;
}
