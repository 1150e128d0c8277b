import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createInvalidArgumentError } from "../errors/create-invalid-argument-error.js";
import type { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { checkPluginPath, classifyPluginSpecifier } from "./check-plugin-specifier.js";
import { isIpAllocatorPlugin, type IpAllocatorPlugin } from "./ip-allocator-plugin.js";
import { formatSuggestion } from "./suggest-closest-key.js";

/** Provider names polycloud maps to its own packages. @public */
export const BUILT_IN_PROVIDERS: Readonly<Record<string, string>> = {
  "alibaba-ecs": "@polycloud/alibaba-ecs",
  "zenlayer-eip": "@polycloud/zenlayer-eip",
  "aws-ec2": "@polycloud/aws-ec2",
};

/** A plugin given directly, or a loader returning the plugin's module (e.g. `() => import("…")`). @public */
// `any`: a plugin's settings type is only known to the plugin; createIpAllocator validates settings at run time.
// biome-ignore lint/suspicious/noExplicitAny: see above; `unknown` would reject every concrete plugin by variance
export type PluginSource = IpAllocatorPlugin<any> | (() => Promise<unknown>);

/** Where plugins are looked up, and which plugin files may run. @public */
export interface LoadPluginOptions {
  /** Directory that relative paths resolve from, and the first place packages are looked up (the config file's). */
  baseDirectory: string;
  /** The application's directory: packages are looked up here next, and plugin files may live here. Default `process.cwd()`. */
  cwd?: string;
  /** Explicit plugins by provider name; they win over module resolution. */
  plugins?: Readonly<Record<string, PluginSource>>;
  /** Load plugin files outside `baseDirectory` and `cwd` too. Default false. */
  allowPluginOutside?: boolean;
}

const VALID_PROVIDERS = `${Object.keys(BUILT_IN_PROVIDERS).join(", ")}, a package name or a plugin file path`;

/**
 * Resolves a provider name to its plugin: explicit `plugins` first, then built-in names
 * (`alibaba-ecs` → `@polycloud/alibaba-ecs`) and package names, looked up from the config file's
 * directory, then the working directory (the application), then this package's own location; then plugin
 * files, which must lie inside one of those two directories. URLs other than `file:` are refused before
 * anything is imported. The module's default export must be an `IpAllocatorPlugin`.
 * @public
 */
export async function loadIpAllocatorPlugin(
  provider: string,
  options: LoadPluginOptions,
): Promise<IpAllocatorPlugin<unknown>> {
  const explicit = options.plugins?.[provider];
  const loaded =
    explicit === undefined
      ? await importProviderModule(provider, options)
      : typeof explicit === "function"
        ? await explicit()
        : explicit;
  const plugin = pickPlugin(loaded);
  if (plugin === undefined) {
    throw createInvalidArgumentError(
      [
        {
          path: "provider",
          message: `module "${provider}" does not default-export an IpAllocatorPlugin (name, settingsSchema, create)`,
        },
      ],
      { subject: "configuration" },
    );
  }
  return plugin as IpAllocatorPlugin<unknown>;
}

function pickPlugin(loaded: unknown): IpAllocatorPlugin | undefined {
  // The default export first: some loaders' module namespaces forward missing keys to it.
  const module = loaded as { default?: unknown; plugin?: unknown } | undefined;
  if (isIpAllocatorPlugin(module?.default)) return module.default;
  if (isIpAllocatorPlugin(module?.plugin)) return module.plugin;
  return isIpAllocatorPlugin(loaded) ? loaded : undefined;
}

async function importProviderModule(provider: string, options: LoadPluginOptions): Promise<unknown> {
  const cwd = options.cwd ?? process.cwd();
  const builtIn = BUILT_IN_PROVIDERS[provider];
  const specifier =
    builtIn === undefined
      ? classifyPluginSpecifier(provider, options.baseDirectory)
      : { kind: "package" as const, name: builtIn };
  if (specifier.kind === "file") {
    checkPluginPath(specifier.path, {
      baseDirectory: options.baseDirectory,
      cwd,
      allowPluginOutside: options.allowPluginOutside,
    });
    if (!existsSync(specifier.path))
      throw refuse(`plugin file ${specifier.path} does not exist (valid providers: ${VALID_PROVIDERS})`);
    return importOrExplain(
      pathToFileURL(specifier.path).href,
      (reason) => `plugin file ${specifier.path} failed to load: ${describe(reason)}`,
    );
  }
  const resolved = resolvePackage(specifier.name, [options.baseDirectory, cwd]);
  if (resolved !== undefined)
    return importOrExplain(resolved, (reason) => `package "${specifier.name}" failed to load: ${describe(reason)}`);
  return importOrExplain(specifier.name, (reason) => {
    if (!isNotFound(reason)) return `package "${specifier.name}" failed to load: ${describe(reason)}`;
    if (builtIn !== undefined)
      return `"${provider}" needs the package ${builtIn}, which is not installed next to the config file or the application (npm install ${builtIn})`;
    return `unknown provider "${provider}"${formatSuggestion(provider, Object.keys(BUILT_IN_PROVIDERS))}: no such package is installed next to the config file or the application (valid: ${VALID_PROVIDERS})`;
  });
}

/**
 * Looks a package up from each directory in turn (the user's project, then the application): under strict
 * installs (pnpm) core cannot see its sibling adapters, but the project that configured them can.
 * Undefined when none has it; the caller then imports it from core's own location (a workspace).
 */
function resolvePackage(name: string, directories: readonly string[]): string | undefined {
  for (const directory of directories) {
    try {
      return pathToFileURL(createRequire(join(directory, "noop.js")).resolve(name)).href;
    } catch {
      // Not installed there (or ESM-only exports require() cannot see): try the next place.
    }
  }
  return undefined;
}

async function importOrExplain(url: string, explain: (reason: unknown) => string): Promise<unknown> {
  try {
    return await import(url);
  } catch (thrown) {
    // The engine's message names core's own install folder (an internal path); ours names what the user wrote.
    throw refuse(explain(thrown));
  }
}

function refuse(message: string): IpAllocatorError {
  return createInvalidArgumentError([{ path: "provider", message }], { subject: "configuration" });
}

function isNotFound(reason: unknown): boolean {
  const code = (reason as { code?: unknown } | undefined)?.code;
  return (
    code === "ERR_MODULE_NOT_FOUND" ||
    code === "MODULE_NOT_FOUND" ||
    code === "ERR_PACKAGE_PATH_NOT_EXPORTED" ||
    /Cannot find (module|package)|Failed to load url/i.test(String((reason as Error | undefined)?.message))
  );
}

function describe(reason: unknown): string {
  return reason instanceof Error ? `${reason.name}: ${reason.message.split("\n")[0]}` : String(reason);
}
