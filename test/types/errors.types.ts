// Type tests of the typed errors: checked by `npm run typecheck` (tsc). An expected error that is
// missing, or a wrong inferred type, fails the typecheck.
import { expectTypeOf } from "vitest";
import {
  cancelWorkflowRun,
  getConcurrencyGroupForRepository,
  getWorkflowRun,
  GitHubApiError,
  GitHubError,
  GitHubRateLimitError,
  isErrorOf,
  listConcurrencyGroupsForRepository,
  type BasicError,
  type GetWorkflowRunError,
  type RequiredPermission,
  type ValidationError,
} from "../../generated/src/index.js";

export function narrowsStatusAndBody(error: unknown): void {
  if (isErrorOf(error, getConcurrencyGroupForRepository)) {
    expectTypeOf(error.status).toEqualTypeOf<404 | 422>();
    // Checking the status picks the body schema documented for it.
    if (error.status === 404) expectTypeOf(error.body).toEqualTypeOf<BasicError>();
    else expectTypeOf(error.body).toEqualTypeOf<ValidationError>();
    // @ts-expect-error 500 is not a documented error status of getConcurrencyGroupForRepository
    if (error.status === 500) return;
    expectTypeOf(error).toMatchTypeOf<GitHubApiError>();
  }
}

export function oneStatus(error: unknown): void {
  if (isErrorOf(error, cancelWorkflowRun)) {
    expectTypeOf(error.status).toEqualTypeOf<409>();
    expectTypeOf(error.body).toEqualTypeOf<BasicError>();
    expectTypeOf(error.body.message).toEqualTypeOf<string | undefined>();
    // @ts-expect-error cancelWorkflowRun documents 409 only
    if (error.status === 403) return;
  }
  if (isErrorOf(error, listConcurrencyGroupsForRepository)) {
    expectTypeOf(error.status).toEqualTypeOf<422>();
    expectTypeOf(error.body.errors).toEqualTypeOf<ValidationError["errors"]>();
  }
}

export function undocumented(error: unknown): void {
  // No documented error status: any status, GitHub's body or the raw text.
  if (isErrorOf(error, getWorkflowRun)) {
    expectTypeOf(error).toEqualTypeOf<GetWorkflowRunError>();
    expectTypeOf(error.status).toEqualTypeOf<number>();
    expectTypeOf(error.requiredPermission).toEqualTypeOf<RequiredPermission | undefined>();
  }
  // @ts-expect-error the second argument is an operation
  isErrorOf(error, () => undefined);
}

export function instanceOf(error: unknown): void {
  // Symbol.hasInstance returns boolean: instanceof still narrows to the class (a generic one with
  // `any` type arguments, as TypeScript does for every generic class).
  if (error instanceof GitHubApiError) expectTypeOf(error.requiredPermission).toEqualTypeOf<RequiredPermission | undefined>();
  if (error instanceof GitHubRateLimitError) expectTypeOf(error.status).toEqualTypeOf<403 | 429>();
  if (error instanceof GitHubError) expectTypeOf(error.url).toEqualTypeOf<string>();
  expectTypeOf<RequiredPermission["access"]>().toEqualTypeOf<"read" | "write">();
}
