// `instanceof` across the two builds of the package a user can load at once: the ESM copy
// (generated/dist) and the CommonJS copy (generated/dist/cjs, loaded with Node's own require), each
// with its own error classes. Errors come from real calls of each copy against a stub fetch.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as esm from "../../generated/dist/index.js";

const cjs = createRequire(import.meta.url)("../../generated/dist/cjs/index.js") as typeof esm;
type Copy = typeof esm;

const params = { owner: "o", repo: "r", run_id: 1 };

/** What a call of `copy`'s operation throws when the server answers `status` with `json`. */
async function thrownBy(
  copy: Copy,
  status: number,
  json: object,
  headers: Record<string, string> = {},
  op: "getWorkflowRun" | "cancelWorkflowRun" = "getWorkflowRun",
) {
  const fetch = async () => Response.json(json, { status, headers });
  const client = copy.createClient({ fetch, retry: false, baseUrl: "http://127.0.0.1:9" });
  return copy[op](client, params).then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("the two copies are really two", () => {
  it("have distinct classes, so only the brand can make instanceof hold", () => {
    expect(cjs.GitHubApiError).not.toBe(esm.GitHubApiError);
    expect(Object.getPrototypeOf(cjs.GitHubApiError.prototype)).not.toBe(Object.getPrototypeOf(esm.GitHubApiError.prototype));
  });
});

describe.each([
  ["CommonJS", cjs, "ESM", esm],
  ["ESM", esm, "CommonJS", cjs],
] as const)("an error made by the %s copy", (_maker, maker, _other, other) => {
  it(`is instanceof the other copy's classes along its own chain, and of no other class`, async () => {
    const error = await thrownBy(maker, 404, { message: "Not Found" });
    expect(error).toBeInstanceOf(maker.GitHubApiError);
    for (const Class of [other.GitHubApiError, other.GitHubError, Error]) expect(error instanceof Class).toBe(true);
    for (const Class of [other.GitHubRateLimitError, other.GitHubNetworkError, other.GitHubResponseError, other.GitHubTimeoutError])
      expect(error instanceof Class).toBe(false);
  });

  it("a rate limit is the other copy's GitHubRateLimitError", async () => {
    const error = await thrownBy(maker, 429, { message: "slow down" }, { "retry-after": "3600" });
    expect(error instanceof other.GitHubRateLimitError).toBe(true);
    expect(error instanceof other.GitHubApiError).toBe(true);
  });

  it("the other copy's isErrorOf narrows it", async () => {
    const error = await thrownBy(maker, 409, { message: "Cannot cancel" }, {}, "cancelWorkflowRun");
    expect(other.isErrorOf(error, other.cancelWorkflowRun)).toBe(true);
    expect(other.isErrorOf(error, other.getWorkflowRun)).toBe(false);
  });
});

describe("what the brand does not let through", () => {
  it("an unbranded error whose classes bear the same names", () => {
    class GitHubApiError extends Error {}
    GitHubApiError.prototype.name = "GitHubApiError";
    const fake = new GitHubApiError("x");
    expect(fake instanceof esm.GitHubApiError).toBe(false);
    expect(fake instanceof esm.GitHubError).toBe(false);
  });

  it("values that are no objects, and plain objects", () => {
    for (const value of [undefined, null, 0, "GitHubApiError", Symbol("x"), {}, Object.create(null)])
      expect(value instanceof esm.GitHubError).toBe(false);
  });

  it("a user's subclass: its instances are the parent's (in both copies), the parent's are not the subclass's", async () => {
    class MyError extends esm.GitHubApiError {}
    const mine = new MyError("x");
    expect(mine instanceof esm.GitHubApiError).toBe(true);
    expect(mine instanceof cjs.GitHubApiError).toBe(true);
    expect(mine instanceof cjs.GitHubRateLimitError).toBe(false);
    expect(new esm.GitHubApiError("x") instanceof MyError).toBe(false);
    expect((await thrownBy(cjs, 404, {})) instanceof MyError).toBe(false);
  });
});
