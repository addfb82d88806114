// Compares two API surfaces and says, change by change, whether code written against the old
// package can break. Breaking: anything removed or narrowed from what callers may send or read,
// a new requirement on callers, a type change. Exhaustive: something new that callers may read
// (a response enum value, a success status), which compiles everywhere except in an exhaustive
// `switch` or a `never` check. Compatible: other additions and relaxations.
import { compareText } from "../model/order.js";
import type { SurfaceField } from "./schema.js";
import { operationLabel, type ApiSurface, type SurfaceOperation, type SurfaceParam } from "./surface.js";

export type ChangeKind = "added" | "removed" | "changed";
export type ChangeSubject = "operation" | "param" | "enum" | "body field" | "response field" | "status";

/** What a change can do to code written against the old package; see the file comment. */
export type Impact = "breaking" | "exhaustive" | "compatible";

export interface ApiChange {
  readonly kind: ChangeKind;
  readonly subject: ChangeSubject;
  /** The generated function's name. */
  readonly operation: string;
  /** The operation, param, field (path), enum value or status concerned. */
  readonly name: string;
  /** What about it, in words: `query, string`, `now required`, `of param status`, … */
  readonly detail: string;
  readonly impact: Impact;
}

export const isBreaking = (change: ApiChange): boolean => change.impact === "breaking";

/** The detail of a documentation-only change; see `isDocsOnly`. */
export const DOCS_DETAIL = "documentation changed";

/** A change to descriptions only: nothing a caller's code can observe. */
export function isDocsOnly(change: ApiChange): boolean {
  return change.subject === "operation" && change.kind === "changed" && change.detail.startsWith(DOCS_DETAIL);
}

const SUBJECT_ORDER: readonly ChangeSubject[] = ["operation", "param", "body field", "response field", "enum", "status"];

export function diffSurfaces(before: ApiSurface, after: ApiSurface): ApiChange[] {
  const changes: ApiChange[] = [];
  const ids = new Set([...Object.keys(before.operations), ...Object.keys(after.operations)]);
  for (const id of ids) {
    const old = before.operations[id];
    const now = after.operations[id];
    if (old && now) changes.push(...diffOperation(old, now));
    else if (old) changes.push(change("removed", "operation", old.name, old.name, operationLabel(old), true));
    else if (now) changes.push(change("added", "operation", now.name, now.name, operationLabel(now), false));
  }
  return changes.sort(
    (a, b) =>
      compareText(a.operation, b.operation) ||
      SUBJECT_ORDER.indexOf(a.subject) - SUBJECT_ORDER.indexOf(b.subject) ||
      compareText(a.name, b.name) ||
      compareText(a.detail, b.detail),
  );
}

/** `impact`: true for breaking, false for compatible, or the impact itself. */
function change(
  kind: ChangeKind,
  subject: ChangeSubject,
  operation: string,
  name: string,
  detail: string,
  impact: boolean | Impact,
): ApiChange {
  return { kind, subject, operation, name, detail, impact: impact === true ? "breaking" : impact === false ? "compatible" : impact };
}

function diffOperation(old: SurfaceOperation, now: SurfaceOperation): ApiChange[] {
  const op = now.name;
  const out: ApiChange[] = [];
  if (old.name !== now.name) out.push(change("changed", "operation", op, op, `renamed from ${old.name}`, true));
  if (operationLabel(old) !== operationLabel(now)) {
    out.push(change("changed", "operation", op, op, `${operationLabel(old)} → ${operationLabel(now)}`, true));
  }
  if (old.deprecated !== now.deprecated) {
    out.push(change("changed", "operation", op, op, now.deprecated ? "deprecated" : "no longer deprecated", false));
  }
  out.push(...diffParams(op, old.params, now.params));
  out.push(...diffBody(op, old, now));
  out.push(...diffResponses(op, old, now));
  out.push(...diffStatuses(op, old.statuses, now.statuses));
  const docs = docChanges(old, now);
  if (docs.length) out.push(change("changed", "operation", op, op, `${DOCS_DETAIL}: ${docs.join(", ")}`, false));
  return out;
}

