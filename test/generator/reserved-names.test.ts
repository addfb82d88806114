// The names the package reserves are read from the runtime's sources (generator/model/reserved-names.ts).
// TypeScript's own reading of the same modules is the oracle: a runtime export the scan missed
// would let an operation or a schema alias shadow it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { IMPORTED_MODULES, moduleExports, PACKAGE_NAMES, TYPES_FILE_EXPORTS } from "../../generator/model/reserved-names.js";
import { safeIdentifier } from "../../generator/model/naming.js";
import { RUNTIME_DIR } from "../../generator/paths.js";

describe("reserved names come from the runtime's exports", () => {
  const files = IMPORTED_MODULES.map((file) => RUNTIME_DIR + file);
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
  });
  const checker = program.getTypeChecker();

  it.each(IMPORTED_MODULES)("%s: the same names TypeScript sees", (file) => {
    const source = program.getSourceFile(RUNTIME_DIR + file)!;
    const want = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => s.name);
    expect(want.length).toBeGreaterThan(0);
    expect(moduleExports(file).sort()).toEqual(want.sort());
  });

  it("hold the public API, the types operation modules import, the serializers and openapi-typescript's types", () => {
    for (const name of [
      "createClient",
      "paginate",
      "GitHubApiError",
      "ApiResponse",
      "RedirectResponse",
      "PaginatedOperation",
      "operation",
      "jsonBody",
      ...TYPES_FILE_EXPORTS,
    ]) {
      expect(PACKAGE_NAMES.has(name), name).toBe(true);
    }
    // The helpers' names too, and the runtime's newer exports.
    for (const name of [
      "waitForRun",
      "WaitForRunTimeoutError",
      "WaitForRunOptions",
      "RunUpdate",
      "download",
      "downloadToFile",
      "splitCapped",
    ]) {
      expect(PACKAGE_NAMES.has(name), name).toBe(true);
    }
    expect(safeIdentifier("waitForRun", "x")).toBe("waitForRunOperation");
    // Internal helpers are not in scope in generated code, so they stay free.
    expect(PACKAGE_NAMES.has("request")).toBe(false);
  });

  it("keep operations off them, by name and by type name", () => {
    expect(safeIdentifier("collect", "x")).toBe("collectOperation");
    expect(safeIdentifier("jsonBody", "x")).toBe("jsonBodyOperation");
    expect(safeIdentifier("paginated", "x")).toBe("paginatedOperation"); // PaginatedOperation is the runtime's
    expect(safeIdentifier("clientOptions", "x")).toBe("clientOptions"); // no `ClientOptions…` suffix clash
  });

  const dir = mkdtempSync(join(tmpdir(), "reserved-names-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("follow `export *` (through cycles) and refuse a form they cannot read", () => {
    writeFileSync(
      join(dir, "a.ts"),
      'export * from "./b.js";\nexport {\n  x,\n  y as z,\n} from "./c.js";\nexport async function run() {}\n',
    );
    writeFileSync(join(dir, "b.ts"), 'export type * from "./a.js";\nexport interface B {}\n');
    expect(moduleExports("a.ts", dir + "/").sort()).toEqual(["B", "run", "x", "z"]);
    writeFileSync(join(dir, "d.ts"), "export default 1;\n");
    expect(() => moduleExports("d.ts", dir + "/")).toThrow(/d\.ts has an export that reserved-names\.ts does not read: export default 1;/);
  });
});
