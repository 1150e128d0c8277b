import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createInvalidArgumentError } from "../errors/create-invalid-argument-error.js";
import type { IpAllocatorError } from "../errors/ip-allocator-error.js";

/** What a `provider` value names once classified. */
export type PluginSpecifier = { kind: "package"; name: string } | { kind: "file"; path: string };

/** Where plugin files may live. @public */
export interface PluginAllowRule {
  /** The config file's directory (or the directory relative paths resolve from). */
  baseDirectory: string;
  /** The application's working directory. */
  cwd: string;
  /** Also load plugin files outside both directories (e.g. a shared plugins folder). Default false. */
  allowPluginOutside?: boolean;
}

const URL_SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;

/**
 * Classifies a provider value before anything is imported: a package name, or a plugin file (a relative
 * or absolute path, or a `file:` URL). Any other URL (`data:`, `http:`, `https:`, `node:`…) is refused: a
 * provider value is code to run, and only files on disk and installed packages are accepted.
 * @throws {IpAllocatorError} INVALID_ARGUMENT (issue path `provider`).
 * @public
 */
export function classifyPluginSpecifier(provider: string, baseDirectory: string): PluginSpecifier {
  const scheme = WINDOWS_DRIVE.test(provider) ? undefined : URL_SCHEME.exec(provider)?.[1]?.toLowerCase();
  if (scheme === "file") {
    try {
      return { kind: "file", path: fileURLToPath(provider) };
    } catch {
      throw refuse(`"${provider}" is not a valid file: URL`);
    }
  }
  if (scheme !== undefined) {
    throw refuse(
      `a "${scheme}:" URL is refused: a provider value is code that runs, so only a built-in name, an installed package or a plugin file on disk is loaded`,
    );
  }
  const isPath =
    provider.startsWith(".") ||
    provider.startsWith("/") ||
    provider.startsWith("\\") ||
    isAbsolute(provider) ||
    WINDOWS_DRIVE.test(provider);
  return isPath ? { kind: "file", path: resolve(baseDirectory, provider) } : { kind: "package", name: provider };
}

/**
 * Refuses a plugin file outside the config file's directory and the working directory (after following
 * symbolic links), unless `allowPluginOutside` is set: a path in a config file or in `POLYCLOUD_PROVIDER`
 * must not reach code anywhere on the machine.
 * @throws {IpAllocatorError} INVALID_ARGUMENT (issue path `provider`).
 * @public
 */
export function checkPluginPath(path: string, rule: PluginAllowRule): void {
  if (rule.allowPluginOutside) return;
  const real = toRealPath(path);
  const roots = [rule.baseDirectory, rule.cwd].map((root) => toRealPath(resolve(root)));
  if (roots.some((root) => isInside(real, root))) return;
  throw refuse(
    `plugin file ${path} is outside the config file's directory and the working directory; move it there or pass allowPluginOutside: true`,
  );
}

function isInside(path: string, root: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === "" || (fromRoot !== ".." && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot));
}

function toRealPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function refuse(message: string): IpAllocatorError {
  return createInvalidArgumentError([{ path: "provider", message }], { subject: "configuration" });
}
