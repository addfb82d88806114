// A client generated from a non-GitHub description (test/fixtures/identity/vault.yaml), called over
// real HTTP on 127.0.0.1: it goes to the description's server by default (moved to 127.0.0.1 by the
// config's baseUrl, as `baseUrl:` in openapi-client.config.yaml does), sends each security scheme
// where it belongs and only what an operation's `security` names, sends no GitHub header, gives no
// credential to another origin, and never shows a query API key.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/pipeline.js";
import { errorViews, rejection } from "./harness.js";

const KEY = "vk_H3aderKey0123456789";
const QUERY_KEY = "qk_Qu3ryKey0123456789";
const COOKIE = "ck_C00kie0123456789";
const BEARER = "bt_B3arer0123456789";
const OAUTH = "oa_0auth0123456789";
const PASSWORD = "pässwörd-S3cr3t";
const SECRETS = [KEY, QUERY_KEY, COOKIE, BEARER, OAUTH, PASSWORD, encodeURIComponent(QUERY_KEY)];

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
}

/** A server that records every request and answers by path. */
function startServer(answer: (req: IncomingMessage, res: ServerResponse, port: number) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers });
    answer(req, res, (server.address() as AddressInfo).port);
  });
  return new Promise<{ server: Server; seen: Seen[]; origin: string }>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, seen, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain" : "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

let api: Awaited<ReturnType<typeof startServer>>;
let elsewhere: Awaited<ReturnType<typeof startServer>>;
let root: string;
let result: GenerateResult;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the package is generated at run time
let pkg: Record<string, any>;

beforeAll(async () => {
  elsewhere = await startServer((_req, res) => send(res, 200, { id: "elsewhere", name: "x" }));
  api = await startServer((req, res, port) => {
    const url = new URL(req.url!, `http://127.0.0.1:${port}`);
    const path = url.pathname;
    if (path === "/v2/items/away") return send(res, 302, "", { location: `${elsewhere.origin}/v2/items/1?api_key=none` });
    if (path === "/v2/items/moved") return send(res, 302, "", { location: "/v2/items/1" });
    if (path === "/v2/items/broken") return send(res, 500, { message: "broken" });
    if (path === "/v2/admin/stats") return send(res, 200, "42 items");
    if (path === "/v2/search") {
      // Echoes the query (api_key included) in its next link, as many servers do.
      if (url.searchParams.get("page") === "2") return send(res, 404, { message: "gone" });
      if (url.searchParams.get("q") === "fail") return send(res, 400, { message: "bad query" });
      return send(res, 200, [{ id: "1", name: "a" }], { link: `<${url.pathname}${url.search}&page=2>; rel="next"` });
    }
    return send(res, 200, path === "/v2/items" ? [] : { id: "1", name: "a", ok: true, user: "me" });
  });
  root = mkdtempSync(join(tmpdir(), "identity-"));
  result = await generate("test/fixtures/identity/vault.yaml", root, {
    package: { name: "vault-client" },
    identity: { baseUrl: `${api.origin}/v2` },
  });
  for (const file of result.files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.contents);
  }
  pkg = (await import(pathToFileURL(join(root, "dist/index.js")).href)) as Record<string, unknown>;
}, 120_000);

afterAll(() => {
  api?.server.close();
  elsewhere?.server.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  api.seen.length = 0;
  elsewhere.seen.length = 0;
});

const ALL = {
  headerKey: KEY,
  queryKey: QUERY_KEY,
  cookieKey: COOKIE,
  bearerAuth: BEARER,
  basicAuth: { username: "ann", password: PASSWORD },
  oauth: OAUTH,
};

/** The credentials a request carried: each header that can hold one, and the query key. */
function credentialsOf(seen: Seen) {
  return {
    authorization: seen.headers.authorization,
    key: seen.headers["x-vault-key"],
    cookie: seen.headers.cookie,
    query: new URL(seen.url, "http://x").searchParams.get("api_key"),
  };
}

const NONE = { authorization: undefined, key: undefined, cookie: undefined, query: null };

