// Fuzzing the generator with seeded, deterministic mutations of the bundled curated spec: keys
// dropped, values of the wrong type, broken refs, hostile strings in descriptions, enums and
// names, duplicate and colliding operationIds, path parameters removed, x-pagination garbled;
// and the attacks of issue 11: refs to files outside the mutant's folder (a secret among them),
// to special files and through symlinks, schemas nested thousands deep, YAML aliases that
// expand to millions of values. The secret must appear in no diagnostic and no output.
// Every mutant must either generate, or fail with a SpecError whose every diagnostic is a
// positioned `file:line:col error:` line inside the mutant file; any other exception is a bug.
// A deterministic sample of the mutants that generate is written out and type-checked.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { SpecError, formatDiagnostic } from "../../generator/diagnostics.js";
import { loadSpec } from "../../generator/load/index.js";
import { generate, loadModel } from "../../generator/pipeline.js";
import { strictProgram } from "./strict-program.js";

const SPEC = "spec/openapi.yaml";
// FUZZ_SEED, FUZZ_MUTANTS, FUZZ_GENERATED, FUZZ_TYPE_CHECKED (and FUZZ_TIMEOUT_MS) make a deeper run by hand.
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2024);
const MUTANTS = Number(process.env.FUZZ_MUTANTS ?? 300);
/** Mutants that pass the checks and go through the whole of `generate`, in process. */
const GENERATED = Number(process.env.FUZZ_GENERATED ?? 30);
/** Of those, how many are written out and type-checked. */
const TYPE_CHECKED = Number(process.env.FUZZ_TYPE_CHECKED ?? 10);
/** One mutant taking longer than this has hung. */
const CASE_TIMEOUT_MS = 15_000;

/** mulberry32: a tiny seeded PRNG, so that every run fuzzes the same mutants. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, unknown>;
type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

const HOSTILE = [
  "*/ evil() /*",
  "${process.exit(1)}",
  "`backtick`",
  "</script><script>alert(1)</script>",
  "line\n@param injected",
  "quote\" and 'single' and \\backslash",
  "line\u2028separator",
  "ñame 日本",
  "__proto__",
  "constructor",
  "delete",
  "",
  " ",
  "{braces}",
  "a/b~c",
  "#/components",
  "%zz",
  "nul\u0000byte",
  "toString",
  "0leading-digit",
  "x²",
  "hasOwnProperty",
];
const BAD_REFS = [
  "#/components/schemas/DoesNotExist",
  "./missing-file.yaml",
  "./missing-file.yaml#/x",
  "#/paths",
  "#",
  "",
  "not a pointer",
  "https://example.com/remote.yaml#/x",
  "#/components/schemas/%zz",
  "#/info/title",
  "#/components/parameters",
];
const ODD_VALUES: readonly (() => unknown)[] = [
  () => "a string",
  () => 42,
  () => -1.5,
  () => 0,
  () => [],
  () => [1, "two", null],
  () => ({}),
  () => ({ x: 1 }),
  () => null,
  () => true,
];

/** Every value in the document with where it sits: the holder, the key, and the pointer. */
interface Slot {
  readonly parent: Json | unknown[];
  readonly key: string | number;
  readonly pointer: string;
}

function slots(document: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (Array.isArray(node))
      node.forEach((child, i) => {
        out.push({ parent: node, key: i, pointer: `${pointer}/${i}` });
        walk(child, `${pointer}/${i}`);
      });
    else if (isObject(node))
      for (const k of Object.keys(node)) {
        out.push({ parent: node, key: k, pointer: `${pointer}/${k}` });
        walk(node[k], `${pointer}/${k}`);
      }
  };
  walk(document, "#");
  return out;
}

/** Sets a key as an own property, even `__proto__`. */
function setOwn(target: Json | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

const get = (slot: Slot): unknown => (slot.parent as Record<string | number, unknown>)[slot.key];

interface Operation {
  readonly path: string;
  readonly method: string;
  readonly op: Json;
}

function operations(document: Json): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of ["get", "put", "post", "delete", "patch", "head", "options", "trace"])
      if (isObject(item[method])) found.push({ path, method, op: item[method] });
  }
  return found;
}

