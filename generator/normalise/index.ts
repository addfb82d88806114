// The normalise stage (between check and model): rewrites a checked document into a form that
// every emitter handles. Each rewrite returns the document it was given when it has nothing to
// do, so that a document that needs none stays the very object the loader made (the types worker
// is then sent its file's text, which is cheaper than a copy).
import type { Json } from "../document/json.js";
import { hoistDeepRefs } from "./hoist-deep-refs.js";

const REWRITES: readonly ((document: Json) => Json)[] = [hoistDeepRefs];

export function normalise(document: Json): Json {
  return REWRITES.reduce((current, rewrite) => rewrite(current), document);
}
