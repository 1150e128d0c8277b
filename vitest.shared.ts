import { defaultServerConditions } from "vite";
import { defineProject, type UserWorkspaceConfig } from "vitest/config";

/**
 * Workspace packages resolve to their TypeScript sources in tests, so no build is needed to run them. The
 * "module" condition is left out: the AWS SDK's (@smithy) builds behind it use extension-less imports that
 * Node's ESM loader refuses, and Node itself never applies it, so tests load what Node loads in production.
 */
const conditions = ["@polycloud/source", ...defaultServerConditions.filter((condition) => condition !== "module")];

/** Shared per-package vitest project settings. */
export function defineProjectConfig(name: string, overrides: UserWorkspaceConfig["test"] = {}) {
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      setupFiles: [new URL("./scripts/vitest-setup.ts", import.meta.url).pathname],
      testTimeout: 20_000,
      hookTimeout: 20_000,
      ...overrides,
    },
  });
}
