// The config file: found in the working folder (or named by --config), read as a file that may
// not be trusted (a regular file inside its own folder, size, depth and alias limits, like a
// spec file), checked key by key with positioned problems, its paths resolved from its folder.
import { lstat } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, resolve, sep } from "node:path";
import { sortDiagnostics, type Diagnostic, type Locator } from "../diagnostics.js";
import { readConfined, realFolder } from "../load/confined-read.js";
import { REFUSALS as SPEC_REFUSALS } from "../load/index.js";
import { formatBytes, type LoadLimits } from "../load/limits.js";
import { isHttpUrl } from "../load/remote.js";
import { parseSource } from "../load/source-file.js";
import type { Pointer } from "./fields.js";
import { readConfigValue, type ConfigValue } from "./schema.js";

/** Looked for in this order in the working folder; more than one of them there is an error. */
export const CONFIG_NAMES = ["openapi-client.config.yaml", "openapi-client.config.yml", "openapi-client.config.json"] as const;

/** A config is a few lines: these bounds are far above any real one and far below harm. */
export const CONFIG_LIMITS: LoadLimits = { maxFileBytes: 64 * 1024, maxDepth: 8, maxValues: 10_000 };

/** The config, with every path made absolute from the config file's folder. */
export type GeneratorConfig = Omit<ConfigValue, "spec" | "out" | "allowRefFolders"> & {
  readonly file: string;
  readonly spec?: string;
  readonly out?: string;
  readonly allowRefFolders?: readonly string[];
};

export interface ConfigResult {
  /** Undefined when there is no config file (and none was named) or when it has problems. */
  readonly config?: GeneratorConfig;
  readonly diagnostics: readonly Diagnostic[];
  readonly locate: Locator;
}

/** `explicit`: the --config path; otherwise the conventional names are looked for in `cwd`. */
export async function loadConfig(cwd: string, explicit?: string): Promise<ConfigResult> {
  const noPosition: Locator = () => undefined;
  const found = explicit === undefined ? await findConfig(cwd) : { file: resolve(cwd, explicit) };
  if ("diagnostics" in found) return { diagnostics: found.diagnostics, locate: noPosition };
  if (!found.file) return { diagnostics: [], locate: noPosition };
  const { file } = found;
  const atStart = (message: string, hint: string): ConfigResult => ({
    diagnostics: [{ location: { file, pointer: [] }, message, hint, position: { line: 1, col: 1 } }],
    locate: noPosition,
  });
  // Confined to its own folder: a config turned into a symlink to ~/.npmrc must not be read.
  const folder = await realFolder(dirname(file));
  const outcome = await readConfined(file, folder ? [folder] : [], CONFIG_LIMITS.maxFileBytes);
  if ("tooLarge" in outcome)
    return atStart(
      `the config file is larger than ${formatBytes(CONFIG_LIMITS.maxFileBytes)}`,
      "a config file holds a few keys; check that --config names the right file",
    );
  if ("refused" in outcome)
    return atStart(
      `cannot read the config file: ${REFUSALS[outcome.refused]}`,
      explicit === undefined ? `fix or remove ${file}` : "check the --config path",
    );
  const parsed = parseSource(file, outcome.text, CONFIG_LIMITS);
  if (!parsed.file) return { diagnostics: parsed.diagnostics, locate: noPosition };
  const source = parsed.file;
  const diagnostics: Diagnostic[] = [];
  const report = (at: Pointer, message: string, hint: string) => diagnostics.push({ location: { file, pointer: at }, message, hint });
  const value = source.value === null ? {} : readConfigValue(source.value, [], report); // an empty file is an empty config
  const locate: Locator = (at) => source.locate(at.pointer);
  const config = value && withAbsolutePaths(value, file);
  config?.allowRefFolders?.forEach((folder, i) => {
    if (isBroad(folder)) {
      report(
        ["allowRefFolders", i],
        `allowRefFolders[${i}] opens ${folder} to $refs, which holds the home folder`,
        "name the folder of the shared schemas itself: a spec could otherwise read any file under it (keys, tokens) into the package",
      );
    }
  });
  if (!config || diagnostics.length) return { diagnostics: sortDiagnostics(diagnostics, locate, file), locate };
  return { config, diagnostics: [], locate };
}

async function findConfig(cwd: string): Promise<{ file?: string } | { diagnostics: Diagnostic[] }> {
  const present: string[] = [];
  for (const name of CONFIG_NAMES) {
    const file = resolve(cwd, name);
    // Anything by that name counts (a folder, a FIFO, a broken symlink): reading it then says what is wrong.
    const exists = await lstat(file).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code !== "ENOENT",
    );
    if (exists) present.push(file);
  }
  if (present.length > 1) {
    const message = `more than one config file: ${present.map((f) => f.slice(cwd.length + 1)).join(" and ")}`;
    return {
      diagnostics: [
        {
          location: { file: present[1]!, pointer: [] },
          message,
          hint: "keep one of them, or choose one with --config",
          position: { line: 1, col: 1 },
        },
      ],
    };
  }
  return present[0] ? { file: present[0] } : {};
}

/** `/`, the home folder or a folder above it: far more than the shared schemas a spec may need. */
function isBroad(folder: string): boolean {
  const home = homedir();
  return folder === "/" || home === folder || home.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function withAbsolutePaths(value: ConfigValue, file: string): GeneratorConfig {
  const from = (path: string) => resolve(dirname(file), path);
  const { spec, out, allowRefFolders, ...rest } = value;
  return {
    ...rest,
    file,
    ...(spec === undefined ? {} : { spec: isHttpUrl(spec) ? spec : from(spec) }),
    ...(out === undefined ? {} : { out: from(out) }),
    ...(allowRefFolders === undefined ? {} : { allowRefFolders: allowRefFolders.map(from) }),
  };
}

const REFUSALS = { ...SPEC_REFUSALS, outside: "it is a symlink to a file outside its own folder" } as const;
