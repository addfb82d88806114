export * from "./runtime/index.js";
export * from "./pagination.js";
export * from "./schemas.js";
export * from "./operations/concurrency-groups.js";
export * from "./operations/workflow-runs.js";
export type { components, operations, paths, webhooks } from "./types.js";
