import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** A fixed-response loopback server running in a child process. */
export interface FixedResponseServer {
  /** `http://127.0.0.1:PORT`. */
  endpoint: string;
  /** Process id of the server, for CPU accounting. */
  pid: number;
  /** Stops the child and waits for it to exit. */
  close(): Promise<void>;
}

const SERVER_ENTRY = fileURLToPath(new URL("./fixed-response-server.js", import.meta.url));

/**
 * Starts `fixed-response-server.js` in a separate Node process and resolves once it prints its endpoint.
 * @throws Error when the child exits before listening.
 */
export async function startFixedResponseServer(): Promise<FixedResponseServer> {
  const child = spawn(process.execPath, [SERVER_ENTRY], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`the fixed-response server exited with code ${String(code)} before listening`);
  });
  const listening = once(lines, "line").then(([line]) => (JSON.parse(line as string) as { endpoint: string }).endpoint);
  const endpoint = await Promise.race([listening, exited]);
  exited.catch(() => undefined);
  return {
    endpoint,
    pid: child.pid ?? 0,
    async close() {
      if (child.exitCode !== null) return;
      const exit = once(child, "exit");
      child.kill("SIGTERM");
      await exit;
    },
  };
}
