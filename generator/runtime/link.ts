// RFC 8288 Link header parsing, just enough for pagination: <url>; rel="next last", …

/** The pagination targets of a `Link` header, URLs exactly as given. */
export interface Links {
  readonly next?: string;
  readonly prev?: string;
  readonly first?: string;
  readonly last?: string;
}

/**
 * Parses a `Link` header. Commas inside `<…>` and inside quoted parameter values do not split
 * links; `rel` may list several relations (`rel="next last"`); the first link for a relation wins.
 */
export function parseLink(header: string | null | undefined): Links {
  const out: { -readonly [K in keyof Links]: string } = {};
  if (!header) return out;
  const n = header.length;
  let i = 0;
  while (i < n) {
    const lt = header.indexOf("<", i);
    if (lt < 0) break;
    const gt = header.indexOf(">", lt + 1);
    if (gt < 0) break;
    const url = header.slice(lt + 1, gt);
    let rel: string | undefined;
    i = gt + 1;
    // Parameters: `; name=value` or `; name="quoted, value"`, up to a comma outside quotes.
    while (i < n && header[i] !== ",") {
      if (header[i] !== ";") {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && header[j] !== "=" && header[j] !== ";" && header[j] !== ",") j++;
      const name = header.slice(i + 1, j).trim().toLowerCase();
      let value = "";
      if (header[j] === "=") {
        j++;
        while (header[j] === " " || header[j] === "\t") j++;
        if (header[j] === '"') {
          const start = j + 1;
          for (j = start; j < n && header[j] !== '"'; j++) if (header[j] === "\\") j++;
          value = header.slice(start, j);
          // Unescape quoted-pairs (rare) only when there are any.
          if (value.includes("\\")) value = value.replace(/\\(.)/g, "$1");
          j++;
        } else {
          const start = j;
          while (j < n && header[j] !== ";" && header[j] !== ",") j++;
          value = header.slice(start, j).trim();
        }
      }
      // RFC 8288: only the first rel parameter of a link counts.
      if (name === "rel" && rel === undefined) rel = value;
      i = j;
    }
    i++;
    if (rel !== undefined) {
      for (const r of rel.toLowerCase().split(/[ \t]+/)) {
        const key = r === "previous" ? "prev" : r;
        if ((key === "next" || key === "prev" || key === "first" || key === "last") && out[key] === undefined) {
          out[key] = url;
        }
      }
    }
  }
  return out;
}
