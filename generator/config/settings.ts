// What one run uses: each flag overrides the config file's key of the same meaning; paths from
// flags are resolved from the working folder, paths from the file from the file's folder.
import { resolve } from "node:path";
import type { GeneratorConfig } from "./index.js";

export interface Flags {
  readonly spec?: string;
  readonly out?: string;
  readonly "allow-ref-folder"?: readonly string[];
}

export interface RunSettings {
  readonly specPath: string;
  readonly outDir: string;
  readonly allowedFolders: readonly string[];
  /** The package's own facts the config sets; the rest comes from the previous output or the defaults. */
  readonly package: { readonly name?: string; readonly description?: string; readonly license?: string };
}

/** The settings, or the usage problem that stops the run. */
export function runSettings(flags: Flags, config: GeneratorConfig | undefined, cwd: string): RunSettings | { usage: string } {
  if (flags.spec !== undefined && /^https?:\/\//i.test(flags.spec)) {
    return { usage: "--spec: reading the spec from an http(s) URL is not supported yet; download it and give the path of the file" };
  }
  const specPath = flags.spec !== undefined ? resolve(cwd, flags.spec) : config?.spec;
  const outDir = flags.out !== undefined ? resolve(cwd, flags.out) : config?.out;
  const where = config ? `in ${config.file}` : "in a config file (openapi-client.config.yaml)";
  if (specPath === undefined) return { usage: `no spec to read: give --spec <file>, or spec: <file> ${where}` };
  if (outDir === undefined) return { usage: `no output folder: give --out <dir>, or out: <dir> ${where}` };
  const flagFolders = flags["allow-ref-folder"];
  const { name, description, license } = config?.package ?? {};
  return {
    specPath,
    outDir,
    allowedFolders: flagFolders?.length ? flagFolders.map((f) => resolve(cwd, f)) : (config?.allowRefFolders ?? []),
    package: { ...(name && { name }), ...(description && { description }), ...(license && { license }) },
  };
}
