// A spec from a pull request, run through the real CLI in a child process, as an attacker would
// write it (issue 11, items 1-6): $refs to files outside the spec's folder, to special files and
// to huge ones; YAML aliases that expand a small file to millions of values; nesting thousands
// of levels deep; a --out that would replace something it must not; Markdown and HTML meant for
// the README. Each must end with exit 1 and its exact message (or, for the README, come out
// inert), leave the output folder byte-for-byte as it was, and never show the secret.
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  ftruncateSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LOAD_LIMITS } from "../../generator/load/limits.js";
import { CLI_TIMEOUT_MS, runCli, snapshotTree, STACK_FRAME, type CliResult } from "./run-cli.js";

const VALID = "test/fixtures/broken/valid/openapi.yaml";
const SECRET = "SECRET-MARKER-7f3a";

let work: string;
let baseline: string;
let copies = 0;

/** A fresh copy of a generated package, as an output folder to point --out at. */
function outputCopy(): string {
  const dir = join(work, `out-${++copies}`, "generated");
  cpSync(baseline, dir, { recursive: true });
  return dir;
}

/** Files of a folder whose text holds the secret. */
function filesWithSecret(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && readFileSync(join(e.parentPath, e.name), "utf8").includes(SECRET))
    .map((e) => e.name);
}

/** The run failed cleanly: exit 1, exactly these lines on stderr, nothing on stdout, no stack trace, no secret, `out` unchanged. */
function expectRefused(result: CliResult, lines: readonly string[], out: string, before: Record<string, string>): void {
  expect(result.stderr).toBe([...lines, ""].join("\n"));
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr + result.stdout).not.toContain(SECRET);
  expect(result.status).toBe(1);
  expect(snapshotTree(out)).toEqual(before);
  expect(filesWithSecret(out)).toEqual([]);
}

const errorLines = (errors: readonly [string, string][]) => [
  ...errors.flatMap(([line, hint]) => [line, `  hint: ${hint}`]),
  `${errors.length} error(s); nothing was written.`,
];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "hostile-input-"));
  baseline = join(work, "baseline", "generated");
  const control = await runCli(["--spec", VALID, "--out", baseline]);
  expect(control.status, control.stderr).toBe(0);
}, CLI_TIMEOUT_MS);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const SPEC_HEAD = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n";

