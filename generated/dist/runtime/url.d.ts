import type { OperationSpec } from "./types.js";
type Params = Readonly<Record<string, unknown>>;
/**
 * Encodes one path parameter as exactly one path segment: `/`, `?`, `#`, spaces and non-ASCII are
 * percent-encoded, so `deploy/prod eu?#..` arrives as one segment and round-trips.
 *
 * `.` and `..` are refused: the WHATWG URL parser (used by every fetch) treats them, and their
 * percent-encoded forms `%2E` / `%2E%2E` alike, as dot segments and removes them, which would send
 * the request, credentials included, to a different endpoint. No encoding survives that.
 */
export declare function encodePathParam(value: unknown, name: string, spec: OperationSpec): string;
/** Serializes `spec.queryParams` GitHub-style: skips null/undefined, arrays comma-joined, values encoded. */
export declare function buildQuery(spec: OperationSpec, params: Params): string;
/** `baseUrl` + the path with its parameters filled in + the query string. */
export declare function buildUrl(baseUrl: string, spec: OperationSpec, params: Params): string;
export {};
