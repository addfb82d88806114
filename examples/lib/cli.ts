// What both example programs share: the client from the environment, `owner/repo` parsing, and
// turning failures into one clear line and an exit code (2: usage, 1: GitHub said no or is unreachable).
//
// The examples import the compiled package from ../../generated/dist: that is the very file a user
// gets from `import … from "github-actions-rest-client"` once the package is installed, types
// included (dist/*.d.ts). Run them with `node --import tsx examples/<name>.ts`.
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  createClient,
  GitHubApiError,
  GitHubNetworkError,
  GitHubTimeoutError,
  type Client,
  type ClientOptions,
} from "../../generated/dist/index.js";

/** Bad command line or environment: the message says what to change. Exit code 2. */
export class UsageError extends Error {}

/** node's parseArgs, strict, with its errors (unknown option, missing value) as usage errors. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains at length how to pass a value starting with "-"; its first sentence is the point.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(/\.\s/)[0]);
  }
}

export interface Repo {
  readonly owner: string;
  readonly repo: string;
}

export function parseRepo(text: string | undefined): Repo {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(text ?? "");
  if (!match) throw new UsageError(text ? `"${text}" is not <owner>/<repo>` : "missing <owner>/<repo>");
  return { owner: match[1]!, repo: match[2]! };
}

/** The `<owner>/<repo> <run_id>` positionals of a command about one run. */
export function parseRunTarget(positionals: readonly string[]): { readonly where: Repo; readonly runId: number } {
  if (positionals.length !== 2) throw new UsageError("expected <owner>/<repo> <run_id>");
  const where = parseRepo(positionals[0]);
  const runId = Number(positionals[1]);
  if (!Number.isSafeInteger(runId) || runId <= 0) throw new UsageError(`"${positionals[1]}" is not a run id`);
  return { where, runId };
}

/**
 * A client for GITHUB_API_URL (set in GitHub Actions, and the way to reach GitHub Enterprise
 * Server) with GITHUB_TOKEN. A missing token is a usage error: the API would answer 401 or 404
 * for anything private, which is a worse way to learn it.
 */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env, options: ClientOptions = {}): Client {
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) throw new UsageError("GITHUB_TOKEN is not set: set GITHUB_TOKEN to a token that can read the repository's Actions");
  const baseUrl = env.GITHUB_API_URL?.trim() || undefined;
  return createClient({
    token,
    ...(baseUrl ? { baseUrl } : {}),
    userAgent: "github-actions-rest-client-examples",
    timeoutMs: 30_000,
    ...options,
  });
}

export interface Program {
  readonly name: string;
  /** One line for a 404, e.g. which run was not found; the default names the request. */
  readonly notFound?: (error: GitHubApiError) => string;
}

/** Runs `body` and maps what it throws to a message on stderr and an exit code. */
export async function runCli(program: Program, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const { message, code } = describeFailure(program, error);
    process.stderr.write(`${program.name}: ${message}\n`);
    process.exitCode = code;
  }
}

function describeFailure(program: Program, error: unknown): { message: string; code: number } {
  if (error instanceof UsageError) return { message: `${error.message}\nRun \`${program.name} --help\` for usage.`, code: 2 };
  if (error instanceof GitHubApiError) {
    if (error.status === 404) {
      const what = program.notFound?.(error) ?? `${error.method} ${new URL(error.url).pathname}`;
      return {
        message: `not found: ${what} (check the names, and that GITHUB_TOKEN can read the repository)`,
        code: 1,
      };
    }
    if (error.status === 401) return { message: "GitHub rejected GITHUB_TOKEN (401 Bad credentials)", code: 1 };
    return { message: oneLine(error.message), code: 1 };
  }
  if (error instanceof GitHubTimeoutError || error instanceof GitHubNetworkError) {
    return { message: `cannot reach GitHub: ${oneLine(error.message)}`, code: 1 };
  }
  throw error; // A bug in the example: let node print the stack.
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ");
