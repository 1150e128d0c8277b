import type { CliStream } from "./cli-io.js";

/**
 * Wraps `process.stdout` / `process.stderr` so that a reader going away (`allocate-ip … | head -1`) ends the
 * output quietly: the EPIPE is swallowed instead of crashing the process with a stack trace, later writes are
 * dropped, and the command runs to its end and exits with its own code. A script reading the first line of a
 * successful `allocate` must not see exit 1 and allocate again.
 * @public
 */
export function ignoreClosedPipe(stream: NodeJS.WriteStream): CliStream {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    // Any write error means nobody reads this stream any more; the operation's outcome decides the exit code.
    closed = true;
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") stream.destroy();
  });
  return {
    get isTTY() {
      return stream.isTTY === true;
    },
    write(text: string) {
      if (closed || stream.destroyed || stream.writableEnded) return false;
      return stream.write(text);
    },
  };
}
