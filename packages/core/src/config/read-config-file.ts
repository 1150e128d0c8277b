import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createInvalidArgumentError } from "../errors/create-invalid-argument-error.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { locateJsonSyntaxError } from "./locate-json-syntax-error.js";

/** Largest configuration file read (1 MiB); a bigger one is refused before it is read. @public */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** How {@link readConfigFile} reads. @public */
export interface ReadConfigFileOptions {
  /** When false, a missing file is `undefined` rather than an error. */
  required: boolean;
  /** Stops reading (CANCELLED, or TIMEOUT for a timeout signal). */
  signal?: AbortSignal;
}

/**
 * Reads a JSON configuration object safely: only regular files (a FIFO or `/dev/zero` would block or never
 * end), at most {@link MAX_CONFIG_FILE_BYTES}, and a syntax error reported by line and column only (the
 * text around it may be a credential, so it is never quoted).
 * @throws {IpAllocatorError} INVALID_ARGUMENT with the issue path `config`.
 * @public
 */
export async function readConfigFile(
  path: string,
  options: ReadConfigFileOptions,
): Promise<Record<string, unknown> | undefined> {
  throwIfAborted(options.signal);
  const stats = await stat(path).catch((thrown: NodeJS.ErrnoException) => {
    if (thrown.code === "ENOENT" && !options.required) return undefined;
    throw refuse(`cannot read ${path} (${thrown.code ?? "unreadable"})`, thrown);
  });
  if (stats === undefined) return undefined;
  checkSize(path, stats);
  const text = await readBounded(path, options.signal);
  return parseConfigText(path, text);
}

function checkSize(path: string, stats: { isFile(): boolean; size: number }): void {
  if (!stats.isFile()) throw refuse(`${path} is not a regular file (a directory, FIFO or device is never read)`);
  if (stats.size > MAX_CONFIG_FILE_BYTES)
    throw refuse(`${path} is larger than ${MAX_CONFIG_FILE_BYTES} bytes; a configuration file is a few hundred`);
}

async function readBounded(path: string, signal: AbortSignal | undefined): Promise<string> {
  // O_NONBLOCK: if the path was swapped for a FIFO after stat, open returns at once instead of waiting for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((thrown: NodeJS.ErrnoException) => {
    throw refuse(`cannot read ${path} (${thrown.code ?? "unreadable"})`, thrown);
  });
  try {
    checkSize(path, await handle.stat());
    const buffer = Buffer.alloc(MAX_CONFIG_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      throwIfAborted(signal);
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      // The file grew after stat: refuse rather than read on.
      if (length > MAX_CONFIG_FILE_BYTES)
        throw refuse(`${path} is larger than ${MAX_CONFIG_FILE_BYTES} bytes; a configuration file is a few hundred`);
    }
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buffer.subarray(0, length));
    } catch (thrown) {
      throw refuse(`${path} is not UTF-8 text`, thrown);
    }
  } finally {
    await handle.close();
  }
}

function parseConfigText(path: string, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The engine's message (and so the cause) can quote the text next to the error: neither is kept.
    const position = safelyLocate(text);
    const where = position === undefined ? "" : ` at line ${position.line}, column ${position.column}`;
    throw refuse(`${path} is not valid JSON${where} (the text is not shown: it may hold a credential)`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw refuse(`${path} must contain a JSON object ({ "provider": … })`);
  return parsed as Record<string, unknown>;
}

function safelyLocate(text: string): { line: number; column: number } | undefined {
  try {
    return locateJsonSyntaxError(text);
  } catch {
    return undefined;
  }
}

function refuse(message: string, cause?: unknown): IpAllocatorError {
  return createInvalidArgumentError([{ path: "config", message }], { subject: "configuration", cause });
}

/** Turns an aborted signal into polycloud's error: TIMEOUT for a timeout, CANCELLED otherwise. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal === undefined || !signal.aborted) return;
  const reason: unknown = signal.reason;
  if (IpAllocatorError.isInstance(reason)) throw reason;
  const isTimeout = reason instanceof Error && reason.name === "TimeoutError";
  throw new IpAllocatorError({
    code: isTimeout ? "TIMEOUT" : "CANCELLED",
    message: isTimeout
      ? "Loading the configuration did not finish before the deadline."
      : "Loading the configuration was cancelled.",
    cause: reason,
  });
}
