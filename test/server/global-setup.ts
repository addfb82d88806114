// vitest globalSetup: one fake GitHub server for the whole run. Test files read its origins with
// inject("githubServerUrl") / inject("githubDownloadsUrl") and steer it through /__control/*
// (see control-client.ts), since they run in other workers than this module.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startGitHubServer } from "./server.js";

declare module "vitest" {
  export interface ProvidedContext {
    githubServerUrl: string;
    githubDownloadsUrl: string;
  }
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const server = await startGitHubServer();
  provide("githubServerUrl", server.url);
  provide("githubDownloadsUrl", server.downloadsUrl);
  return async () => {
    await server.close();
  };
}
