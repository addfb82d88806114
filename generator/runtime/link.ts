// RFC 8288 Link header parsing, just enough for pagination: <url>; rel="next last", …

/** The pagination targets of a `Link` header, URLs exactly as given. */
export interface Links {
  readonly next?: string;
  readonly prev?: string;
  readonly first?: string;
  readonly last?: string;
}

// One token of a Link header: `<url>` (1), a parameter `; name` (2) with an optional value, quoted
// (3, where `\"` escapes a quote) or bare (4), or the `,` between links. A quoted value is one
// token, so commas and angle brackets inside it split nothing; anything else is skipped.
const TOKEN = /<([^>]*)>|;\s*([^\s=;,]+)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^;,]*)))?|,/g;

/**
 * Parses a `Link` header. `rel` may list several relations (`rel="next last"`); only the first
 * `rel` parameter of a link counts, and the first link for a relation wins.
 */
export function parseLink(header: string | null | undefined): Links {
  const out: { -readonly [K in keyof Links]: string } = {};
  // The link whose parameters are being read; none after a `,`, or once its rel is read.
  let url: string | undefined;
  for (const [token, target, name, quoted, bare] of (header ?? "").matchAll(TOKEN)) {
    if (target !== undefined) url = target;
    else if (token === ",") url = undefined;
    else if (url !== undefined && name!.toLowerCase() === "rel") {
      const rel = quoted === undefined ? (bare ?? "").trim() : quoted.replace(/\\(.)/g, "$1");
      for (const r of rel.toLowerCase().split(/[ \t]+/)) {
        const key = r === "previous" ? "prev" : r;
        if (key === "next" || key === "prev" || key === "first" || key === "last") out[key] ??= url;
      }
      url = undefined;
    }
  }
  return out;
}
