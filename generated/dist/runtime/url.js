/**
 * Encodes one path parameter as exactly one path segment: `/`, `?`, `#`, spaces and non-ASCII are
 * percent-encoded, so `deploy/prod eu?#..` arrives as one segment and round-trips.
 *
 * `.` and `..` are refused: the WHATWG URL parser (used by every fetch) treats them, and their
 * percent-encoded forms `%2E` / `%2E%2E` alike, as dot segments and removes them, which would send
 * the request, credentials included, to a different endpoint. No encoding survives that.
 */
export function encodePathParam(value, name, spec) {
    if (value === undefined || value === null || value === "") {
        throw new TypeError(`${spec.id}: missing required path parameter "${name}"`);
    }
    const s = encodeURIComponent(value);
    // A literal `%2E` in a value is encoded to `%252E`, so only exact `.` and `..` can form dot segments.
    if (s === "." || s === "..") {
        throw new TypeError(`${spec.id}: path parameter "${name}" cannot be "${s}": fetch would drop it as a dot segment`);
    }
    return s;
}
/** Serializes `spec.queryParams` GitHub-style: skips null/undefined, arrays comma-joined, values encoded. */
export function buildQuery(spec, params) {
    const keys = spec.queryParams;
    if (keys === undefined)
        return "";
    let q = "";
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const v = params[key];
        if (v === undefined || v === null)
            continue;
        let s;
        if (Array.isArray(v)) {
            if (v.length === 0)
                continue;
            s = v.map(encodeURIComponent).join(",");
        }
        else {
            // encodeURIComponent stringifies numbers and booleans (`true`/`false`) itself.
            s = encodeURIComponent(v);
        }
        q += (q === "" ? "?" : "&") + key + "=" + s;
    }
    return q;
}
/** `baseUrl` + the path with its parameters filled in + the query string. */
export function buildUrl(baseUrl, spec, params) {
    let path = spec.path;
    const names = spec.pathParams;
    if (names !== undefined) {
        for (let i = 0; i < names.length; i++) {
            const name = names[i];
            // A string pattern replaces literally; encoded values never contain `$`, so no `$&` surprises.
            path = path.replace("{" + name + "}", encodePathParam(params[name], name, spec));
        }
    }
    return baseUrl + path + buildQuery(spec, params);
}
