// An API's identity (model/identity.ts) and how it is emitted: profile detection, server resolution,
// security schemes and requirements, the profile module, neutral error names; and the types a
// generic client gets (no servers: `baseUrl` required; `auth` keyed by the description's schemes).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSettings } from "../../generator/config/settings.js";
import { apiBlock, emitProfile, PROFILE_SOURCES } from "../../generator/emit/profile-module.js";
import { formatText } from "../../generator/emit/prettier.js";
import { withNeutralNames } from "../../generator/emit/neutral-names.js";
import { operationSpec } from "../../generator/emit/operation-spec.js";
import { apiIdentity, detectProfile, firstServer, securityOf, securitySchemes, type ApiIdentity } from "../../generator/model/identity.js";
import { RUNTIME_DIR } from "../../generator/paths.js";
import { generate, loadModel, type GenerateResult } from "../../generator/pipeline.js";
import { strictProgram } from "./strict-program.js";

const server = (url: string, variables?: object) => ({ servers: [{ url, ...(variables ? { variables } : {}) }] });

describe("firstServer", () => {
  it.each([
    ["a plain URL, trailing slash dropped", server("https://api.example.com/v1/"), "https://api.example.com/v1"],
    [
      "variables resolved to their defaults",
      server("https://{region}.example.com:{port}/{base}", { region: { default: "eu" }, port: { default: 8443 }, base: { default: "v2" } }),
      "https://eu.example.com:8443/v2",
    ],
    ["a variable without a default", server("https://{region}.example.com", { region: { enum: ["eu"] } }), undefined],
    ["an undeclared variable", server("https://{region}.example.com"), undefined],
    ["a relative server", server("/v1"), undefined],
    ["a non-http server", server("ftp://files.example.com"), undefined],
    ["credentials in the URL", server("https://user:pw@api.example.com"), undefined],
    ["a query", server("https://api.example.com/?x=1"), undefined],
    ["no servers", {}, undefined],
    ["a server without url", { servers: [{ description: "x" }] }, undefined],
    ["a variable named like an Object method", server("https://{constructor}.example.com"), undefined],
  ])("%s", (_name, document, want) => {
    expect(firstServer(document)).toBe(want);
  });
});

describe("profile", () => {
  it("is github for api.github.com as first server, else generic; the config wins", () => {
    expect(detectProfile("https://api.github.com")).toBe("github");
    expect(detectProfile("https://api.example.com")).toBe("generic");
    expect(detectProfile("https://github.example.com/api/v3")).toBe("generic");
    expect(detectProfile(undefined)).toBe("generic");
    const github = server("https://api.github.com/");
    expect(apiIdentity(github, {}, "p").profile).toBe("github");
    expect(apiIdentity(github, { profile: "generic" }, "p").profile).toBe("generic");
    expect(apiIdentity({}, { profile: "github" }, "p")).toMatchObject({
      baseUrl: "https://api.github.com",
      userAgent: "gh-actions-client",
    });
  });

  it("takes baseUrl and userAgent from the config first, then the description, then the package name", () => {
    const doc = server("https://api.example.com");
    expect(apiIdentity(doc, {}, "pets-client")).toMatchObject({ baseUrl: "https://api.example.com", userAgent: "pets-client" });
    expect(apiIdentity(doc, { baseUrl: "http://127.0.0.1:1/x", userAgent: "me/1" }, "p")).toMatchObject({
      baseUrl: "http://127.0.0.1:1/x",
      userAgent: "me/1",
    });
    expect(apiIdentity({}, {}, "p").baseUrl).toBeUndefined();
  });

  it("comes from the config file's profile, baseUrl and userAgent keys", () => {
    const config = {
      file: "/cwd/c.yaml",
      spec: "/cwd/s.yaml",
      out: "/cwd/out",
      profile: "generic",
      baseUrl: "https://a.example",
      userAgent: "ua",
    } as const;
    const settings = runSettings({}, config, "/cwd");
    expect("identity" in settings && settings.identity).toEqual({ profile: "generic", baseUrl: "https://a.example", userAgent: "ua" });
  });
});

