// dist/ files that need no compiler: the CommonJS folder's package.json, and src/types.ts's.
import type { EmittedFile } from "./file.js";
import { HEADER_TEXT, TS_HEADER } from "./file.js";

/** dist/cjs/package.json: makes Node and TypeScript read that folder's .js and .d.ts as CommonJS. */
export const CJS_PACKAGE: EmittedFile = {
  path: "dist/cjs/package.json",
  contents: `{ "//": ${JSON.stringify(HEADER_TEXT)}, "type": "commonjs" }\n`,
};

/** dist/ for src/types.ts, which holds only types: it is its own declaration file, and its JavaScript is empty. */
export function typesDist(file: EmittedFile): EmittedFile[] {
  const name = file.path.slice("src/".length, -".ts".length);
  return [
    { path: `dist/${name}.d.ts`, contents: file.contents },
    { path: `dist/${name}.js`, contents: `${TS_HEADER}export {};\n` },
    { path: `dist/cjs/${name}.d.ts`, contents: file.contents },
    {
      path: `dist/cjs/${name}.js`,
      contents: `${TS_HEADER}"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n`,
    },
  ];
}
