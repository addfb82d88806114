// The whole job, from a spec file to the files of a package, as its stages: load → check →
// normalise → model → emit; the CLI then writes them, or compares them with the output folder.
// It returns results and throws problems (SpecError, RunFailure); only the CLI talks to the process.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { apiSurface, planRelease, type ReleasePlan } from "./changes/index.js";
import { SEMVER } from "./changes/version.js";
import { changelogFile, CHANGELOG_PATH, parseRecord, surfaceFile, SURFACE_PATH } from "./changes/files.js";
import { checkSpec } from "./check/index.js";
import { SpecError, type Diagnostic, type Locator } from "./diagnostics.js";
import type { Json } from "./document/json.js";
import { emitPackage, type EmittedFile, type PackageInfo } from "./emit/index.js";
import { TypesJob, type TypesJobOptions } from "./emit/types-file.js";
import type { TypesRequest } from "./emit/types-worker.js";
import { loadSpec, type LoadedSpec, type LoadOptions } from "./load/index.js";
import { buildModel } from "./model/build.js";
import { apiIdentity, type IdentitySettings } from "./model/identity.js";
import { packageNameOf } from "./model/package-name.js";
import { normalise } from "./normalise/index.js";
import { NPM_NAME } from "./config/schema.js";
import { RunFailure } from "./run-failure.js";
import type { ApiModel } from "./model/types.js";

export interface GenerateResult {
  readonly model: ApiModel;
  /** Sorted by path. */
  readonly files: EmittedFile[];
  /** What changed in the API since the last generation into the same folder, and the version it calls for. */
  readonly release: ReleasePlan;
  /** Set when the package is named after the API's title: neither the config nor an earlier output names it. */
  readonly nameFromTitle?: string;
}

/** Package facts set by the config file: they win over the previous output's and the defaults. */
export type PackageSettings = Partial<Omit<PackageInfo, "version">>;

/** How the types worker runs (see TypesJobOptions), or the job itself if started already; `generate` closes it. */
/** `releaseDate` (YYYY-MM-DD): release the pending API changes on that date (see changes/release.ts). */
/** `identity`: the config's profile, baseUrl and userAgent (model/identity.ts); the description decides the rest. */
export type GenerateOptions = TypesJobOptions &
  LoadOptions & {
    readonly types?: TypesJob;
    readonly package?: PackageSettings;
    readonly releaseDate?: string;
    readonly identity?: IdentitySettings;
  };

/** The first version of a new output. Its name, unless configured or kept from the last output, comes from the API's title. */
export const FIRST_VERSION = "0.1.0";

export async function generate(specPath: string, outDir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  // Started first: it loads openapi-typescript while this thread loads the spec.
  const types = options.types ?? new TypesJob(options);
  try {
    const spec = check(await load(specPath, options));
    const document = normalise(spec.document);
    const model = buildModel(document);
    const typesFile = types.types(typesRequest(spec, document));
    // Awaited by emitPackage; if a step before it fails, closing the job rejects it, and that is no news.
    typesFile.catch(() => undefined);
    const { release, record, fromTitle } = await changeRecord(document, model, outDir, options);
    const identity = apiIdentity(document, options.identity ?? {}, release.packageInfo.name);
    const files = await emitPackage(model, document, release.packageInfo, typesFile, identity);
    const sorted = [...files, ...record].sort((a, b) => (a.path < b.path ? -1 : 1));
    return { model, files: sorted, release: release.plan, ...(fromTitle ? { nameFromTitle: fromTitle } : {}) };
  } finally {
    types.close();
  }
}

/** The model of a spec, for tests and tools: load → check → normalise → model. Throws SpecError. */
export async function loadModel(specPath: string, options?: LoadOptions): Promise<{ model: ApiModel; document: Json; locate: Locator }> {
  const spec = check(await load(specPath, options));
  const document = normalise(spec.document);
  return { model: buildModel(document), document, locate: spec.locate };
}

/** Reads the spec and every file it refers to into one document; throws SpecError if there is none. */
async function load(specPath: string, options?: LoadOptions): Promise<{ spec: LoadedSpec; diagnostics: readonly Diagnostic[] }> {
  const loaded = await loadSpec(specPath, options);
  if (!loaded.spec) throw new SpecError(loaded.diagnostics, () => undefined);
  return { spec: loaded.spec, diagnostics: loaded.diagnostics };
}

/** The loaded spec, or SpecError with every problem: the loader's, then the checks', each positioned. */
function check({ spec, diagnostics }: { spec: LoadedSpec; diagnostics: readonly Diagnostic[] }): LoadedSpec {
  const problems = [...diagnostics, ...checkSpec(spec)];
  if (problems.length) throw new SpecError(problems, spec.locate);
  return spec;
}

/** A document that is exactly JSON.parse of its file's text goes to the worker as that text (cheaper than a clone). */
function typesRequest(spec: LoadedSpec, document: Json): TypesRequest {
  return spec.plainJsonText !== undefined && document === spec.document ? { json: spec.plainJsonText } : { document };
}

/** The API change since the last release recorded in `outDir`, the version it calls for, and the files that record it. */
async function changeRecord(document: Json, model: ApiModel, outDir: string, options: GenerateOptions) {
  const previous = await previousOutput(outDir);
  const version = previous.pkg.version === undefined ? FIRST_VERSION : checked(outDir, previous.pkg, "version");
  const plan = planRelease(parseRecord(previous.surfaceText, version), apiSurface(document, model), version, options.releaseDate);
  const record = [surfaceFile(plan.record), changelogFile(previous.changelog, plan)];
  const kept = options.package?.name === undefined && previous.pkg.name !== undefined ? checked(outDir, previous.pkg, "name") : undefined;
  const fromTitle = (options.package?.name ?? kept) === undefined ? packageNameOf(model.title) : undefined;
  const name = options.package?.name ?? kept ?? fromTitle!;
  return { release: { plan, packageInfo: { ...options.package, name, version: plan.version } }, record, fromTitle };
}

/**
 * A name or version that a user edited in the output's package.json, which the next run keeps: one
 * npm or semver would refuse stops the run here, not at `npm publish` or in every `createClient()`
 * (the name is the default user agent).
 */
function checked(outDir: string, pkg: { name?: unknown; version?: unknown }, field: "name" | "version"): string {
  const value = pkg[field];
  const valid = typeof value === "string" && value.length <= 214 && (field === "name" ? NPM_NAME : SEMVER).test(value);
  if (valid) return value;
  throw new RunFailure(
    `${join(outDir, "package.json")}: its "${field}" ${JSON.stringify(value)?.slice(0, 100)} is not a valid npm package ${field}; ` +
      (field === "name" ? "correct it there, or set package.name in the config" : "correct it there (major.minor.patch)"),
  );
}

/** What the last generation left in the output folder: package name and version, API surface, changelog. */
async function previousOutput(
  outDir: string,
): Promise<{ pkg: { name?: unknown; version?: unknown }; surfaceText?: string; changelog?: string }> {
  const read = (name: string) => readFile(join(outDir, name), "utf8").catch(() => undefined);
  const [pkgText, surfaceText, changelog] = await Promise.all([read("package.json"), read(SURFACE_PATH), read(CHANGELOG_PATH)]);
  let pkg: { name?: unknown; version?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(pkgText ?? "{}");
    if (parsed && typeof parsed === "object") pkg = parsed;
  } catch {
    // An unreadable package.json is regenerated with the defaults.
  }
  return { pkg, ...(surfaceText === undefined ? {} : { surfaceText }), ...(changelog === undefined ? {} : { changelog }) };
}
