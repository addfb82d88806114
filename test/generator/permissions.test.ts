// Given/want: x-github-permissions text → the model's required permissions → the operation spec's
// `permissions` and `errors` fields (what the runtime's errors and isErrorOf read).
import { describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build.js";
import { requiredPermissions } from "../../generator/model/permissions.js";
import { operationSpec } from "../../generator/emit/operation-spec.js";
import { errorExamples } from "../../generator/emit/readme-errors.js";

describe("requiredPermissions", () => {
  it.each([
    ["one permission", ['"Actions" repository permissions (write)'], [{ scope: "actions", access: "write" }]],
    [
      "a set joined by and",
      [
        '"Actions" repository permissions (read) and "Checks" repository permissions (read) and "Deployments" repository permissions (read)',
      ],
      [
        { scope: "actions", access: "read" },
        { scope: "checks", access: "read" },
        { scope: "deployments", access: "read" },
      ],
    ],
    [
      "a name of two words as a workflow key",
      ['"Pull requests" repository permissions (write)'],
      [{ scope: "pull-requests", access: "write" }],
    ],
    [
      "alternatives: the first set",
      ['"Contents" repository permissions (read)', '"Actions" repository permissions (read)'],
      [{ scope: "contents", access: "read" }],
    ],
    ["none listed", [], []],
    ["an organization permission has no workflow key", ['"Administration" organization permissions (write)'], []],
    ["one unknown part spoils the set", ['"Actions" repository permissions (read) and "Members" organization permissions (read)'], []],
    ["wording other than GitHub's", ["actions: write"], []],
    ["an access level a workflow cannot grant", ['"Administration" repository permissions (admin)'], []],
    [
      "a name with characters no permission has",
      ['"Actions: write, x" repository permissions (read)', '"A`b" repository permissions (read)'],
      [],
    ],
  ])("%s", (_case, docs, want) => {
    expect(requiredPermissions(docs)).toEqual(want);
  });
});

function opOf(operation: object) {
  const document = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/x": { post: operation } } };
  return buildModel(document).operations[0]!;
}

describe("the operation spec", () => {
  it("carries the permissions as a workflow writes them, and the documented error statuses", () => {
    const op = opOf({
      operationId: "cancel",
      "x-github-permissions": ['"Actions" repository permissions (read) and "Checks" repository permissions (write)'],
      responses: {
        202: { description: "ok" },
        409: { description: "conflict", content: { "application/json": { schema: { type: "object" } } } },
        410: { description: "gone" },
        415: { description: "text", content: { "text/plain": { schema: { type: "string" } } } },
      },
    });
    expect(op.requiredPermissions).toEqual([
      { scope: "actions", access: "read" },
      { scope: "checks", access: "write" },
    ]);
    const spec = operationSpec(op);
    expect(spec.permissions).toBe("actions: read, checks: write");
    // A JSON body is a number (isErrorOf then wants a parsed body), any other kind a string.
    expect(spec.errors).toEqual([409, "410", "415"]);
  });

  it("leaves both out when the spec documents neither", () => {
    const spec = operationSpec(opOf({ operationId: "x", responses: { 204: { description: "ok" } } }));
    expect(spec).not.toHaveProperty("permissions");
    expect(spec).not.toHaveProperty("errors");
  });
});

describe("the README's error examples", () => {
  const model = (operations: object) =>
    buildModel({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/runs/{id}": operations } });
  const id = { name: "id", in: "path", required: true, schema: { type: "integer" } };

  it("name a write permission first, and narrow an operation with documented errors", () => {
    const examples = errorExamples(
      model({
        get: {
          operationId: "a-get",
          parameters: [id],
          "x-github-permissions": ['"Actions" repository permissions (read)'],
          responses: { 200: { description: "ok" } },
        },
        post: {
          operationId: "b-cancel",
          parameters: [id],
          "x-github-permissions": ['"Actions" repository permissions (write)'],
          responses: { 202: { description: "ok" }, 409: { description: "conflict" } },
        },
      }),
      "pkg",
    );
    expect(examples.permissionMessage).toBe(
      `POST https://api.github.com/runs/{id} → 403: Resource not accessible by integration; missing permission? add "actions: write" to the workflow's permissions:`,
    );
    expect(examples.permissionYaml).toBe("permissions:\n  actions: write");
    expect(examples.guardExample).toContain(`import { isErrorOf, bCancel } from "pkg";`);
    expect(examples.guardExample).toContain("await bCancel(gh, { id: 42 });");
    expect(examples.guardExample).toContain("// error.status is 409;");
  });

  it("keep a hostile path inside the README's code fence", () => {
    const examples = errorExamples(
      model({
        post: {
          operationId: "x",
          "x-github-permissions": ['"Actions" repository permissions (write)'],
          responses: { 200: { description: "ok" } },
        },
      }),
      "pkg",
    );
    expect(examples.permissionMessage).toContain("/runs/{id}");
    const hostile = buildModel({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/a```\n# b": {
          post: {
            operationId: "x",
            "x-github-permissions": ['"Actions" repository permissions (write)'],
            responses: { 200: { description: "ok" } },
          },
        },
      },
    });
    const message = errorExamples(hostile, "pkg").permissionMessage;
    expect(message).not.toMatch(/[`\n]/);
    expect(message).toContain("/a%60%60%60%0A# b");
  });

  it("are left out for an API without permissions or documented errors", () => {
    expect(errorExamples(model({ get: { operationId: "x", responses: { 200: { description: "ok" } } } }), "pkg")).toEqual({
      permissionMessage: "",
      permissionYaml: "",
      guardExample: "",
    });
  });
});
