// Runs an example program as a user would (`node --import tsx examples/<name>.ts …`) against a
// test server, and hands back its exit code and output lines.
import { execFile } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export interface ExampleResult {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

const lines = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

/** `env` is the whole environment the program sees (plus PATH), so a missing GITHUB_TOKEN is really missing. */
export function runExample(name: string, args: readonly string[], env: Record<string, string>): Promise<ExampleResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `examples/${name}.ts`, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout: lines(stdout), stderr: lines(stderr) });
      },
    );
  });
}
