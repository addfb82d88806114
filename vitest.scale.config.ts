import { defineConfig } from "vitest/config";

// The slow tests: the full GitHub description, generated and type-checked twice; the generator
// packed, installed into a scratch project and run there (about a minute).
export default defineConfig({
  test: { include: ["test/scale/**/*.test.ts", "test/install/**/*.test.ts"], testTimeout: 300_000, fileParallelism: false },
});
