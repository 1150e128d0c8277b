/** Minimal structured logger; polycloud only ever passes it redacted data. @public */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that drops everything (the default). @public */
export const silentLogger: Logger = { debug() {}, warn() {} };
