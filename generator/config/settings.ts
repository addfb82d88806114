// What one run uses: each flag overrides the config file's key of the same meaning; paths from
// flags are resolved from the working folder, paths from the file from the file's folder.
import { resolve } from "node:path";
import { DEFAULT_SPEC_TIMEOUT_MS, isHttpUrl, parseSpecUrl } from "../load/remote.js";
import type { IdentitySettings } from "../model/identity.js";
import type { GeneratorConfig } from "./index.js";

export interface Flags {
  readonly spec?: string;
  readonly out?: string;
  readonly "allow-ref-folder"?: readonly string[];
  readonly "spec-timeout"?: string;
}

/** The spec's root file, or the http(s) URL it is read from (load/remote.ts). */
export type SpecInput =
  { readonly specPath: string; readonly specUrl?: undefined } | { readonly specUrl: URL; readonly specPath?: undefined };

export type RunSettings = SpecInput & {
  readonly outDir: string;
  readonly allowedFolders: readonly string[];
  /** The package's own facts the config sets; the rest comes from the previous output or the defaults. */
  readonly package: { readonly name?: string; readonly description?: string; readonly license?: string };
  /** How long reading a spec from a URL may take. */
  readonly specTimeoutMs: number;
  /** The client's profile, default base URL and user agent, when the config sets them. */
  readonly identity: IdentitySettings;
};

/** Longest --spec-timeout, in seconds: a bound on how long a run may wait on a server. */
const MAX_SPEC_TIMEOUT_S = 600;

/** The settings, or the usage problem that stops the run. */
export function runSettings(flags: Flags, config: GeneratorConfig | undefined, cwd: string): RunSettings | { usage: string } {
  const where = config ? `in ${config.file}` : "in a config file (openapi-client.config.yaml)";
  const spec = specInput(flags.spec, config?.spec, cwd);
  if (spec === undefined) return { usage: `no spec to read: give --spec <file or URL>, or spec: <file or URL> ${where}` };
  if ("usage" in spec) return spec;
  const outDir = flags.out !== undefined ? resolve(cwd, flags.out) : config?.out;
  if (outDir === undefined) return { usage: `no output folder: give --out <dir>, or out: <dir> ${where}` };
  const timeout = flags["spec-timeout"];
  const seconds = timeout === undefined ? DEFAULT_SPEC_TIMEOUT_MS / 1000 : Number(timeout);
  if (!/^\d+(\.\d+)?$/.test(timeout ?? "1") || !(seconds > 0 && seconds <= MAX_SPEC_TIMEOUT_S)) {
    return { usage: `--spec-timeout: give a number of seconds above 0 and at most ${MAX_SPEC_TIMEOUT_S}, not ${JSON.stringify(timeout)}` };
  }
  const flagFolders = flags["allow-ref-folder"];
  const { name, description, license } = config?.package ?? {};
  return {
    ...spec,
    outDir,
    allowedFolders: flagFolders?.length ? flagFolders.map((f) => resolve(cwd, f)) : (config?.allowRefFolders ?? []),
    package: { ...(name && { name }), ...(description && { description }), ...(license && { license }) },
    specTimeoutMs: Math.round(seconds * 1000),
    identity: identitySettings(config),
  };
}

function identitySettings(config: GeneratorConfig | undefined): IdentitySettings {
  const { profile, baseUrl, userAgent } = config ?? {};
  return { ...(profile && { profile }), ...(baseUrl && { baseUrl }), ...(userAgent && { userAgent }) };
}

/** The flag wins over the config (whose paths are absolute already, and whose URLs were checked). */
function specInput(flag: string | undefined, configured: string | undefined, cwd: string): SpecInput | { usage: string } | undefined {
  const text = flag ?? configured;
  if (text === undefined) return undefined;
  if (!isHttpUrl(text)) return { specPath: flag === undefined ? text : resolve(cwd, text) };
  const url = parseSpecUrl(text);
  return "problem" in url ? { usage: `--spec: ${url.problem}` } : { specUrl: url };
}