describe("security", () => {
  const document = {
    components: {
      securitySchemes: {
        key: { type: "apiKey", in: "header", name: "X-Key" },
        q: { type: "apiKey", in: "query", name: "k" },
        c: { type: "apiKey", in: "cookie", name: "sid" },
        basic: { type: "http", scheme: "Basic" },
        bearer: { type: "http", scheme: "bearer" },
        digest: { type: "http", scheme: "digest" },
        oauth: { type: "oauth2", flows: {} },
        oidc: { type: "openIdConnect", openIdConnectUrl: "https://id.example.com" },
        tls: { type: "mutualTLS" },
        badIn: { type: "apiKey", in: "body", name: "x" },
        ref: { $ref: "#/components/securitySchemes/bearer" },
        // No request can carry these header and cookie names; a query name is only encoded.
        spaced: { type: "apiKey", in: "header", name: "X Vault Key" },
        semicolon: { type: "apiKey", in: "cookie", name: "a;b" },
        spacedQuery: { type: "apiKey", in: "query", name: "api key" },
        // A computed key: `__proto__:` in a literal would set the prototype, as it would in `auth`.
        ["__proto__"]: { type: "http", scheme: "bearer" },
      },
    },
  };

  it("reads the schemes a client can send, sorted; digest, mutualTLS, bad apiKeys and __proto__ are left out", () => {
    expect(securitySchemes(document)).toEqual([
      { name: "basic", place: "basic" },
      { name: "bearer", place: "bearer" },
      { name: "c", place: "cookie", key: "sid" },
      { name: "key", place: "header", key: "X-Key" },
      { name: "oauth", place: "bearer" },
      { name: "oidc", place: "bearer" },
      { name: "q", place: "query", key: "k" },
      { name: "ref", place: "bearer" },
      { name: "spacedQuery", place: "query", key: "api key" },
    ]);
  });

  it("reads requirements as alternatives of scheme names; [] is none, {} an anonymous alternative", () => {
    expect(securityOf([{ key: [], bearer: [] }, {}, { oauth: ["read"] }])).toEqual([["key", "bearer"], [], ["oauth"]]);
    expect(securityOf([])).toEqual([]);
    expect(securityOf(undefined)).toBeUndefined();
    expect(apiIdentity({}, {}, "p").security).toEqual([]);
  });

  it("puts an operation's own security and non-JSON Accept into a generic spec literal, never into GitHub's", async () => {
    const { model } = await loadModel("test/fixtures/identity/vault.yaml");
    const byName = (name: string) => model.operations.find((op) => op.name === name)!;
    expect(operationSpec(byName("getHealth"), "generic")).toMatchObject({ security: [] });
    expect(operationSpec(byName("getStats"), "generic")).toMatchObject({ accept: "text/plain", security: [["basicAuth"], ["oauth"]] });
    expect(operationSpec(byName("getItem"), "generic")).not.toHaveProperty("security");
    expect(operationSpec(byName("getItem"), "generic")).not.toHaveProperty("accept");
    expect(operationSpec(byName("getStats"))).not.toHaveProperty("security");
    expect(operationSpec(byName("getStats"))).not.toHaveProperty("accept");
  });
});

describe("the profile module", () => {
  const github: ApiIdentity = {
    profile: "github",
    baseUrl: "https://api.github.com",
    userAgent: "gh-actions-client",
    schemes: [],
    security: [],
  };
  const sample: ApiIdentity = {
    profile: "generic",
    baseUrl: "https://api.example.com",
    userAgent: "api-client",
    schemes: [{ name: "bearerAuth", place: "bearer" }],
    security: [["bearerAuth"], []],
  };

  it("writes, for each source's own sample identity, exactly the block that source holds", () => {
    expect(readFileSync(RUNTIME_DIR + "profile.ts", "utf8")).toContain(apiBlock(github));
    expect(readFileSync(RUNTIME_DIR + "profile-generic.ts", "utf8")).toContain(apiBlock(sample));
  });

  it("is GitHub's source byte for byte for spec/'s identity, and the generic source with the API's block otherwise", async () => {
    expect((await emitProfile(github)).contents).toBe(
      "// Generated by github-actions-client-generator from the OpenAPI spec. Do not edit: change the spec and run `npm run generate`.\n" +
        readFileSync(RUNTIME_DIR + "profile.ts", "utf8"),
    );
    const generic = (
      await emitProfile({
        ...sample,
        baseUrl: undefined,
        schemes: [{ name: "api-key", place: "header", key: "X-Key" }],
        security: [["api-key"]],
      })
    ).contents;
    expect(generic).toContain('export const DEFAULT_BASE_URL: string = "";');
    expect(generic).toContain('export const SCHEMES: Readonly<Record<string, Scheme>> = { "api-key": ["header", "X-Key"] };');
    expect(generic).toContain('  readonly "api-key"?: Credential;');
    expect(generic).toContain("  readonly baseUrl: string;");
    expect(generic).not.toContain("x-github");
  });

  // Prettier is skipped when the block is in its layout: the output must then be what prettier prints.
  it.each([
    ["spec/'s", github],
    ["a GitHub Enterprise", { ...github, baseUrl: "https://ghe.example.com/api/v3", userAgent: "my-ghe-client" }],
    ["a generic API's", { ...sample, schemes: [...sample.schemes, { name: "key", place: "query", key: "api_key" }] }],
    ["a quoted scheme's", { ...sample, schemes: [{ name: "api-key", place: "header", key: "X-Key" }], security: [["api-key"]] }],
    ["a long URL's", { ...sample, baseUrl: `https://${"very-long-host-name.".repeat(6)}example.com/v1` }],
    ["an escaped user agent's", { ...sample, userAgent: 'say "hi"' }],
  ] as [string, ApiIdentity][])("for %s identity, is in prettier's layout", async (_, identity) => {
    const { contents } = await emitProfile(identity);
    expect(await formatText(RUNTIME_DIR + PROFILE_SOURCES[identity.profile], contents)).toBe(contents);
  });
});

