// The generator as a library (the package's main export): the same steps as the CLI, for a build
// script that wants the files without a child process. `generate` reads and checks a spec and
// returns the package's files; `planOutput` compares them with an output folder (refusing a folder
// the generator does not own) and `writeOutput` writes them all or nothing.
export { generate, type GenerateOptions, type GenerateResult } from "./pipeline.js";
export { loadConfig, type ConfigResult, type GeneratorConfig } from "./config/index.js";
export { isClean, planOutput, writeOutput, type OutputPlan } from "./write/output.js";
export { SpecError, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export { RunFailure } from "./run-failure.js";
export { OutputRefusal } from "./write/refusal.js";
