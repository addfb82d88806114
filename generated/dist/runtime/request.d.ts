import type { ApiResponse, Client, OperationSpec, RequestOptions } from "./types.js";
/** Calls an operation: fills path, query, headers and body from the flat `params`. */
export declare function request(client: Client, spec: OperationSpec, params: object | undefined, options?: RequestOptions): Promise<ApiResponse>;
/**
 * GETs an absolute URL exactly as given (pagination's Link rel="next" targets), with the same
 * headers, retries and errors as `request`. Refuses a URL on another origin than `client.baseUrl`,
 * so that the token is never sent to another host.
 */
export declare function send(client: Client, spec: OperationSpec, url: string, options?: RequestOptions): Promise<ApiResponse>;