/** One mutation: changes `document` in place and says what it did; undefined when it found nothing to change. */
type Mutation = (document: Json, random: Random, extras: Extras) => string | undefined;

/** What a mutation needs besides the document: files made next to the mutant, and YAML aliases (which make it a .yaml file). */
interface Extras {
  besideFiles: boolean;
  aliases?: string;
}

const SECRET = "SECRET-MARKER-7f3a";
/** Refs to what a spec must not read: outside its folder (directly, or through a symlink in it), special files, a folder. */
const FORBIDDEN_REFS = (secretDir: string) => [
  `${secretDir}/secret.json`,
  "../secret/secret.json",
  "./link/secret.json",
  "./fifo.json",
  "./folder",
  "/dev/zero",
  "/dev/stdin",
  "/proc/self/environ",
  "file:///etc/passwd",
];

/** YAML (in flow style, so that it fits inside the JSON text) whose aliases expand to `width × uses` values, or nest nine levels of nine. */
function aliasText(random: Random): string {
  if (random() < 0.3) {
    const levels = [
      "&l0 [x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => `&l${i + 1} [${Array(9).fill(`*l${i}`).join(", ")}]`),
    ];
    return `[${levels.join(", ")}]`;
  }
  const width = pick(random, [3, 200, 2000]);
  const uses = pick(random, [2, 50, 3000]);
  const anchor = `&big {${Array.from({ length: width }, (_, i) => `p${i}: {type: string}`).join(", ")}}`;
  return `{big: ${anchor}, uses: [${Array(uses).fill("*big").join(", ")}]}`;
}

