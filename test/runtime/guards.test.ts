// isErrorOf and the permission fields on hand-written operation specs: statuses documented with a
// JSON body (numbers) or another body (strings), and operations without permissions.
import { describe, expect, it } from "vitest";
import { createClient } from "../../generator/runtime/client.js";
import { GitHubApiError } from "../../generator/runtime/errors.js";
import { isErrorOf } from "../../generator/runtime/guards.js";
import { operation } from "../../generator/runtime/operation.js";
import { permissionOf } from "../../generator/runtime/permissions.js";
import type { Operation, OperationSpec } from "../../generator/runtime/types.js";

const spec: OperationSpec = { id: "upload", method: "POST", path: "/files", errors: [409, "415", "410"] };
const upload: Operation<object, unknown, GitHubApiError<409> | GitHubApiError<415, string> | GitHubApiError<410, undefined>> =
  operation(spec);
const noPermission: Operation<object, unknown> = operation({ id: "plain", method: "GET", path: "/plain" });

/** What `op` throws when the server answers `status` with `body` of `type`. */
function failing(op: Operation<object, unknown, unknown>, status: number, body: string, type = "application/json"): Promise<unknown> {
  const fetch = async () => new Response(body || null, { status, headers: { "content-type": type } });
  return op(createClient({ fetch, retry: false }), {}).then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("isErrorOf", () => {
  it.each([
    ["a JSON status with a JSON body", 409, '{"message":"conflict"}', "application/json", true],
    ["a JSON status whose body is not JSON", 409, "conflict", "text/plain", false],
    ["a text status with a text body", 415, "unsupported", "text/plain", true],
    ["a text status with a JSON body", 415, '{"message":"x"}', "application/json", true],
    ["an empty status with no body", 410, "", "text/plain", true],
    ["an undocumented status", 500, '{"message":"boom"}', "application/json", false],
  ])("%s: %s", async (_case, status, body, type, want) => {
    const error = await failing(upload, status, body, type);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(isErrorOf(error, upload)).toBe(want);
  });

  it("an error of another operation with the same status is not this operation's", async () => {
    const other: Operation<object, unknown> = operation({ ...spec, id: "other" });
    expect(isErrorOf(await failing(other, 409, "{}"), upload)).toBe(false);
  });
});

describe("permissions", () => {
  it("an operation without permissions adds no hint to a 403 or 404", async () => {
    for (const status of [403, 404]) {
      const error = (await failing(noPermission, status, '{"message":"nope"}')) as GitHubApiError;
      expect(error.requiredPermission).toBeUndefined();
      expect(error.message).toMatch(/→ 40[34]: nope$/);
    }
  });

  it("permissionOf reads the first of the operation's permissions", () => {
    expect(permissionOf("actions: write")).toEqual({ scope: "actions", access: "write" });
    expect(permissionOf("pull-requests: read, checks: write")).toEqual({ scope: "pull-requests", access: "read" });
  });
});
