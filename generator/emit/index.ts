// Every file of the generated package, printed: the modules and package files from the model,
// src/types.ts from the types job, and the runtime. The change record (api-surface.json,
// CHANGELOG.md) is added by the pipeline.
import type { ApiModel } from "../model/types.js";
import { CJS_PACKAGE, typesDist } from "./dist-files.js";
import type { EmittedFile } from "./file.js";
import { emitHelpers } from "./helpers.js";
import { emitIndex } from "./index-module.js";
import { emitOperationModules } from "./operations-module.js";
import { emitPackageJson, emitReadme, type PackageInfo } from "./package-files.js";
import { emitPagination } from "./pagination-module.js";
import { formatLeftovers } from "./prettier.js";
import { runtimeDist, runtimeFiles } from "./runtime-build.js";
import { emitSchemas } from "./schemas-module.js";
import { apiIdentity, type ApiIdentity } from "../model/identity.js";
import { withNeutralNames } from "./neutral-names.js";
import { emitProfile } from "./profile-module.js";

export type { EmittedFile } from "./file.js";
export type { PackageInfo } from "./package-files.js";

/**
 * `types`: src/types.ts, which a worker is making meanwhile (types-file.ts). `identity`: the API's
 * profile, servers and security (model/identity.ts); GitHub's by default. Sorted by path.
 */
export async function emitPackage(
  model: ApiModel,
  document: Record<string, unknown>,
  pkg: PackageInfo,
  types: Promise<EmittedFile>,
  identity: ApiIdentity = apiIdentity(document, { profile: "github" }, pkg.name),
): Promise<EmittedFile[]> {
  const generic = identity.profile === "generic";
  const helpers = emitHelpers(model);
  const helperPaths = helpers.map((h) => h.path);
  const modules = [
    ...emitOperationModules(model.operations, identity.profile),
    ...emitPagination(model),
    ...emitIndex(model, helperPaths),
    ...helpers,
  ];
  const printed = [
    // A generic API's modules name its errors neutrally (the spec's own types in src/types.ts keep theirs).
    ...(generic ? modules.map((file) => ({ ...file, contents: withNeutralNames(file.contents) })) : modules),
    ...emitSchemas(model, document),
    emitPackageJson(model, pkg, identity.profile),
    emitReadme(model, pkg, identity, helperPaths),
    CJS_PACKAGE,
  ];
  // dist/ is printed from the same structures as the sources; a source the layout printer could not
  // vouch for is formatted by prettier after all.
  const sources = await formatLeftovers(printed.filter((f) => !f.path.startsWith("dist/")));
  const runtime = await runtimeFiles(await emitProfile(identity), generic);
  // Helpers are hand-written like the runtime and compiled the same way, once formatted.
  const helpersDist = await runtimeDist(sources.filter((f) => f.path.startsWith("src/helpers/")));
  const typesFile = await types;
  const files = [
    ...sources,
    ...printed.filter((f) => f.path.startsWith("dist/")),
    ...runtime,
    ...helpersDist,
    typesFile,
    ...typesDist(typesFile),
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
