import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/scale/**", "test/install/**", "**/node_modules/**"],
    globalSetup: ["test/server/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
