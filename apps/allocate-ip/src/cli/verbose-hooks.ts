import type { OperationHooks } from "@polycloud/core";

/**
 * `--verbose`: one line per request, response and retry, curl-style (`>` out, `<` in), on stderr. The
 * events arrive already redacted by the adapter; `redact` masks the known credential values once more.
 */
export function createVerboseHooks(
  writeLine: (line: string) => void,
  redact: (text: string) => string,
): OperationHooks {
  const write = (line: string) => writeLine(redact(line));
  return {
    onRequest(event) {
      write(`> ${event.provider} ${event.operation} attempt ${event.attempt}: ${event.method} ${event.url}`);
      for (const [name, value] of Object.entries(event.headers)) write(`> ${name}: ${value}`);
      if (event.body !== undefined) write(`> ${event.body}`);
    },
    onResponse(event) {
      const requestId = event.requestId ? ` request id ${event.requestId}` : "";
      write(
        `< ${event.provider} ${event.operation} attempt ${event.attempt}: HTTP ${event.status} in ${Math.round(event.durationMs)} ms${requestId}`,
      );
    },
    onRetry(event) {
      write(
        `! ${event.provider} ${event.operation} attempt ${event.attempt} failed with ${event.error.code} (${event.error.message}); retrying in ${Math.round(event.delayMs)} ms`,
      );
    },
  };
}
