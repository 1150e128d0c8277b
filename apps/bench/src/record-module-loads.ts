// Preloaded with `node --import` into one cold-start child to list every module the scenario loads: ES modules
// through a `load` hook (registered from the main thread, run on the hooks thread), CommonJS modules from
// `require.cache` at exit (CommonJS `require` does not go through ESM hooks on Node 20). Each URL or path is
// appended to the file named by POLYCLOUD_BENCH_MODULE_LOG.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { isMainThread } from "node:worker_threads";

const logPath = process.env.POLYCLOUD_BENCH_MODULE_LOG;

/** ESM loader hook: records the URL, then loads as usual. */
export async function load(
  url: string,
  context: unknown,
  nextLoad: (url: string, context: unknown) => Promise<unknown>,
): Promise<unknown> {
  if (logPath !== undefined && url.startsWith("file:")) appendFileSync(logPath, `esm ${url}\n`);
  return nextLoad(url, context);
}

if (isMainThread && logPath !== undefined) {
  register(import.meta.url);
  const cache = createRequire(import.meta.url).cache;
  process.on("exit", () =>
    appendFileSync(
      logPath,
      Object.keys(cache)
        .map((path) => `cjs ${path}\n`)
        .join(""),
    ),
  );
}
