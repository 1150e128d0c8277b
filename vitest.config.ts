import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "examples/*/vitest.config.ts"],
    reporters: ["default", "./scripts/summary-reporter.ts"],
    // Collected with --coverage (`pnpm test:coverage`, and `test:ci` on CI's first runtime); the other runs skip it.
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts", "apps/*/src/**/*.ts", "examples/*/src/**/*.ts"],
      exclude: [
        "**/*.test.ts",
        "**/__fixtures__/**",
        // The benchmarks measure the libraries; the test suite does not run them.
        "apps/bench/**",
      ],
      reporter: ["text-summary", "html", "json-summary"],
      reportsDirectory: "coverage",
      reportOnFailure: true,
      // About two points below what the suite reached on 2026-12-05 (statements 95.0, branches 89.0, functions 95.7,
      // lines 96.4, formatted tree): a drop fails the run. Raise them as coverage grows; never lower them to pass.
      thresholds: { statements: 93, branches: 87, functions: 94, lines: 94 },
    },
  },
});
