// Header checks made before any request. Given a bad value, fetch throws a TypeError that quotes
// it (a token included) in its message, and the retry loop would send it again; these errors name
// the header, never its value, and are thrown before the loop.

/** What fetch refuses in a header value: CR, LF, NUL and characters beyond U+00FF. */
const BAD_VALUE = /[\0\r\n\u0100-\uffff]/;

/** An HTTP header name is an RFC 9110 token. */
const NAME = /^[!#$%&'*+.^_`|~\w-]+$/;

/** Throws a TypeError naming `what` (and not quoting `value`) when `value` cannot be a header value. */
export function checkHeaderValue(what: string, value: string): void {
  if (BAD_VALUE.test(value))
    throw new TypeError(
      `${what} has CR, LF, NUL or a character beyond U+00FF, which no HTTP header can carry (not shown)`,
    );
}

/** Sets `headers[name]`, lower-cased so that it replaces ours, after checking the name and the value. */
export function setHeader(headers: Record<string, string>, name: string, value: string): void {
  if (!NAME.test(name)) throw new TypeError(`header ${JSON.stringify(name)}: not a header name`);
  checkHeaderValue(`header "${name}"`, value);
  headers[name.toLowerCase()] = value;
}
