import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createInvalidArgumentError } from "../errors/create-invalid-argument-error.js";
import { isIpAllocatorPlugin, type IpAllocatorPlugin } from "./ip-allocator-plugin.js";

/** Provider names polycloud maps to its own packages. @public */
export const BUILT_IN_PROVIDERS: Readonly<Record<string, string>> = {
  "alibaba-ecs": "@polycloud/alibaba-ecs",
  "zenlayer-eip": "@polycloud/zenlayer-eip",
  "aws-ec2": "@polycloud/aws-ec2",
};

/** A plugin given directly, or a loader returning the plugin's module (e.g. `() => import("…")`). @public */
// `any`: a plugin's settings type is only known to the plugin; createIpAllocator validates settings at run time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PluginSource = IpAllocatorPlugin<any> | (() => Promise<unknown>);

/** Where plugins are looked up. @public */
export interface LoadPluginOptions {
  /** Directory that relative paths and bare package names resolve from. */
  baseDirectory: string;
  /** Explicit plugins by provider name; they win over module resolution. */
  plugins?: Readonly<Record<string, PluginSource>>;
}

/**
 * Resolves a provider name to its plugin: explicit `plugins` first, then built-in names
 * (`alibaba-ecs` → `@polycloud/alibaba-ecs`), then the value as a module specifier (a package name or a
 * file path relative to `baseDirectory`). The module's default export must be an `IpAllocatorPlugin`.
 * @public
 */
export async function loadIpAllocatorPlugin(provider: string, options: LoadPluginOptions): Promise<IpAllocatorPlugin<unknown>> {
  const explicit = options.plugins?.[provider];
  const loaded = explicit === undefined ? await importProviderModule(provider, options.baseDirectory) : typeof explicit === "function" ? await explicit() : explicit;
  const plugin = pickPlugin(loaded);
  if (plugin === undefined) {
    throw createInvalidArgumentError([{ path: "provider", message: `module "${provider}" does not default-export an IpAllocatorPlugin (name, settingsSchema, create)` }], { subject: "configuration" });
  }
  return plugin as IpAllocatorPlugin<unknown>;
}

function pickPlugin(loaded: unknown): IpAllocatorPlugin | undefined {
  if (isIpAllocatorPlugin(loaded)) return loaded;
  const module = loaded as { default?: unknown; plugin?: unknown } | undefined;
  if (isIpAllocatorPlugin(module?.default)) return module.default;
  if (isIpAllocatorPlugin(module?.plugin)) return module.plugin;
  return undefined;
}

async function importProviderModule(provider: string, baseDirectory: string): Promise<unknown> {
  const specifier = BUILT_IN_PROVIDERS[provider] ?? provider;
  const isPath = specifier.startsWith(".") || isAbsolute(specifier) || specifier.startsWith("file:");
  try {
    if (isPath) {
      const url = specifier.startsWith("file:") ? specifier : pathToFileURL(resolve(baseDirectory, specifier)).href;
      return await import(url);
    }
    return await importPackage(specifier, baseDirectory);
  } catch (thrown) {
    const hint = BUILT_IN_PROVIDERS[provider] ? ` (install ${specifier})` : "";
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw createInvalidArgumentError([{ path: "provider", message: `cannot load provider plugin "${specifier}"${hint}: ${reason}` }], {
      subject: "configuration",
      cause: thrown,
    });
  }
}

async function importPackage(specifier: string, baseDirectory: string): Promise<unknown> {
  let resolved: string | undefined;
  try {
    // Resolve from the user's project, not from this package: under strict installs (pnpm) core cannot
    // see its sibling adapters, but the project that configured them can.
    resolved = createRequire(join(baseDirectory, "noop.js")).resolve(specifier);
  } catch {
    resolved = undefined;
  }
  return resolved === undefined ? await import(specifier) : await import(pathToFileURL(resolved).href);
}