describe("a client of a non-GitHub API", () => {
  it("calls the description's server by default: its variables resolved, or the config's baseUrl", () => {
    const profile = result.files.find((f) => f.path === "src/runtime/profile.ts")!.contents;
    expect(profile).toContain(`export const DEFAULT_BASE_URL: string = "${api.origin}/v2";`);
    expect(profile).toContain('export const DEFAULT_USER_AGENT: string = "vault-client";');
  });

  it("sends the first alternative of the default security the caller has credentials for, and no GitHub header", async () => {
    const client = pkg.createClient({ auth: ALL });
    const { status, data } = await pkg.getItem(client, { id: "1" });
    expect({ status, data }).toEqual({ status: 200, data: { id: "1", name: "a", ok: true, user: "me" } });
    const [seen] = api.seen;
    expect(seen!.url).toBe("/v2/items/1");
    expect(credentialsOf(seen!)).toEqual({ ...NONE, key: KEY });
    expect(seen!.headers.accept).toBe("application/json");
    expect(seen!.headers["user-agent"]).toBe("vault-client");
    expect(Object.keys(seen!.headers).filter((name) => /github/i.test(name))).toEqual([]);

    // Without the header key, the second alternative: bearer.
    await pkg.getItem(pkg.createClient({ auth: { bearerAuth: BEARER } }), { id: "1" });
    expect(credentialsOf(api.seen[1]!)).toEqual({ ...NONE, authorization: `Bearer ${BEARER}` });
  });

  it("sends each scheme where it belongs: query key, cookie, basic, oauth2 as bearer", async () => {
    const client = pkg.createClient({ auth: ALL });
    await pkg.search(client, { q: "a b" });
    await pkg.getSession(client, {});
    await pkg.getStats(client, {});
    await pkg.getStats(pkg.createClient({ auth: { oauth: async () => OAUTH } }), {});
    const [search, session, basic, oauth] = api.seen.map(credentialsOf);
    expect(api.seen[0]!.url).toBe(`/v2/search?q=a%20b&api_key=${QUERY_KEY}`);
    expect(search).toEqual({ ...NONE, query: QUERY_KEY });
    expect(session).toEqual({ ...NONE, cookie: `vault_session=${COOKIE}` });
    expect(basic).toEqual({ ...NONE, authorization: "Basic " + Buffer.from(`ann:${PASSWORD}`, "utf8").toString("base64") });
    expect(oauth).toEqual({ ...NONE, authorization: `Bearer ${OAUTH}` });
    // A text/plain success is asked for as such.
    expect(api.seen[2]!.headers.accept).toBe("text/plain");
  });

  it("sends no credential at all for an operation with `security: []`", async () => {
    await pkg.getHealth(pkg.createClient({ auth: ALL }), {});
    expect(credentialsOf(api.seen[0]!)).toEqual(NONE);
  });

  it("sends nothing when the caller has no credential for any alternative", async () => {
    await pkg.getSession(pkg.createClient({ auth: { headerKey: KEY } }), {});
    expect(credentialsOf(api.seen[0]!)).toEqual(NONE);
  });

  it("gives no credential to another origin on a redirect, and keeps them on the same origin", async () => {
    const client = pkg.createClient({ auth: ALL });
    const away = await pkg.getItem(client, { id: "away" });
    expect(away.data).toEqual({ id: "elsewhere", name: "x" });
    expect(elsewhere.seen).toHaveLength(1);
    expect(credentialsOf(elsewhere.seen[0]!)).toEqual({ ...NONE, query: "none" });

    await pkg.getItem(client, { id: "moved" });
    expect(api.seen.map((s) => s.url)).toEqual(["/v2/items/away", "/v2/items/moved", "/v2/items/1"]);
    expect(credentialsOf(api.seen[2]!)).toEqual({ ...NONE, key: KEY });
  });

  it("gives no credential to another origin with hooks and a logger configured, and shows them none", async () => {
    const logged: string[] = [];
    const hooked: string[] = [];
    const client = pkg.createClient({
      auth: ALL,
      seams: pkg.seams({
        logger: { debug: (line: string) => logged.push(line) },
        hooks: {
          onRequest: ({ headers }: { headers: Record<string, string> }) => {
            hooked.push(JSON.stringify(headers));
            headers["x-hooked"] = "yes";
          },
        },
      }),
    });
    const seenBefore = elsewhere.seen.length;
    const away = await pkg.getItem(client, { id: "away" });
    expect(away.data).toEqual({ id: "elsewhere", name: "x" });
    expect(elsewhere.seen).toHaveLength(seenBefore + 1);
    expect(credentialsOf(elsewhere.seen.at(-1)!)).toEqual({ ...NONE, query: "none" });
    expect(credentialsOf(api.seen.at(-1)!)).toEqual({ ...NONE, key: KEY });
    expect(api.seen.at(-1)!.headers["x-hooked"]).toBe("yes");
    for (const secret of SECRETS) expect([...logged, ...hooked].filter((text) => text.includes(secret))).toEqual([]);
  });

  it("never shows a query API key: not in error.url or messages, nor from a next link that echoes it", async () => {
    const client = pkg.createClient({ auth: ALL, retry: false });
    const error = await rejection(pkg.search(client, { q: "fail" }));
    expect(error).toBeInstanceOf(pkg.ApiError);
    expect((error as unknown as { url: string }).url).toBe(`${api.origin}/v2/search?q=fail`);
    expect(error.message).toBe(`GET ${api.origin}/v2/search?q=fail → 400: bad query`);

    // Page 1 links to page 2 with the key in it; page 2 fails.
    const walk = await rejection(pkg.collect(client, pkg.search, { q: "x" }));
    expect(api.seen.at(-1)!.url).toBe(`/v2/search?q=x&page=2&api_key=${QUERY_KEY}`);
    expect((walk as unknown as { url: string }).url).toBe(`${api.origin}/v2/search?q=x&page=2`);
    expect(walk.message).toBe(`GET ${api.origin}/v2/search?q=x&page=2 → 404: gone`);
    for (const e of [error, walk]) for (const secret of SECRETS) expect(errorViews(e).filter((v) => v.includes(secret))).toEqual([]);
  });

  it("names its errors neutrally, and exports no GitHub name", async () => {
    const error = await rejection(pkg.getItem(pkg.createClient({ retry: false }), { id: "broken" }));
    expect(error.name).toBe("ApiError");
    expect(error).toBeInstanceOf(pkg.ApiClientError);
    expect(Object.keys(pkg).filter((name) => /github/i.test(name))).toEqual([]);
    expect(Object.keys(pkg)).toEqual(
      expect.arrayContaining(["ApiError", "ApiClientError", "RateLimitError", "NetworkError", "TimeoutError"]),
    );
  });

  it("refuses a credential that cannot be sent, and an unknown scheme, quoting neither", () => {
    expect(() => pkg.createClient({ auth: { headerKey: `${KEY}\n` } })).toThrow(
      new TypeError("auth.headerKey has CR, LF, NUL or a character beyond U+00FF, which no HTTP header can carry (not shown)"),
    );
    expect(() => pkg.createClient({ auth: { basicAuth: { username: "a:b", password: PASSWORD } } })).toThrow(
      new TypeError('auth.basicAuth: a basic user name cannot hold ":"'),
    );
    expect(() => pkg.createClient({ auth: { token: BEARER } })).toThrow(
      new TypeError(
        "createClient: auth.token: the API has no such security scheme; it has: basicAuth, bearerAuth, cookieKey, headerKey, oauth, queryKey",
      ),
    );
  });
});

