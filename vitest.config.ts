import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Integration tests share one PostgreSQL server and one Redis; each test file makes its
    // own database and queue prefix, so files may run in parallel, two at a time on 2 cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["test/setup/fail-on-console-error.ts"],
    globalSetup: ["test/setup/global.ts"],
  },
});