const byKey = <T>(items: readonly T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]));
const paramKey = (p: SurfaceParam) => `${p.in}:${p.name}`;

function diffParams(op: string, before: readonly SurfaceParam[], after: readonly SurfaceParam[]): ApiChange[] {
  const out: ApiChange[] = [];
  const old = byKey(before, paramKey);
  const now = byKey(after, paramKey);
  for (const [key, p] of old) if (!now.has(key)) out.push(change("removed", "param", op, p.name, `${p.in}, ${p.type}`, true));
  for (const [key, p] of now) {
    const was = old.get(key);
    if (!was) {
      out.push(change("added", "param", op, p.name, `${p.in}, ${p.type}, ${p.required ? "required" : "optional"}`, p.required));
      continue;
    }
    if (was.required !== p.required)
      out.push(change("changed", "param", op, p.name, p.required ? "now required" : "now optional", p.required));
    if (was.type !== p.type) out.push(change("changed", "param", op, p.name, `type ${was.type} → ${p.type}`, true));
    out.push(...diffEnum(op, `param ${p.name}`, was.enum, p.enum, "input"));
  }
  return out;
}

/**
 * Enum values. For what callers send (`input`), a removed value breaks and a new one does not.
 * For what they read, a removed value breaks nothing, and a new value (or no list any more) may
 * reach an exhaustive switch: the "exhaustive" class.
 */
function diffEnum(
  op: string,
  of: string,
  before: readonly string[] | undefined,
  after: readonly string[] | undefined,
  side: "input" | "output",
): ApiChange[] {
  if (!before && !after) return [];
  if (!before) return [change("changed", "enum", op, of, `now restricted to ${after!.join(", ")}`, side === "input")];
  const widened: Impact = side === "input" ? "compatible" : "exhaustive";
  if (!after) return [change("changed", "enum", op, of, "no longer restricted to a list of values", widened)];
  const now = new Set(after);
  const was = new Set(before);
  return [
    ...before.filter((v) => !now.has(v)).map((v) => change("removed", "enum", op, v, `of ${of}`, side === "input")),
    ...after.filter((v) => !was.has(v)).map((v) => change("added", "enum", op, v, `of ${of}`, widened)),
  ];
}

function diffBody(op: string, old: SurfaceOperation, now: SurfaceOperation): ApiChange[] {
  const out: ApiChange[] = [];
  const a = old.body;
  const b = now.body;
  if (a && b) {
    if (!a.required && b.required) out.push(change("changed", "body field", op, "(body)", "body now required", true));
    if (a.required && !b.required) out.push(change("changed", "body field", op, "(body)", "body now optional", false));
    if (a.mediaType !== b.mediaType || a.type !== b.type) {
      out.push(change("changed", "body field", op, "(body)", `${a.mediaType} ${a.type} → ${b.mediaType} ${b.type}`, true));
    }
  } else if (a || b) {
    const body = (a ?? b)!;
    out.push(change(a ? "removed" : "added", "body field", op, "(body)", `${body.mediaType} ${body.type}`, a ? true : body.required));
  }
  out.push(...diffFields(op, "body field", "", a?.fields ?? [], b?.fields ?? []));
  return out;
}

function diffResponses(op: string, old: SurfaceOperation, now: SurfaceOperation): ApiChange[] {
  const out: ApiChange[] = [];
  const before = new Map(old.responses.map((r) => [r.status, r.fields]));
  for (const response of now.responses) {
    // A status that is new, or gone, is reported once as a status; its fields are not listed.
    const was = before.get(response.status);
    if (was) out.push(...diffFields(op, "response field", `${response.status}`, was, response.fields));
  }
  return out;
}

/**
 * Fields of a body (what callers send) or of a response (what they read). Only the top-most
 * added or removed field is listed: the fields under it come and go with it.
 */
