// ESLint for the project's own code (`npm run lint`; `npm run format` applies the fixes it can).
// Formatting is prettier's job (.prettierrc.mjs); these rules are about correctness.
import { join } from "node:path";
import js from "@eslint/js";
import { defineConfig, includeIgnoreFile } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  // What tools write, and the fixtures and spec files that tests need as they are: one list for both tools.
  includeIgnoreFile(join(import.meta.dirname, ".prettierignore"), "files that are not hand-written code"),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      // Type information from the nearest tsconfig.json (the root one, or bench/'s).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A promise nobody awaits loses its rejection: the failure mode of code that retries, times out and writes files.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/return-await": ["error", "in-try-catch"],
      // Throwing or rejecting with a non-Error loses the stack and the status (hey-api #3632).
      "@typescript-eslint/only-throw-error": "error",
      "@typescript-eslint/prefer-promise-reject-errors": "error",
      // An object in a template or a string concatenation prints "[object Object]".
      "@typescript-eslint/no-base-to-string": "error",
      "@typescript-eslint/restrict-template-expressions": "error",
      // A new kind in a union (a media type, a pagination style) must reach every switch over it.
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // Plain JavaScript (bin.mjs, fixtures for the consumer test): no tsconfig covers it.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // CommonJS files exist to test the package's CommonJS twin: require() is their point.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
