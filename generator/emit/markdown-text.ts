// Spec text placed into the generated README. The spec may come from a pull request, and a
// README is rendered as HTML (npm, GitHub): its text must stay text. The Markdown characters
// that start a link, an image, code or emphasis are escaped, HTML's three special characters
// become entities, line breaks become spaces, and a link target is kept only if it is an
// http(s) URL. Parentheses, `#` and `!` do nothing without a `[` before them, and stay as
// they are, so ordinary text ("permissions (write)") is written unchanged.

/** Markdown and HTML characters, escaped so that the text renders as written, on one line. */
export function markdownText(text: string): string {
  return text
    .replace(/\s*[\r\n\u2028\u2029]\s*/g, " ")
    .replace(/[\\`*_[\]~]/g, "\\$&")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/**
 * The URL as a Markdown link target when it is http(s), or undefined (`javascript:`, `data:`,
 * relative paths, anything unparsable). Characters that would end the target (or a JSDoc
 * `{@link …}`) are percent-encoded.
 */
export function httpLinkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
  return parsed.href.replace(/[()<>{}\s\\`"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** A Markdown code span that holds `text` as written: its fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, " ");
  const fence = "`".repeat(Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = /^`|`$/.test(oneLine) ? " " : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}
