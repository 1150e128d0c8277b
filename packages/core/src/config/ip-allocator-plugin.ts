import type { Dispatcher } from "undici";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { IpAllocator } from "../spec/ip-allocator.js";

/**
 * The smallest schema shape polycloud needs (zod schemas satisfy it), so a plugin file can validate its
 * settings without depending on a particular zod copy.
 * @public
 */
export interface SettingsSchema<Settings> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Settings }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** Shared infrastructure handed to a plugin's factory. Every field is optional for the plugin to use. @public */
export interface PluginContext {
  /** A dispatcher to share instead of creating one (the allocator then does not close it). */
  dispatcher?: Dispatcher;
  logger?: Logger;
  clock?: Clock;
  /** Environment to read credentials from (defaults to `process.env`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths in settings are resolved against (the config file's directory). */
  baseDirectory: string;
}

/**
 * What a provider package default-exports so `createIpAllocator({ provider, ...settings })` can build it.
 * @public
 */
export interface IpAllocatorPlugin<Settings = unknown> {
  /** Provider name, e.g. `alibaba-ecs`. */
  readonly name: string;
  /** Validates the settings part of the configuration (everything but `provider`). */
  readonly settingsSchema: SettingsSchema<Settings>;
  create(settings: Settings, context: PluginContext): IpAllocator | Promise<IpAllocator>;
}

/** Identity helper that type-checks a plugin definition. @public */
export function defineIpAllocatorPlugin<Settings>(plugin: IpAllocatorPlugin<Settings>): IpAllocatorPlugin<Settings> {
  return plugin;
}

/** Structural check of a loaded module's export. @public */
export function isIpAllocatorPlugin(value: unknown): value is IpAllocatorPlugin {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<IpAllocatorPlugin>;
  return (
    typeof candidate.name === "string" &&
    typeof candidate.create === "function" &&
    typeof candidate.settingsSchema?.safeParse === "function"
  );
}

/** Structural check of what a plugin's factory returned. @public */
export function isIpAllocator(value: unknown): value is IpAllocator {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    ["allocate", "describe", "release", "waitUntilReady", "close"].every(
      (method) => typeof candidate[method] === "function",
    ) && typeof candidate.provider === "string"
  );
}
