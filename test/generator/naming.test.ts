// Given/want: how operationIds, routes and tags become identifiers and module names.
import { describe, expect, it } from "vitest";
import { camelCase, groupName, kebabCase, nameFromRoute, safeIdentifier, shortName } from "../../generator/model/naming.js";
import { assignNames } from "../../generator/model/names.js";
import type { RawOperation } from "../../generator/document/operations.js";

describe("shortName: GitHub's operationId minus its namespace, camelCased", () => {
  it.each([
    ["actions/list-workflow-runs-for-repo", "listWorkflowRunsForRepo"],
    ["actions/re-run-job-for-workflow-run", "reRunJobForWorkflowRun"],
    ["actions/get-concurrency-group-for-repository", "getConcurrencyGroupForRepository"],
    ["getWorkflowRun", "getWorkflowRun"],
    ["list runs#v2", "listRunsV2"],
    ["get_run", "getRun"],
    ["ñame/obtener-ñu", "obtenerÑu"],
    ["get²-thing", "getThing"],
  ])("%s → %s", (id, want) => expect(shortName(id)).toBe(want));
});

describe("safeIdentifier: never a reserved word, a runtime export, or a leading digit", () => {
  it.each([
    ["delete", "deleteOperation"],
    ["default", "defaultOperation"],
    ["constructor", "constructorOperation"],
    ["__proto__", "__proto__Operation"],
    ["paginate", "paginateOperation"],
    ["createClient", "createClientOperation"],
    ["2faEnable", "op2faEnable"],
    ["api", "apiOperation"],
    ["paths", "pathsOperation"],
    ["redirect", "redirectOperation"],
    ["listRuns", "listRuns"],
  ])("%s → %s", (candidate, want) => expect(safeIdentifier(candidate, "x")).toBe(want));
});

describe("names for operations without an operationId come from method and path", () => {
  it.each([
    ["GET", "/repos/{owner}/{repo}", "getReposByOwnerByRepo"],
    ["POST", "/files/{name}.{ext}", "postFilesByNameByExt"],
    ["DELETE", "/", "delete"],
  ])("%s %s → %s", (method, path, want) => expect(nameFromRoute(method, path)).toBe(want));
});

describe("assignNames", () => {
  const raw = (operationId: string | undefined, method = "GET", path = "/x") =>
    ({
      path,
      method,
      pathItem: {},
      operation: operationId === undefined ? {} : { operationId },
      pointer: ["paths", path, method.toLowerCase()],
    }) as unknown as RawOperation;

  it("keeps the namespace only where short names would collide", () => {
    const names = assignNames([raw("repos/get"), raw("orgs/get"), raw("actions/list-artifacts")]).map((n) => n.name);
    expect(names).toEqual(["reposGet", "orgsGet", "listArtifacts"]);
  });

  it("derives PascalCase type names", () => {
    expect(assignNames([raw("actions/get-workflow-run")])[0]).toEqual({ name: "getWorkflowRun", typeName: "GetWorkflowRun" });
  });

  it("turns a reserved word operationId into a safe name", () => {
    expect(assignNames([raw("delete", "DELETE", "/things/{id}")])[0]!.name).toBe("deleteOperation");
  });
});

describe("case helpers", () => {
  it.each([
    ["workflow-runs", "workflowRuns", "workflow-runs"],
    ["Concurrency Groups", "concurrencyGroups", "concurrency-groups"],
    ["getHTTPThing", "getHTTPThing", "get-httpthing"],
  ])("%s", (text, camel, kebab) => {
    expect(camelCase(text)).toBe(camel);
    expect(kebabCase(text)).toBe(kebab);
  });

  it.each([
    ["workflow-runs", "workflow-runs"],
    [undefined, "default"],
    ["日本", "日本"],
    ["Überwachung ñ", "überwachung-ñ"],
    ["Secret Scanning", "secret-scanning"],
  ])("groupName(%s) → %s", (tag, want) => expect(groupName(tag)).toBe(want));
});