describe.concurrent("item 1 and 2: $refs may read only regular files inside the spec's folder", () => {
  it(
    "refs outside the folder, through symlinks, to special files, folders and missing files: one wording, nothing read",
    async () => {
      const spec = join(work, "refs", "spec");
      const secrets = join(work, "refs", "secrets");
      mkdirSync(join(spec, "folder"), { recursive: true });
      mkdirSync(secrets, { recursive: true });
      writeFileSync(
        join(secrets, "creds.json"),
        JSON.stringify({ type: "object", description: SECRET, properties: { [SECRET]: { type: "string" } } }),
      );
      symlinkSync(secrets, join(spec, "link"));
      symlinkSync(join(secrets, "creds.json"), join(spec, "link-file.json"));
      execFileSync("mkfifo", [join(spec, "fifo.yaml")]);
      // A sparse file one byte over the limit: refused from its size, without reading it.
      const big = openSync(join(spec, "big.yaml"), "w");
      ftruncateSync(big, DEFAULT_LOAD_LIMITS.maxFileBytes + 1);
      closeSync(big);
      const refused: [string, string][] = [
        ["../secrets/creds.json", join(secrets, "creds.json")],
        [join(secrets, "creds.json"), join(secrets, "creds.json")],
        ["./link/creds.json", join(spec, "link", "creds.json")],
        ["./link-file.json", join(spec, "link-file.json")],
        ["/proc/self/environ", "/proc/self/environ"],
        ["/dev/zero", "/dev/zero"],
        ["/dev/stdin", "/dev/stdin"],
        ["./fifo.yaml", join(spec, "fifo.yaml")],
        ["./folder", join(spec, "folder")],
        ["./missing.yaml", join(spec, "missing.yaml")],
      ];
      const others = ["./big.yaml", "https://example.com/x.yaml", "file:///etc/passwd"];
      const refs = [...refused.map(([ref]) => ref), ...others];
      writeFileSync(join(spec, "openapi.yaml"), SPEC_HEAD + refs.map((ref, i) => `    S${i}: { $ref: "${ref}" }\n`).join(""));
      const out = outputCopy();
      const before = snapshotTree(out);

      const result = await runCli(["--spec", join(spec, "openapi.yaml"), "--out", out]);

      const at = (i: number) => `${join(spec, "openapi.yaml")}:${6 + i}:${`    S${i}: { `.length + 1} error: $ref "${refs[i]}"`;
      const pointer = (i: number) => `(at #/components/schemas/S${i}/$ref)`;
      expectRefused(
        result,
        errorLines([
          ...refused.map(([, target], i): [string, string] => [
            `${at(i)} does not lead to a readable file inside the spec's folder ${pointer(i)}`,
            `it names ${target}; a $ref may name only a regular file inside ${spec} (symlinks resolved; --allow-ref-folder adds a folder), relative to the file it is written in`,
          ]),
          [
            `${at(10)} points to a file larger than 32 MiB, the limit for one spec file ${pointer(10)}`,
            "split it into smaller files joined by $ref",
          ],
          [
            `${at(11)} points to a URL; remote references are not fetched ${pointer(11)}`,
            "save the referenced document next to the spec and refer to it by a relative path",
          ],
          [
            `${at(12)} points to a URL; remote references are not fetched ${pointer(12)}`,
            "save the referenced document next to the spec and refer to it by a relative path",
          ],
        ]),
        out,
        before,
      );
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "--allow-ref-folder lets $refs read one more folder, and only that one",
    async () => {
      const spec = join(work, "allowed", "spec");
      const shared = join(work, "allowed", "shared");
      mkdirSync(spec, { recursive: true });
      mkdirSync(shared, { recursive: true });
      writeFileSync(join(shared, "run.yaml"), "type: object\nproperties:\n  shared_field: { type: string }\n");
      const text = readFileSync(VALID, "utf8").replace(
        "        id: { type: integer }",
        "        id: { type: integer }\n        shared: { $ref: ../shared/run.yaml }",
      );
      expect(text).toContain("../shared/run.yaml");
      writeFileSync(join(spec, "openapi.yaml"), text);
      const out = join(work, "allowed", "generated");

      const [refused, allowed] = await Promise.all([
        runCli(["--spec", join(spec, "openapi.yaml"), "--out", out + "-refused"]),
        runCli(["--spec", join(spec, "openapi.yaml"), "--out", out, "--allow-ref-folder", shared]),
      ]);

      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`$ref "../shared/run.yaml" does not lead to a readable file inside the spec's folder`);
      expect(existsSync(out + "-refused")).toBe(false);
      expect(allowed.stderr).toBe("");
      expect(allowed.status).toBe(0);
      expect(readFileSync(join(out, "src", "types.ts"), "utf8")).toContain("shared_field?: string;");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "a root spec that is a FIFO or a device is refused without being read or waited on; one that is a symlink out of its folder, too",
    async () => {
      const fifo = join(work, "root-fifo.json");
      execFileSync("mkfifo", [fifo]);
      mkdirSync(join(work, "root-link"));
      writeFileSync(join(work, "root-secret.yaml"), `openapi: ${SECRET}\n`);
      const link = join(work, "root-link", "openapi.yaml");
      symlinkSync(join(work, "root-secret.yaml"), link);
      const out = outputCopy();
      const before = snapshotTree(out);
      for (const spec of [fifo, "/dev/zero"]) {
        const result = await runCli(["--spec", spec, "--out", out]);
        expectRefused(
          result,
          errorLines([
            [`${spec}:1:1 error: cannot read the spec: it is not a regular file (a FIFO, a device or a socket)`, "check the --spec path"],
          ]),
          out,
          before,
        );
      }
      const result = await runCli(["--spec", link, "--out", out]);
      expectRefused(
        result,
        errorLines([
          [
            `${link}:1:1 error: cannot read the spec: it is a symlink to a file outside its own folder (and outside any --allow-ref-folder)`,
            "check the --spec path",
          ],
        ]),
        out,
        before,
      );
    },
    CLI_TIMEOUT_MS,
  );
});

describe.concurrent("items 3 and 4: alias amplification and deep nesting end fast, with a positioned error", () => {
  it(
    "the issue's case: &big (1,000 properties) aliased 10,000 times, under a 256 MB heap",
    async () => {
      const dir = join(work, "alias");
      mkdirSync(dir);
      const properties = Array.from({ length: 1000 }, (_, i) => `p${i}: { type: string }`).join(", ");
      const aliases = Array.from({ length: 10_000 }, () => "*big").join(", ");
      const spec = join(dir, "openapi.yaml");
      writeFileSync(spec, `${SPEC_HEAD}    Big: &big { type: object, properties: { ${properties} } }\n    Many: { oneOf: [${aliases}] }\n`);
      expect(readFileSync(spec).length).toBeLessThan(90_000);
      const out = outputCopy();
      const before = snapshotTree(out);

      const result = await runCli(["--spec", spec, "--out", out], { node: ["--max-old-space-size=256"] });

      // Each alias counts as 4,005 values (keys count too: yaml turns an alias used as a key into
      // the text of its whole anchor), so the 499th passes 2,000,000.
      const column = "    Many: { oneOf: [".length + 1 + 498 * "*big, ".length;
      expectRefused(
        result,
        errorLines([
          [
            `${spec}:7:${column} error: invalid YAML: its aliases expand the document to more than 2,000,000 values, the limit; this alias passes it`,
            "an alias copies its anchor's whole content at every use; name the shared part under components and refer to it with $ref, which is not copied",
          ],
        ]),
        out,
        before,
      );
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "an alias inside its own anchor is refused, not turned into an endless object",
    async () => {
      const spec = join(work, "alias-cycle.yaml");
      const line = "    Loop: &loop { type: object, properties: { self: *loop } }";
      writeFileSync(spec, `${SPEC_HEAD}${line}\n`);
      const out = outputCopy();
      const before = snapshotTree(out);
      const result = await runCli(["--spec", spec, "--out", out]);
      expectRefused(
        result,
        errorLines([
          [
            `${spec}:6:${line.indexOf("*loop") + 1} error: invalid YAML: this alias is inside the node its anchor names, so the document would never end`,
            "a recursive schema refers to itself with $ref, not with an alias",
          ],
        ]),
        out,
        before,
      );
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "items 3,000 levels deep, in YAML and in JSON: nested too deep, exit 1, no stack trace",
    async () => {
      const yamlSchema = Array.from({ length: 3000 }).reduce<string>((inner) => `{ type: array, items: ${inner} }`, "{ type: string }");
      const jsonSchema = Array.from({ length: 3000 }).reduce<string>((inner) => `{"type":"array","items":${inner}}`, '{"type":"string"}');
      const yamlSpec = join(work, "deep.yaml");
      const jsonSpec = join(work, "deep.json");
      writeFileSync(yamlSpec, `${SPEC_HEAD}    Deep: ${yamlSchema}\n`);
      writeFileSync(
        jsonSpec,
        `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Deep":${jsonSchema}}}}`,
      );
      const out = outputCopy();
      const before = snapshotTree(out);
      const hint = "a spec needs far fewer; give the inner schemas names under components/schemas and refer to them with $ref";
      const message = `nested too deep: more than ${DEFAULT_LOAD_LIMITS.maxDepth} levels of objects and lists`;

      const [yaml, json] = await Promise.all([runCli(["--spec", yamlSpec, "--out", out]), runCli(["--spec", jsonSpec, "--out", out])]);

      // The 257th level: the root map, components, schemas, then 254 levels of items.
      const yamlColumn = "    Deep: ".length + 1 + 253 * "{ type: array, items: ".length;
      expectRefused(yaml, errorLines([[`${yamlSpec}:6:${yamlColumn} error: ${message}`, hint]]), out, before);
      // The `{` of the 257th level: the root, components and schemas are three, then the 254th schema.
      const jsonColumn =
        '{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Deep":'.length +
        253 * '{"type":"array","items":'.length +
        1;
      expectRefused(json, errorLines([[`${jsonSpec}:1:${jsonColumn} error: ${message}`, hint]]), out, before);
    },
    CLI_TIMEOUT_MS,
  );
});

describe.concurrent("item 5: an --out that is not a folder of its own is refused up front", () => {
  const advice = "the generated package needs a folder of its own, such as ./generated; nothing was written.";

  it(
    "a symlink, a file, /, the home folder, the current folder and a folder that holds the spec",
    async () => {
      const target = outputCopy();
      const link = join(work, "out-link");
      symlinkSync(target, link);
      const file = join(work, "out-file.txt");
      writeFileSync(file, "not a folder\n");
      const home = join(work, "home");
      mkdirSync(home);
      writeFileSync(join(home, ".profile"), SECRET);
      const spec = join(work, "out-spec", "openapi.yaml");
      mkdirSync(join(work, "out-spec"));
      cpSync(VALID, spec);
      const before = {
        target: snapshotTree(target),
        home: snapshotTree(home),
        root: readdirSync("/").sort(),
        spec: readFileSync(spec, "utf8"),
        file: readFileSync(file, "utf8"),
      };
      const cases: [string, string][] = [
        [link, `error: --out ${link} is a symbolic link; give the folder it leads to, or another path; nothing was written.`],
        [
          file,
          `error: --out ${file} is a file, not a folder; give a folder for the generated package, such as ./generated; nothing was written.`,
        ],
        ["/", `error: --out / is the root of the filesystem; ${advice}`],
        [home, `error: --out ${home} is your home folder; ${advice}`],
        [".", `error: --out ${process.cwd()} is the current folder; ${advice}`],
        [join(work, "out-spec"), `error: --out ${join(work, "out-spec")} holds the spec; ${advice}`],
      ];

      const results = await Promise.all(cases.map(([out]) => runCli(["--spec", spec, "--out", out], { env: { HOME: home } })));

      results.forEach((result, i) => {
        expect(result.stderr).toBe(cases[i]![1] + "\n");
        expect(result.stdout).toBe("");
        expect(result.status).toBe(1);
      });
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect({
        target: snapshotTree(target),
        home: snapshotTree(home),
        root: readdirSync("/").sort(),
        spec: readFileSync(spec, "utf8"),
        file: readFileSync(file, "utf8"),
      }).toEqual(before);
      expect(readdirSync(work).filter((name) => /\.(tmp|old)-/.test(name))).toEqual([]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "--check is refused the same way: it would otherwise list the whole filesystem",
    async () => {
      const result = await runCli(["--spec", VALID, "--out", "/", "--check"]);
      expect(result.stderr).toBe(`error: --out / is the root of the filesystem; ${advice}\n`);
      expect(result.status).toBe(1);
    },
    CLI_TIMEOUT_MS,
  );
});

describe.concurrent("item 6: Markdown and HTML from the spec come out inert in the README", () => {
  it(
    "title, permissions, paths and docs links: escaped, and only http(s) links",
    async () => {
      const spec = join(work, "readme", "openapi.yaml");
      mkdirSync(join(work, "readme"));
      const hostile =
        "<img src=x onerror=alert(1)> [x](javascript:alert(2)) ![i](https://evil.example/p.png) **bold** `code` <script>alert(3)</script>";
      writeFileSync(
        spec,
        [
          "openapi: 3.1.0",
          `info: { title: ${JSON.stringify(hostile)}, version: 1.0.0 }`,
          "paths:",
          '  "/runs/{id}`[y](javascript:alert(4))`":',
          "    get:",
          "      operationId: get-run",
          `      summary: ${JSON.stringify(`Summary */ ${hostile}`)}`,
          `      x-github-permissions: [${JSON.stringify(`${hostile} | pipe`)}]`,
          '      externalDocs: { url: "javascript:alert(5)" }',
          "      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]",
          '      responses: { "200": { description: OK, content: { application/json: { schema: { type: object } } } } }',
          "  /other:",
          "    get:",
          "      operationId: list-other",
          '      externalDocs: { url: "https://docs.example.com/a b(c)" }',
          '      responses: { "200": { description: OK } }',
          "",
        ].join("\n"),
      );
      const out = join(work, "readme", "generated");

      const result = await runCli(["--spec", spec, "--out", out]);

      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const readme = readFileSync(join(out, "README.md"), "utf8");
      const escaped =
        "&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(2)) !\\[i\\](https://evil.example/p.png) \\*\\*bold\\*\\* \\`code\\` &lt;script&gt;alert(3)&lt;/script&gt;";
      expect(readme).toContain(`A typed TypeScript client for ${escaped}: 2 operations`);
      expect(readme).toContain(`| ${escaped} \\| pipe |`);
      expect(readme).toContain("| `` GET /runs/{id}`[y](javascript:alert(4))` `` |");
      // No HTML tag, and every link target (an unescaped `](` outside code spans) is http(s) or the table's own anchor.
      expect(readme).not.toMatch(/<(img|script)/i);
      const prose = readme.replace(/(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)/g, "``");
      const targets = [...prose.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
      expect(targets).toEqual(["#operations", "https://docs.example.com/a%20b%28c%29"]);
      const sources = readdirSync(join(out, "src", "operations"))
        .map((f) => readFileSync(join(out, "src", "operations", f), "utf8"))
        .join("\n");
      expect(sources).not.toContain("{@link javascript:");
      expect(sources).toContain("@see {@link https://docs.example.com/a%20b%28c%29}");
    },
    CLI_TIMEOUT_MS,
  );
});
