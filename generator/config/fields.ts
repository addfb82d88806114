// A small vocabulary for reading a config value: each field checks one value, reports what is
// wrong with it (where, what, how to fix) and returns it typed, or undefined. Every problem is
// reported, not just the first: an object reads all its keys whatever the others hold.
import { closestWord } from "./closest.js";

export type Pointer = readonly (string | number)[];
export type Report = (at: Pointer, message: string, hint: string) => void;
export type Field<T> = (value: unknown, at: Pointer, report: Report) => T | undefined;

/** `package.name`, `allowRefFolders[1]`: how a key is named in messages. */
export function keyName(at: Pointer): string {
  return at.map((s, i) => (typeof s === "number" ? `[${s}]` : i ? `.${s}` : s)).join("") || "the config";
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "boolean") return `${value}`;
  return `a ${typeof value}`;
}

/**
 * A string of 1 to `maxLength` characters with no control character (a NUL or a line break in
 * a path, a header or package.json is never meant); `check` returns what else is wrong, if anything.
 */
export function text(
  example: string,
  check?: (value: string) => { message: string; hint: string } | undefined,
  maxLength = 1024,
): Field<string> {
  return (value, at, report) => {
    if (typeof value !== "string") {
      report(at, `${keyName(at)} must be a string, not ${kindOf(value)}`, `for example: ${example}`);
      return undefined;
    }
    const bad =
      value.length === 0
        ? { message: `${keyName(at)} is empty`, hint: `give a value, for example: ${example}; or remove the key` }
        : value.length > maxLength
          ? { message: `${keyName(at)} is longer than ${maxLength} characters`, hint: `for example: ${example}` }
          : hasControlCharacter(value)
            ? {
                message: `${keyName(at)} holds a control character (a line break, a tab or a NUL)`,
                hint: `write it on one line, for example: ${example}`,
              }
            : prefixed(at, check?.(value));
    if (bad) {
      report(at, bad.message, bad.hint);
      return undefined;
    }
    return value;
  };
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20 || value.charCodeAt(i) === 0x7f) return true;
  return false;
}

/** A check's message names no key: it is put in front. */
function prefixed(at: Pointer, problem: { message: string; hint: string } | undefined) {
  return problem && { ...problem, message: `${keyName(at)}: ${problem.message}` };
}

/** One of a few words. */
export function oneOf<T extends string>(words: readonly T[]): Field<T> {
  const list = words.map((w) => JSON.stringify(w)).join(" or ");
  return text(words[0]!, (value) =>
    (words as readonly string[]).includes(value)
      ? undefined
      : {
          message: `${JSON.stringify(value)} is not a valid value`,
          hint: `use ${list}${closestWord(value, words) ? `; did you mean ${JSON.stringify(closestWord(value, words))}?` : ""}`,
        },
  ) as Field<T>;
}

/** A list of at most `max` values, each read by `item`. */
export function listOf<T>(item: Field<T>, example: string, max = 64): Field<T[]> {
  return (value, at, report) => {
    if (!Array.isArray(value)) {
      report(at, `${keyName(at)} must be a list, not ${kindOf(value)}`, `for example: ${example}`);
      return undefined;
    }
    if (value.length > max) {
      report(at, `${keyName(at)} has ${value.length} entries, more than ${max}`, "list only the folders the spec needs");
      return undefined;
    }
    const items: T[] = [];
    value.forEach((v, i) => {
      const read = item(v, [...at, i], report);
      if (read !== undefined) items.push(read);
    });
    return items.length === value.length ? items : undefined;
  };
}

export type Shape = Readonly<Record<string, Field<unknown>>>;
export type Read<S extends Shape> = { readonly [K in keyof S]?: S[K] extends Field<infer T> ? T : never };

/** An object with only the keys of `shape`, all optional; an unknown key is reported with the nearest known one. */
export function objectOf<S extends Shape>(shape: S, example: string): Field<Read<S>> {
  const known = Object.keys(shape);
  return (value, at, report) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      report(at, `${keyName(at)} must be an object (keys and values), not ${kindOf(value)}`, `for example: ${example}`);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    let valid = true;
    for (const [key, item] of Object.entries(value)) {
      const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (!field) {
        const near = closestWord(key, known);
        const where = at.length ? ` in ${keyName(at)}` : "";
        // A key from a hostile file is quoted, shortened: a message stays one readable line.
        const shown = JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key);
        report(
          [...at, key],
          `unknown key ${shown}${where}`,
          `${near ? `did you mean ${JSON.stringify(near)}? ` : ""}the known keys are ${known.join(", ")}`,
        );
        valid = false;
        continue;
      }
      const read = field(item, [...at, key], report);
      if (read === undefined) valid = false;
      else out[key] = read;
    }
    return valid ? (out as Read<S>) : undefined;
  };
}