function diffFields(
  op: string,
  subject: "body field" | "response field",
  where: string,
  before: readonly SurfaceField[],
  after: readonly SurfaceField[],
): ApiChange[] {
  const out: ApiChange[] = [];
  const input = subject === "body field";
  const old = byKey(before, (f) => f.name);
  const now = byKey(after, (f) => f.name);
  const at = (f: SurfaceField) => [where, f.type].filter(Boolean).join(", ");
  const underAny = (name: string, names: ReadonlySet<string>) =>
    [...names].some((n) => name.startsWith(`${n}.`) || name.startsWith(`${n}[]`));

  const removed = new Set([...old.keys()].filter((k) => !now.has(k)));
  const added = new Set([...now.keys()].filter((k) => !old.has(k)));
  // A field whose type changed takes its old and new children with it, too.
  const retyped = new Set([...now.keys()].filter((k) => old.has(k) && old.get(k)!.type !== now.get(k)!.type));
  const implied = (name: string, set: ReadonlySet<string>) => underAny(name, set) || underAny(name, retyped);
  for (const name of removed) if (!implied(name, removed)) out.push(change("removed", subject, op, name, at(old.get(name)!), true));
  for (const name of added) {
    const f = now.get(name)!;
    // A new field breaks a caller only when it must be sent (and is not under a new optional parent).
    if (!implied(name, added))
      out.push(
        change("added", subject, op, name, `${at(f)}${input ? (f.required ? ", required" : ", optional") : ""}`, input && f.required),
      );
  }
  for (const [name, f] of now) {
    const was = old.get(name);
    if (!was) continue;
    const label = where ? ` (${where})` : "";
    if (was.type !== f.type) out.push(change("changed", subject, op, name, `type ${was.type} → ${f.type}${label}`, true));
    if (was.nullable !== f.nullable) {
      // Null newly allowed breaks readers; newly refused breaks senders.
      out.push(
        change(
          "changed",
          subject,
          op,
          name,
          `${f.nullable ? "may now be null" : "no longer null"}${label}`,
          input ? !f.nullable : f.nullable,
        ),
      );
    }
    if (was.required !== f.required) {
      const detail = input ? (f.required ? "now required" : "now optional") : f.required ? "now always present" : "may now be absent";
      out.push(change("changed", subject, op, name, `${detail}${label}`, input ? f.required : !f.required));
    }
    out.push(...diffEnum(op, `${subject} ${name}`, was.enum, f.enum, input ? "input" : "output"));
  }
  return out;
}

/** A removed success status breaks code that reads it; a new one is a new case for a `switch` on the status. */
function diffStatuses(op: string, before: readonly number[], after: readonly number[]): ApiChange[] {
  const success = (s: number) => s >= 200 && s < 400;
  return [
    ...before
      .filter((s) => !after.includes(s))
      .map((s) => change("removed", "status", op, String(s), success(s) ? "success" : "error", success(s))),
    ...after
      .filter((s) => !before.includes(s))
      .map((s) => change("added", "status", op, String(s), success(s) ? "success" : "error", success(s) ? "exhaustive" : "compatible")),
  ];
}

/** What has a different description: the operation, a param, a body or response field. */
function docChanges(old: SurfaceOperation, now: SurfaceOperation): string[] {
  const out: string[] = [];
  if (old.doc !== now.doc) out.push("summary/description");
  const params = byKey(old.params, paramKey);
  for (const p of now.params) {
    const was = params.get(paramKey(p));
    if (was && was.doc !== p.doc) out.push(`param ${p.name}`);
  }
  const fieldDocs = (label: string, before: readonly SurfaceField[], after: readonly SurfaceField[]) => {
    const was = byKey(before, (f) => f.name);
    const names = after.filter((f) => was.has(f.name) && was.get(f.name)!.doc !== f.doc).map((f) => f.name);
    if (names.length)
      out.push(`${label} ${names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`}`);
  };
  fieldDocs("body field", old.body?.fields ?? [], now.body?.fields ?? []);
  const responses = new Map(old.responses.map((r) => [r.status, r.fields]));
  for (const r of now.responses) fieldDocs(`response field (${r.status})`, responses.get(r.status) ?? [], r.fields);
  return out;
}
