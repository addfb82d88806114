// API change report: the surface of a spec, the changes between two surfaces, the version they
// call for, and how to show them. A library: the CLI decides when to run it and what to write.
export {
  apiSurface,
  type ApiSurface,
  type SurfaceBody,
  type SurfaceField,
  type SurfaceOperation,
  type SurfaceParam,
  type SurfaceResponse,
} from "./surface.js";
export { diffSurfaces, isBreaking, isDocsOnly, type ApiChange, type ChangeKind, type ChangeSubject, type Impact } from "./diff.js";
export { bumpFor, nextVersion, type Bump } from "./version.js";
export { changelogSection, describeChange, prependChangelog, reportLines, summarize, UNRELEASED } from "./report.js";
export { planRelease, type ReleasePlan } from "./release.js";
export { parseRecord, parseSurface, type Release, type SurfaceRecord } from "./files.js";
