// GitHub-style error bodies: { message, documentation_url, status } (status is a string, as GitHub sends it).
import type { ApiResponse } from "./types.js";

export const DOCS_ROOT = "https://docs.github.com/rest";
export const API_VERSIONS_DOCS = "https://docs.github.com/rest/about-the-rest-api/api-versions";
export const RATE_LIMIT_DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

export function githubError(
  status: number,
  message: string,
  documentationUrl: string = DOCS_ROOT,
  extra: Record<string, unknown> = {},
): ApiResponse {
  return { status, json: { message, ...extra, documentation_url: documentationUrl, status: String(status) } };
}

export function notFound(documentationUrl: string = DOCS_ROOT): ApiResponse {
  return githubError(404, "Not Found", documentationUrl);
}

/** GitHub's "Validation Failed" shape, used for bad query parameters. */
export function validationFailed(
  documentationUrl: string,
  errors: Array<{ resource: string; field: string; code: string; message?: string }>,
): ApiResponse {
  return githubError(422, "Validation Failed", documentationUrl, { errors });
}

/** GitHub's JSON-schema style 422 for request bodies: "Invalid request.\n\n<detail>". */
export function invalidRequest(documentationUrl: string, detail: string): ApiResponse {
  return githubError(422, `Invalid request.\n\n${detail}`, documentationUrl);
}
