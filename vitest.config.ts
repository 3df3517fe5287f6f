import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/fast-check.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests start servers, worker pools and databases; on a
    // 2-core machine running files one at a time keeps timings honest.
    fileParallelism: false,
    pool: "forks",
  },
});
