// One document through the standard validator, in a process of its own (corpus/run.ts gives it a
// time limit and a heap cap): prints {"valid":true} or {"valid":false,"error":"…"} as one line.
// @apidevtools/swagger-parser 12.1.0: the last version that runs on Node 20 (13 wants Node 22).
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
try {
  // validate() checks the schema of the document, then dereferences it and checks what the
  // schema cannot: duplicate parameters, path parameters that are not declared, and so on.
  await SwaggerParser.validate(file);
  process.stdout.write(JSON.stringify({ valid: true }) + "\n");
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(JSON.stringify({ valid: false, error: message.split("\n").slice(0, 3).join(" ").slice(0, 400) }) + "\n");
}