// The attacks of the security review (findings 1, 3, 4, 6, 11): a hostile or compromised API, or an
// open redirect on it, tries to get a credential sent elsewhere or shown in errors, logs and hooks.
describe("a client of a hostile API", () => {
  let hostile: Awaited<ReturnType<typeof startServer>>;
  let other: Awaited<ReturnType<typeof startServer>>;
  let attempts = 0;

  /** A failed response that quotes every credential the request carried, as some servers do. */
  function echo(req: IncomingMessage, res: ServerResponse): void {
    const quoted = [req.url, req.headers.authorization, req.headers["x-vault-key"], req.headers.cookie].join(" ");
    const basic = req.headers.authorization?.startsWith("Basic ")
      ? Buffer.from(req.headers.authorization.slice(6), "base64").toString("utf8")
      : "";
    send(res, 400, { message: `Bad request: ${quoted} ${basic}` }, { link: `<${req.url}>; rel="self"`, "x-echo": quoted });
  }

  beforeAll(async () => {
    other = await startServer((req, res) => {
      if (req.url === "/back") return send(res, 302, "", { location: `${hostile.origin}/v2/items/1` });
      send(res, 200, { id: "other", name: "x" });
    });
    hostile = await startServer((req, res, port) => {
      const url = new URL(req.url!, `http://127.0.0.1:${port}`);
      const q = url.searchParams.get("q");
      switch (url.pathname) {
        case "/v2/items/away":
          return send(res, 302, "", { location: `${other.origin}/v2/items/1` });
        case "/v2/items/round-trip":
          return send(res, 302, "", { location: `${other.origin}/back` });
        case "/v2/items/data":
          return send(res, 302, "", { location: 'data:application/json,{"id":"from-data-url","name":"x"}' });
        case "/v2/items/file":
          return send(res, 302, "", { location: "file:///etc/passwd" });
        case "/v2/items/flaky":
          return ++attempts === 1
            ? send(res, 503, { message: "busy" }, { "retry-after": "0" })
            : send(res, 302, "", { location: `${other.origin}/v2/items/1` });
        case "/v2/items/echo":
        case "/v2/admin/stats":
          return echo(req, res);
        case "/v2/search":
          if (q === "bad-location") return send(res, 302, "", { location: "http://[" });
          if (q === "echo") return echo(req, res);
          if (url.searchParams.get("page") === "2") return send(res, 404, { message: "gone" });
          // The next link carries the key's value under another name.
          return send(res, 200, [{ id: "1", name: "a" }], {
            link: `</v2/search?q=${q}&page=2&cursor_key=${encodeURIComponent(url.searchParams.get("api_key")!)}>; rel="next"`,
          });
      }
      send(res, 200, { id: "1", name: "a" });
    });
  });

  afterAll(() => {
    hostile?.server.close();
    other?.server.close();
  });

  beforeEach(() => {
    hostile.seen.length = 0;
    other.seen.length = 0;
    attempts = 0;
  });

  const at = () => ({ baseUrl: `${hostile.origin}/v2` });

  /** A client of the hostile API with every credential, its logger's lines and its onError outcomes kept. */
  function watched(options: Record<string, unknown> = {}) {
    const logged: string[] = [];
    const failures: unknown[] = [];
    const client = pkg.createClient({
      ...at(),
      auth: ALL,
      retry: false,
      seams: pkg.seams({
        logger: { debug: (line: string) => logged.push(line) },
        hooks: { onError: (outcome: unknown) => failures.push(outcome) },
      }),
      ...options,
    });
    return { client, logged, failures };
  }

  /** What a request carried that could be a credential, besides the scheme's own headers. */
  const carried = (seen: Seen) => ({
    ...credentialsOf(seen),
    proxy: seen.headers["proxy-authorization"],
    custom: seen.headers["x-api-token"],
  });

  it("sends the call's own authorization, cookie and custom headers to no other origin, only the safe ones", async () => {
    const headers = {
      authorization: "Bearer CALLER_SECRET",
      cookie: "sid=CALLER_COOKIE",
      "proxy-authorization": "Basic PROXY_SECRET",
      "x-api-token": "CUSTOM_SECRET",
      "accept-language": "fr",
    };
    const res = await pkg.getItem(pkg.createClient({ ...at(), auth: ALL }), { id: "away" }, { headers });
    expect(res.data).toEqual({ id: "other", name: "x" });
    expect(carried(other.seen[0]!)).toEqual({ ...NONE, proxy: undefined, custom: undefined });
    expect(other.seen[0]!.headers["accept-language"]).toBe("fr");
    expect(other.seen[0]!.headers["user-agent"]).toBe("vault-client");
    // The API's own origin got them all.
    expect(carried(hostile.seen[0]!)).toMatchObject({ authorization: "Bearer CALLER_SECRET", custom: "CUSTOM_SECRET" });
  });

  it("sends no header a hook added to another origin, nor back to the API after leaving it", async () => {
    const onRequest = ({ headers }: { headers: Record<string, string> }) => {
      headers.authorization = "Bearer HOOK_SECRET";
    };
    const client = pkg.createClient({ ...at(), auth: ALL, seams: pkg.seams({ hooks: { onRequest } }) });
    await pkg.getItem(client, { id: "away" });
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
    await pkg.getItem(client, { id: "round-trip" });
    expect(other.seen[1]!.url).toBe("/back");
    expect(other.seen[1]!.headers.authorization).toBeUndefined();
    // Redirected back to the API: what was dropped stays dropped, as in fetch.
    expect(hostile.seen.at(-1)!.url).toBe("/v2/items/1");
    expect(carried(hostile.seen.at(-1)!)).toEqual({ ...NONE, proxy: undefined, custom: undefined });
  });

  it("follows no redirect to a data: or file: URL", async () => {
    const client = pkg.createClient({ ...at(), retry: false });
    const data = await rejection(pkg.getItem(client, { id: "data" }));
    expect(data).toBeInstanceOf(pkg.NetworkError);
    expect(data.message).toBe(`GET ${hostile.origin}/v2/items/data: network error: redirect to a data: URL, not followed: only http(s) is`);
    const file = await rejection(pkg.getItem(client, { id: "file" }));
    expect(file.message).toContain("redirect to a file: URL, not followed");
  });

  it("shows the query key nowhere when a redirect's Location is not a URL: no cause, hook or retry notice holds it", async () => {
    const retried: unknown[] = [];
    const { client, logged, failures } = watched({
      retry: { retries: 1, minDelayMs: 0, maxDelayMs: 0, onRetry: ({ error }: { error: unknown }) => retried.push(error) },
    });
    const error = await rejection(pkg.search(client, { q: "bad-location" }));
    expect(hostile.seen[0]!.url).toContain(`api_key=${QUERY_KEY}`);
    expect(error).toBeInstanceOf(pkg.NetworkError);
    expect(error.message).toBe(
      `GET ${hostile.origin}/v2/search?q=bad-location: network error: redirect with an invalid Location, not followed`,
    );
    expect([retried.length, failures.length]).toEqual([1, 2]);
    for (const view of [error, ...retried, ...failures])
      for (const secret of SECRETS) expect(errorViews(view).filter((v) => v.includes(secret))).toEqual([]);
    expect(logged.filter((line) => SECRETS.some((secret) => line.includes(secret)))).toEqual([]);
  });

  it('sends no credential on a retry whose credential function now returns "", nor to another origin then', async () => {
    const keys = [KEY, ""];
    const client = pkg.createClient({ ...at(), auth: { headerKey: () => keys.shift() ?? "" } });
    await pkg.getItem(client, { id: "flaky" });
    expect(hostile.seen.map((seen) => seen.headers["x-vault-key"])).toEqual([KEY, undefined]);
    expect(other.seen[0]!.headers["x-vault-key"]).toBeUndefined();
  });

  it("cuts every credential a failed response quotes from the error, its headers, the log and the hooks", async () => {
    const { client, logged, failures } = watched();
    const errors = [
      await rejection(pkg.search(client, { q: "echo" })),
      await rejection(pkg.getItem(client, { id: "echo" })),
      await rejection(pkg.getStats(pkg.createClient({ ...at(), auth: { basicAuth: ALL.basicAuth }, retry: false }), {})),
    ];
    // The server did quote them: the search's URL, the header key, basic's base64 and password.
    expect(errors.map((e) => e.message)).toEqual([
      `GET ${hostile.origin}/v2/search?q=echo → 400: Bad request: /v2/search?q=echo&api_key=[credential]    `,
      `GET ${hostile.origin}/v2/items/echo → 400: Bad request: /v2/items/echo  [credential]  `,
      `GET ${hostile.origin}/v2/admin/stats → 400: Bad request: /v2/admin/stats Basic [credential]   ann:[credential]`,
    ]);
    expect((errors[0] as unknown as { headers: Record<string, string> }).headers.link).toBe(
      '</v2/search?q=echo&api_key=[credential]>; rel="self"',
    );
    expect(failures).toHaveLength(2);
    for (const view of [...errors, ...failures, ...logged])
      for (const secret of [...SECRETS, Buffer.from(`ann:${PASSWORD}`).toString("base64")])
        expect(inspect(view, { depth: 10 }).includes(secret), `${secret} in ${inspect(view)}`).toBe(false);
  });

  it("takes the key out of a next link that carries it under another name", async () => {
    const { client, logged, failures } = watched();
    const walk = await rejection(pkg.collect(client, pkg.search, { q: "x" }));
    expect(hostile.seen.map((seen) => seen.url)).toEqual([
      `/v2/search?q=x&api_key=${QUERY_KEY}`,
      `/v2/search?q=x&page=2&api_key=${QUERY_KEY}`,
    ]);
    expect((walk as unknown as { url: string }).url).toBe(`${hostile.origin}/v2/search?q=x&page=2`);
    const views = [...errorViews(walk), ...failures.map((outcome) => inspect(outcome, { depth: 10 })), ...logged];
    for (const secret of SECRETS) expect(views.filter((v) => v.includes(secret))).toEqual([]);
  });
});
