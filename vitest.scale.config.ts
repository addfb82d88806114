import { defineConfig } from "vitest/config";

// The slow tests: the full GitHub description, generated and type-checked twice.
export default defineConfig({
  test: { include: ["test/scale/**/*.test.ts"], testTimeout: 300_000, fileParallelism: false },
});
