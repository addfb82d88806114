// Keeps bench/node_modules in step with bench/package-lock.json. The peers live apart from the
// project because hey-api and orval (and their dependencies) declare Node >= 22 while the project
// runs on Node 20: in the root they made every `npm ci` print EBADENGINE warnings. corpus/ installs
// its documents and validator the same way (corpus/run.ts), with `dir` set to its own folder.
//
// An install is current when the digest of bench/package.json and bench/package-lock.json equals
// the one recorded after the last successful `npm ci`. The record sits inside node_modules, which
// `npm ci` deletes first, so an interrupted install leaves no record and is redone.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MANIFESTS = ["package.json", "package-lock.json"] as const;
const RECORD = join("node_modules", ".bench-peers-digest");
/** A first install downloads about 60 MB; a stalled registry must not hang the bench. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

export function manifestDigest(dir: string): string {
  const hash = createHash("sha256");
  for (const name of MANIFESTS) {
    const file = join(dir, name);
    if (!existsSync(file)) throw new Error(`${file} is missing: the packages to install are listed there (restore it with git checkout)`);
    hash.update(name).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function peersCurrent(dir: string): boolean {
  const record = join(dir, RECORD);
  return existsSync(record) && readFileSync(record, "utf8").trim() === manifestDigest(dir);
}

export interface NpmCiOptions {
  readonly timeoutMs?: number;
  /** npm's own output: shown by default, since it says why an install failed. */
  readonly stdio?: "inherit" | "ignore";
}

/** Runs `npm ci` in `dir`; throws with the reason when it does not succeed. */
export function npmCi(dir: string, { timeoutMs = INSTALL_TIMEOUT_MS, stdio = "inherit" }: NpmCiOptions = {}): void {
  // --prefix: `npm run` exports its own project's prefix to children; this install is `dir`'s.
  const run = spawnSync("npm", ["ci", "--prefix", dir, "--no-audit", "--no-fund"], {
    cwd: dir,
    stdio,
    timeout: timeoutMs,
  });
  if (run.error && "code" in run.error && run.error.code === "ETIMEDOUT") {
    throw new Error(`npm ci in ${dir} took over ${timeoutMs / 1000} s and was stopped; check the registry connection and rerun`);
  }
  if (run.error) throw new Error(`npm ci in ${dir} could not start: ${run.error.message}`);
  if (run.signal) throw new Error(`npm ci in ${dir} was stopped by ${run.signal}`);
  if (run.status !== 0)
    throw new Error(`npm ci in ${dir} failed with exit code ${run.status}${stdio === "inherit" ? "; see its output above" : ""}`);
}

/** Installs the peers unless the install is current; returns whether it installed. */
export function ensurePeers(dir: string, install: (dir: string) => void = npmCi): boolean {
  if (peersCurrent(dir)) return false;
  const digest = manifestDigest(dir);
  install(dir);
  writeFileSync(join(dir, RECORD), digest + "\n");
  return true;
}
