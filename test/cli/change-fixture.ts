// The spec the CLI's change tests regenerate from: a copy of the frozen fixture
// (test/fixtures/changes/), edited through JSON, so that no test depends on spec/'s current values.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./run-cli.js";

const FIXTURE = join(ROOT, "test/fixtures/changes/openapi.json");

type Json = Record<string, unknown>;
const at = (doc: Json, ...keys: string[]): Json => keys.reduce((node, key) => node[key] as Json, doc);

/** Writes the unedited fixture to `path`. */
export const resetSpec = (path: string) => copyFileSync(FIXTURE, path);

/** Edits the spec at `path` in place. */
export function editSpec(path: string, edit: (doc: Json) => void): void {
  const doc = JSON.parse(readFileSync(path, "utf8")) as Json;
  edit(doc);
  writeFileSync(path, JSON.stringify(doc, null, 1) + "\n");
}

/** The enum of a query parameter shared by listWorkflowRuns and listWorkflowRunsForRepo. */
export const runStatusParam = (doc: Json) => at(doc, "components", "parameters", "workflow-run-status", "schema");
/** The enum of a response field of getConcurrencyGroupForRepository: `group_members[].status`. */
export const memberStatus = (doc: Json) => at(doc, "components", "schemas", "concurrency-group-member", "properties", "status");

export const addValue = (schema: Json, value: string) => (schema.enum = [...(schema.enum as string[]), value]);
export const removeValue = (schema: Json, value: string) => (schema.enum = (schema.enum as string[]).filter((v) => v !== value));

/** Drops a `$ref`'d parameter from a GET operation. */
export function removeParamRef(doc: Json, path: string, ref: string): void {
  const op = at(doc, "paths", path, "get");
  op.parameters = (op.parameters as Json[]).filter((p) => p.$ref !== ref);
}
