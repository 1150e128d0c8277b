/** Where the CLI writes: `process.stdout` / `process.stderr`, or a capturing stand-in in tests. @public */
export interface CliStream {
  write(text: string): unknown;
  /** True on a terminal; the spinner only runs then. */
  isTTY?: boolean;
}

/** The CLI's whole connection to its process, so it can run in-process (tests) or as the bin. @public */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Aborts the running command (the bin wires SIGINT / SIGTERM to it). */
  signal: AbortSignal | undefined;
}
