// src/types.ts: every schema, parameter and response of the spec as TypeScript types, by
// openapi-typescript. Operation modules index into `paths` rather than repeating these types.
import openapiTS, { astToString } from "openapi-typescript";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";

export async function emitTypes(document: Record<string, unknown>): Promise<EmittedFile> {
  // openapi-typescript may rewrite the object it is given; it gets a structural copy.
  const nodes = await openapiTS(structuredClone(document) as never, {
    silent: true,
    defaultNonNullable: false,
    alphabetize: true,
  });
  return { path: "src/types.ts", contents: TS_HEADER + astToString(nodes) };
}
