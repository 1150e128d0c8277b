import type { CliIo, CliStream } from "./cli-io.js";
import { escapeControlCharacters } from "./escape-control-characters.js";

/** A one-line progress indicator on stderr. Every method is a no-op when progress is off. */
export interface Progress {
  /** Shows (or replaces) the message, with a spinner and the seconds elapsed since it was first shown. */
  show(message: string): void;
  /** Erases the line and stops the timer. Safe to call twice. */
  stop(): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const FRAME_INTERVAL_MS = 100;

/**
 * Progress only where a person is watching: on a terminal, without `--json` or `--verbose` (whose log
 * lines would tear the spinner line), and not when `NO_COLOR` or `CI` is set.
 */
export function isProgressWanted(io: CliIo, options: { json?: boolean; verbose?: boolean }): boolean {
  return io.stderr.isTTY === true && !options.json && !options.verbose && !io.env.NO_COLOR && !io.env.CI;
}

/** Creates the spinner; it redraws with `\r` so it never scrolls the terminal. */
export function createProgress(stream: CliStream, enabled: boolean): Progress {
  if (!enabled) return { show() {}, stop() {} };
  let message = "";
  let frame = 0;
  let width = 0;
  let startedAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const render = () => {
    const seconds = Math.floor((Date.now() - startedAt) / 1000);
    const line = `${FRAMES[frame++ % FRAMES.length]} ${message}${seconds > 0 ? ` ${seconds}s` : ""}`;
    stream.write(`\r${line.padEnd(width)}`);
    width = line.length;
  };
  return {
    show(next) {
      // Ids from the provider appear here too.
      message = escapeControlCharacters(next);
      if (timer === undefined) {
        startedAt = Date.now();
        // unref: a forgotten spinner must never keep the process alive.
        timer = setInterval(render, FRAME_INTERVAL_MS).unref();
      }
      render();
    },
    stop() {
      if (timer === undefined) return;
      clearInterval(timer);
      timer = undefined;
      stream.write(`\r${" ".repeat(width)}\r`);
      width = 0;
    },
  };
}
