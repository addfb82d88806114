// Shared by the hardening tests: a test server per file, and the views of an error in which a
// secret must never appear.
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { RetryInfo } from "../../generated/src/index.js";
import { startGitHubServer, type GitHubServer } from "../server/server.js";

/** Starts a test server for the file, reset (with `retried` emptied) before each test. */
export function useTestServer(): { readonly server: GitHubServer; readonly retried: RetryInfo[] } {
  const context = { server: undefined as unknown as GitHubServer, retried: [] as RetryInfo[] };
  beforeAll(async () => {
    context.server = await startGitHubServer();
  });
  afterAll(() => context.server.close());
  beforeEach(() => {
    context.server.reset();
    context.retried.length = 0;
  });
  return context;
}

/** Every view of an error a program or a log might print: String(), message, stack, toJSON (via JSON.stringify) and util.inspect with its causes. */
export function errorViews(error: unknown): string[] {
  return [
    String(error),
    String((error as Error | undefined)?.message),
    String((error as Error | undefined)?.stack),
    JSON.stringify(error) ?? "",
    inspect(error, { depth: 10, showHidden: true }),
  ];
}

/** The views of `error` that contain `secret` (an empty list when none does). */
export function leaksOf(error: unknown, secret: string): string[] {
  return errorViews(error).filter((view) => view.includes(secret));
}

/** What `fn` throws, or a failure if it returns. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

/** The rejection of `promise`, or a failure if it resolves. */
export function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e as Error,
  );
}
