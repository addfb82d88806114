// src/helpers/*: hand-written helpers over a particular API's operations (generator/helpers/github/),
// emitted only when the spec has every operation a helper calls. A helper's source imports the
// committed generated/ package, so that it is type-checked and tested against real operations;
// here those imports are rewritten to the package being generated: the runtime's to ../runtime/,
// each operation's to the module that holds it, under the name the model gave it.
import { readFileSync } from "node:fs";
import type { ApiModel } from "../model/types.js";
import { HELPERS_DIR } from "../paths.js";
import type { EmittedFile } from "./file.js";
import { TS_HEADER } from "./file.js";
import { PRINT_WIDTH } from "./layout/style.js";

interface Helper {
  /** File under generator/helpers/, and under src/helpers/ in the package. */
  readonly file: string;
  /** The operations it calls: operationId → the name its source imports. */
  readonly operations: Readonly<Record<string, string>>;
}

export const HELPERS: readonly Helper[] = [
  {
    file: "github/wait-for-run.ts",
    operations: {
      "actions/get-workflow-run": "getWorkflowRun",
      "actions/list-concurrency-groups-for-workflow-run": "listConcurrencyGroupsForWorkflowRun",
      "actions/get-concurrency-group-for-repository": "getConcurrencyGroupForRepository",
    },
  },
];

const GENERATED = "../../../generated/src/";
const OPERATION_IMPORT = /^import \{[^}]*\} from "\.\.\/\.\.\/\.\.\/generated\/src\/operations\/[\w-]+\.js";\n/gm;

/** The helpers whose operations the model has, as src/helpers/<name>.ts. */
export function emitHelpers(model: ApiModel): EmittedFile[] {
  const byId = new Map(model.operations.map((op) => [op.id, op]));
  const out: EmittedFile[] = [];
  for (const helper of HELPERS) {
    const ops = Object.entries(helper.operations).map(([id, local]) => ({ op: byId.get(id), local }));
    if (ops.some(({ op }) => !op)) continue;
    const modules = new Map<string, string[]>();
    for (const { op, local } of ops) {
      const names = modules.get(op!.group) ?? [];
      names.push(op!.name === local ? local : `${op!.name} as ${local}`);
      modules.set(op!.group, names);
    }
    const imports = [...modules]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([group, names]) => importLine(names.sort(), `../operations/${group}.js`))
      .join("");
    const source = readFileSync(HELPERS_DIR + helper.file, "utf8");
    if (!source.match(OPERATION_IMPORT) || !source.includes(`"${GENERATED}runtime/`)) {
      throw new Error(`internal error: ${HELPERS_DIR}${helper.file} does not import the operations and runtime as emit/helpers.ts expects`);
    }
    let placed = false;
    const contents = source
      // The first operations import becomes all of them; the others go.
      .replace(OPERATION_IMPORT, () => (placed ? "" : ((placed = true), imports)))
      .split(`"${GENERATED}runtime/`)
      .join(`"../runtime/`);
    if (contents.includes(GENERATED)) {
      throw new Error(`internal error: ${HELPERS_DIR}${helper.file} imports generated/ in a way emit/helpers.ts does not rewrite`);
    }
    // The source is in prettier's layout (lint checks it), and so are the imports written here, so
    // prettier is not loaded: it would cost every generate about 0.5 s of CPU.
    const path = `src/helpers/${helper.file.slice(helper.file.lastIndexOf("/") + 1)}`;
    out.push({ path, contents: TS_HEADER + contents, formatted: true });
  }
  return out;
}

/** A named import as prettier lays it out: on one line when it fits, else one name per line. */
function importLine(names: readonly string[], from: string): string {
  const line = `import { ${names.join(", ")} } from "${from}";\n`;
  return line.length - 1 <= PRINT_WIDTH ? line : `import {\n${names.map((n) => `  ${n},\n`).join("")}} from "${from}";\n`;
}