describe("neutral names", () => {
  it.each([
    ["GitHubError", "ApiClientError"],
    ["GitHubApiError", "ApiError"],
    ["GitHubErrorBody", "ApiErrorBody"],
    ["GitHubRateLimitError", "RateLimitError"],
    ["GitHubSizeLimitError", "SizeLimitError"],
    ["GitHubPermissionError", "PermissionError"],
    ['[GitHubNetworkError, "GitHubNetworkError"]', '[NetworkError, "NetworkError"]'],
    ["MyGitHubError GitHubErrors", "MyGitHubError GitHubErrors"],
  ])("%s → %s", (from, to) => {
    expect(withNeutralNames(from)).toBe(to);
  });
});

describe("a generic client's types", () => {
  let root: string;
  const results: Record<string, GenerateResult> = {};
  const USAGE = {
    vault: `
      import { createClient, getItem, type ApiError } from "./dist/index.js";
      createClient();
      createClient({});
      createClient({ auth: { headerKey: "k", basicAuth: { username: "u", password: "p" }, oauth: async () => "t" } });
      // @ts-expect-error a key that is not one of the description's schemes
      createClient({ auth: { token: "t" } });
      // @ts-expect-error basic takes { username, password }
      createClient({ auth: { basicAuth: "u:p" } });
      // @ts-expect-error GitHub's option does not exist here
      createClient({ token: "t" });
      void getItem(createClient(), { id: "1" }).catch((e: ApiError) => e.status);
    `,
    "no-servers": `
      import { createClient } from "./dist/index.js";
      // @ts-expect-error no server: baseUrl is required
      createClient({});
      // @ts-expect-error no server: baseUrl is required
      createClient();
      createClient({ baseUrl: "https://api.example.com" });
    `,
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "identity-types-"));
    for (const name of Object.keys(USAGE) as (keyof typeof USAGE)[]) {
      results[name] = await generate(`test/fixtures/identity/${name}.yaml`, join(root, name), { package: { name: `${name}-client` } });
      for (const file of [...results[name].files, { path: "usage.ts", contents: USAGE[name] }]) {
        mkdirSync(dirname(join(root, name, file.path)), { recursive: true });
        writeFileSync(join(root, name, file.path), file.contents);
      }
    }
  }, 120_000);
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("type-check under --strict: baseUrl required without servers, auth keyed by the schemes (each @ts-expect-error is an error)", () => {
    const roots = Object.keys(USAGE).flatMap((name) => [
      ...results[name]!.files.filter((f) => f.path.endsWith(".ts")).map((f) => join(root, name, f.path)),
      join(root, name, "usage.ts"),
    ]);
    const problems = ts.getPreEmitDiagnostics(strictProgram(roots)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  it("refuses a missing baseUrl at run time too, with a clear TypeError", async () => {
    const { createClient } = (await import(pathToFileURL(join(root, "no-servers", "dist/index.js")).href)) as {
      createClient: (o?: object) => unknown;
    };
    expect(() => createClient({})).toThrow(
      new TypeError(
        'createClient: baseUrl is required: the API description names no server to send requests to (createClient({ baseUrl: "https://…" }))',
      ),
    );
    expect(createClient({ baseUrl: "https://api.example.com" })).toMatchObject({ baseUrl: "https://api.example.com" });
  });

  it("have a README about the API: its server, its schemes, neutral error names, nothing of GitHub", () => {
    const readme = results.vault!.files.find((f) => f.path === "README.md")!.contents;
    expect(readme).toContain("Requests go to `https://eu.vault.example.com/v2`");
    expect(readme).toContain("- `queryKey`: an API key, sent as the `api_key` query parameter.");
    expect(readme).toContain("`ApiError`");
    // The first line names the generator (github-actions-client-generator), not the API.
    expect(readme.split("\n").slice(1).join("\n")).not.toMatch(/github/i);
    const noServers = results["no-servers"]!.files.find((f) => f.path === "README.md")!.contents;
    expect(noServers).toContain("`createClient({ baseUrl })` is required");
  });

  it("have a package.json that npm does not list under github", () => {
    const manifest = JSON.parse(results.vault!.files.find((f) => f.path === "package.json")!.contents) as Record<string, unknown>;
    expect(manifest.keywords).toEqual(["openapi", "rest", "api", "client", "typescript"]);
    // Only the generator's name in the header comment may say github.
    expect(JSON.stringify({ ...manifest, "//": undefined })).not.toMatch(/github/i);
  });
});
