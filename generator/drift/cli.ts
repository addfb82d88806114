// `npm run spec:drift [-- --spec <root.yaml>] [--deviations <file>] [--upstream <file.json>] [--all]`
// Exit codes: 0 no difference beyond the reviewed deviations; 1 differences, deviation-file
// problems or spec errors; 2 usage errors. The only module of the check that touches `process`.
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { GENERATOR_DIR } from "../paths.js";
import { runDrift } from "./drift.js";
import { pinnedDescriptionFile, readUpstream } from "./upstream.js";

const USAGE = "usage: spec-drift [--spec <root.yaml>] [--deviations <file>] [--upstream <description.json>] [--all]";

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        spec: { type: "string" },
        deviations: { type: "string" },
        upstream: { type: "string" },
        all: { type: "boolean" },
        help: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const specFile = resolve(values.spec ?? join(GENERATOR_DIR, "..", "spec", "openapi.yaml"));
  const deviationsFile = resolve(values.deviations ?? join(dirname(specFile), "deviations.yaml"));
  const pinned = values.upstream ? { file: resolve(values.upstream), label: values.upstream } : pinnedDescriptionFile();
  let upstream;
  try {
    upstream = readUpstream(pinned.file, pinned.label);
  } catch (error) {
    process.stderr.write(
      `spec drift: cannot read the published description ${pinned.file}: ${(error as Error).message}\n  hint: run \`npm ci\` (it comes with the @octokit/openapi devDependency), or pass --upstream <file>\n`,
    );
    return 1;
  }
  let result;
  try {
    result = await runDrift({ specFile, deviationsFile, upstream, all: values.all === true, cwd });
  } catch (error) {
    // A broken ref or a fan-out in either description: say which, without a stack trace.
    process.stderr.write(`spec drift: cannot compare: ${(error as Error).message}\n`);
    return 1;
  }
  const { output, exitCode } = result;
  (exitCode ? process.stderr : process.stdout).write(`${output}\n`);
  return exitCode;
}

process.exitCode = await main(process.argv.slice(2));
