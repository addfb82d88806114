// Prettier for the project's own code (`npm run format`, checked by `npm run lint`).
/** @type {import("prettier").Config} */
export default {
  // Chosen to change the fewest lines of the existing code: 120 would rewrite ~4,200 lines, 140 ~2,900.
  printWidth: 140,
  overrides: [
    {
      // The runtime and the helpers are copied into the generated package, laid out with
      // PRETTIER_OPTIONS of generator/emit/layout/style.ts; test/tooling checks they agree.
      files: ["generator/runtime/**", "generator/helpers/**"],
      options: { printWidth: 120, trailingComma: "all", endOfLine: "lf" },
    },
  ],
};