const MUTATIONS: Record<string, Mutation> = {
  dropKey(document, random) {
    const objects = slots(document).filter((s) => isObject(get(s)) && Object.keys(get(s) as Json).length > 0);
    if (!objects.length) return undefined;
    const slot = pick(random, objects);
    const key = pick(random, Object.keys(get(slot) as Json));
    delete (get(slot) as Json)[key];
    return `drop ${slot.pointer}/${key}`;
  },
  retype(document, random) {
    const slot = pick(random, slots(document));
    const before = get(slot);
    const candidates = ODD_VALUES.map((make) => make()).filter(
      (v) => typeof v !== typeof before || Array.isArray(v) !== Array.isArray(before) || (v === null) !== (before === null),
    );
    const value = pick(random, candidates);
    setOwn(slot.parent, slot.key, value);
    return `retype ${slot.pointer} to ${JSON.stringify(value)}`;
  },
  breakRef(document, random) {
    const refs = slots(document).filter((s) => s.key === "$ref");
    if (!refs.length) return undefined;
    const slot = pick(random, refs);
    const ref = pick(random, BAD_REFS);
    setOwn(slot.parent, slot.key, ref);
    return `ref ${slot.pointer} = ${JSON.stringify(ref)}`;
  },
  hostileText(document, random) {
    const texts = slots(document).filter(
      (s) =>
        typeof get(s) === "string" &&
        (typeof s.key === "number" ||
          ["description", "summary", "title", "operationId", "name", "in", "type", "itemsKey", "style"].includes(s.key)),
    );
    if (!texts.length) return undefined;
    const slot = pick(random, texts);
    const text = pick(random, HOSTILE);
    setOwn(slot.parent, slot.key, text);
    return `text ${slot.pointer} = ${JSON.stringify(text)}`;
  },
  hostileEnum(document, random) {
    const enums = slots(document).filter((s) => s.key === "enum" && Array.isArray(get(s)));
    if (!enums.length) return undefined;
    const slot = pick(random, enums);
    (get(slot) as unknown[]).push(pick(random, HOSTILE), pick(random, HOSTILE));
    return `enum ${slot.pointer} += hostile`;
  },
  hostileKey(document, random) {
    const maps = slots(document).filter(
      (s) =>
        ["properties", "schemas", "parameters", "responses", "paths"].includes(String(s.key)) &&
        isObject(get(s)) &&
        Object.keys(get(s) as Json).length > 0,
    );
    if (!maps.length) return undefined;
    const slot = pick(random, maps);
    const map = get(slot) as Json;
    const old = pick(random, Object.keys(map));
    const name = String(slot.key) === "paths" ? `/${pick(random, HOSTILE)}` : pick(random, HOSTILE);
    const value = map[old];
    delete map[old];
    setOwn(map, name, value);
    return `rename ${slot.pointer}/${old} to ${JSON.stringify(name)}`;
  },
  duplicateOperationId(document, random) {
    const ops = operations(document);
    if (ops.length < 2) return undefined;
    const a = pick(random, ops);
    const b = pick(
      random,
      ops.filter((o) => o !== a),
    );
    b.op.operationId = a.op.operationId;
    return `operationId of ${b.method} ${b.path} = that of ${a.method} ${a.path}`;
  },
  collideOperationId(document, random) {
    const ops = operations(document).filter((o) => typeof o.op.operationId === "string");
    if (ops.length < 2) return undefined;
    const a = pick(random, ops);
    const b = pick(
      random,
      ops.filter((o) => o !== a),
    );
    b.op.operationId = (a.op.operationId as string).replaceAll("-", "_").toUpperCase();
    return `operationId of ${b.method} ${b.path} = ${String(b.op.operationId)}`;
  },
  removePathParam(document, random) {
    const withParams = operations(document).filter((o) => Array.isArray(o.op.parameters) && o.op.parameters.length > 0);
    if (!withParams.length) return undefined;
    const o = pick(random, withParams);
    const list = o.op.parameters as unknown[];
    const i = Math.floor(random() * list.length);
    list.splice(i, 1);
    return `remove parameter ${i} of ${o.method} ${o.path}`;
  },
  addTemplateVariable(document, random) {
    const paths = isObject(document.paths) ? document.paths : undefined;
    if (!paths || !Object.keys(paths).length) return undefined;
    const old = pick(random, Object.keys(paths));
    const value = paths[old];
    delete paths[old];
    setOwn(paths, `${old}/{extra}`, value);
    return `path ${old} += /{extra}`;
  },
  pagination(document, random) {
    const ops = operations(document);
    if (!ops.length) return undefined;
    const o = pick(random, ops);
    const value = pick(random, [
      { style: "offset" },
      { style: "page", itemsKey: "nope" },
      { style: "cursor", itemsKey: 42 },
      { style: "page" },
      "page",
      null,
      [],
      false,
      { style: "page", itemsKey: "total_count" },
      { style: "page", itemsKey: "workflow_runs", cappedBy: "actor" },
      { style: "page", resultCap: "many" },
    ] as unknown[]);
    setOwn(o.op, "x-pagination", value);
    return `x-pagination of ${o.method} ${o.path} = ${JSON.stringify(value)}`;
  },
  selfReference(document, random) {
    const components = isObject(document.components) ? document.components : {};
    const kinds = Object.keys(components).filter((k) => isObject(components[k]) && Object.keys(components[k]).length > 0);
    if (!kinds.length) return undefined;
    const kind = pick(random, kinds);
    const names = Object.keys(components[kind] as Json);
    const a = pick(random, names);
    const b = pick(random, names);
    const ptr = (n: string) => `#/components/${kind}/${n.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    (components[kind] as Json)[a] = { $ref: ptr(b) };
    if (a !== b) (components[kind] as Json)[b] = { $ref: ptr(a) };
    return `cycle ${ptr(a)} <-> ${ptr(b)}`;
  },
  forbiddenRef(document, random, extras) {
    const refs = slots(document).filter((s) => s.key === "$ref");
    if (!refs.length) return undefined;
    const slot = pick(random, refs);
    const ref = pick(random, FORBIDDEN_REFS(secretDir));
    extras.besideFiles = true;
    setOwn(slot.parent, slot.key, ref);
    return `ref ${slot.pointer} = ${JSON.stringify(ref)}`;
  },
  deepNesting(document, random) {
    const schemas = slots(document).filter((s) => s.key === "schema" && isObject(get(s)));
    if (!schemas.length) return undefined;
    const slot = pick(random, schemas);
    const levels = pick(random, [300, 3000]);
    let schema = get(slot);
    for (let i = 0; i < levels; i++) schema = { type: "array", items: schema };
    setOwn(slot.parent, slot.key, schema);
    return `schema ${slot.pointer} nested in ${levels} levels of items`;
  },
  aliasAmplification(_document, random, extras) {
    extras.aliases = aliasText(random);
    return `aliases: ${extras.aliases.length} characters of YAML`;
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

function mutant(base: Json, index: number): { document: Json; steps: string[]; extras: Extras } {
  const random = mulberry32(SEED + index * 7919);
  const document = structuredClone(base);
  const steps: string[] = [];
  const extras: Extras = { besideFiles: false };
  const count = 1 + (random() < 0.35 ? 1 : 0) + (random() < 0.1 ? 1 : 0);
  for (let tries = 0; steps.length < count && tries < 10; tries++) {
    const name = pick(random, MUTATION_NAMES);
    const step = MUTATIONS[name]!(document, random, extras);
    if (step) steps.push(`${name}: ${step}`);
  }
  return { document, steps, extras };
}

/** The mutant's files: its spec (YAML when it has aliases: JSON text is YAML in flow style), and what its refs need beside it. */
function writeMutant(dir: string, document: Json, extras: Extras): { file: string; text: string } {
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(document, null, 1);
  const text = extras.aliases ? `${json.slice(0, json.lastIndexOf("}"))}, "x-fuzz-aliases": ${extras.aliases}}\n` : json;
  const file = join(dir, extras.aliases ? "openapi.yaml" : "openapi.json");
  writeFileSync(file, text);
  if (extras.besideFiles) {
    symlinkSync(secretDir, join(dir, "link"));
    execFileSync("mkfifo", [join(dir, "fifo.json")]);
    mkdirSync(join(dir, "folder"));
  }
  return { file, text };
}

/** A diagnostic as the CLI prints it: one positioned line inside the mutant file, and maybe a hint. */
const DIAGNOSTIC = /^(.+):(\d+):(\d+) error: [^\n]+(\n {2}hint: [^\n]+)?$/;

/**
 * Fails a case whose promise does not settle in time (an async hang). A synchronous endless loop
 * cannot be cut short in process; the test's own timeout is the bound for that.
 */
function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`hang: ${what} took over ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const work = mkdtempSync(join(tmpdir(), "fuzz-"));
/** A folder beside the mutants' folders, holding a file no mutant may read. */
const secretDir = join(work, "secret");
mkdirSync(secretDir);
writeFileSync(
  join(secretDir, "secret.json"),
  JSON.stringify({ type: "object", description: SECRET, properties: { [SECRET]: { type: "string" } } }),
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("fuzzing the generator with mutants of the curated spec", () => {
  it(
    `${MUTANTS} mutants each generate or fail with positioned errors, and a sample type-checks`,
    async () => {
      const loaded = await loadSpec(SPEC);
      expect(loaded.diagnostics, "the curated spec loads cleanly").toEqual([]);
      const base = loaded.spec!.document;

      const crashes: string[] = [];
      const passed: { index: number; file: string; steps: string[] }[] = [];
      let positioned = 0;
      /** Mutations that were applied at least once, and mutants whose diagnostics or output show the secret. */
      const used = new Set<string>();
      const leaks: string[] = [];
      const started = performance.now();

      for (let i = 0; i < MUTANTS; i++) {
        const { document, steps, extras } = mutant(base, i);
        const { file, text } = writeMutant(join(work, `mutant-${i}`), document, extras);
        const lines = text.split("\n");
        const label = `mutant ${i} [${steps.join("; ")}]`;
        for (const step of steps) used.add(step.slice(0, step.indexOf(":")));
        try {
          await withTimeout(loadModel(file), label);
          passed.push({ index: i, file, steps });
        } catch (error) {
          if (!(error instanceof SpecError)) {
            crashes.push(
              `${label}: ${error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 4).join(" | ") : String(error)}`,
            );
            continue;
          }
          expect(error.diagnostics.length, label).toBeGreaterThan(0);
          for (const d of error.diagnostics) {
            const printed = formatDiagnostic(d, error.locate, process.cwd());
            if (printed.includes(SECRET)) leaks.push(`${label}: ${printed}`);
            const m = DIAGNOSTIC.exec(printed);
            expect(m, `${label}: ${printed}`).not.toBeNull();
            expect(d.location.file, `${label}: ${printed}`).toBe(file);
            const line = Number(m![2]);
            const col = Number(m![3]);
            expect(
              line >= 1 && line <= lines.length && col >= 1 && col <= lines[line - 1]!.length + 1,
              `${label}: position out of the file: ${printed}`,
            ).toBe(true);
          }
          positioned++;
        }
      }

      const checked = performance.now();
      // The rest of the pipeline (emit, format, compile) for a spread of the mutants that passed.
      const step = Math.max(1, Math.floor(passed.length / GENERATED));
      const chosen = passed.filter((_, k) => k % step === 0).slice(0, GENERATED);
      const outputs: string[] = [];
      let checkedPackages = 0;
      const every = Math.max(1, Math.floor(chosen.length / TYPE_CHECKED));
      for (const [k, { index, file, steps }] of chosen.entries()) {
        const label = `mutant ${index} [${steps.join("; ")}]`;
        try {
          const result = await withTimeout(generate(file, join(work, "none")), label);
          for (const f of result.files) if (f.contents.includes(SECRET)) leaks.push(`${label}: ${f.path}`);
          if (k % every !== 0 || checkedPackages >= TYPE_CHECKED) continue;
          checkedPackages++;
          const out = join(work, `out-${index}`);
          for (const f of result.files) {
            mkdirSync(dirname(join(out, f.path)), { recursive: true });
            writeFileSync(join(out, f.path), f.contents);
          }
          outputs.push(...result.files.filter((f) => f.path.startsWith("src/") && f.path.endsWith(".ts")).map((f) => join(out, f.path)));
        } catch (error) {
          crashes.push(
            `${label} (generate): ${error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 4).join(" | ") : String(error)}`,
          );
        }
      }

      const generated = performance.now();
      const program = strictProgram(outputs, { skipLibCheck: true });
      const typeErrors = ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);

      const s = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
      const now = performance.now();
      const seconds = `${s(started, now)} s (checks ${s(started, checked)} s, generate ${s(checked, generated)} s, type check ${s(generated, now)} s)`;
      console.log(
        `fuzz: ${MUTANTS} mutants: ${passed.length} passed the checks, ${positioned} failed with positioned errors, ${crashes.length} crashed; ` +
          `${chosen.length} generated in full, ${checkedPackages} packages (${outputs.length} files) type-checked; ${seconds}`,
      );
      expect(crashes).toEqual([]);
      expect(leaks).toEqual([]);
      expect([...used].sort(), "every kind of mutation was tried").toEqual([...MUTATION_NAMES].sort());
      expect(typeErrors).toEqual([]);
      expect(passed.length, "some mutants pass").toBeGreaterThan(MUTANTS / 10);
      expect(positioned, "some mutants fail").toBeGreaterThan(MUTANTS / 10);
      expect(checkedPackages).toBe(Math.min(TYPE_CHECKED, chosen.length));
    },
    Number(process.env.FUZZ_TIMEOUT_MS ?? 180_000),
  );
});
