import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../generator/runtime/client.js";
import { GitHubApiError, GitHubError, GitHubNetworkError, GitHubTimeoutError } from "../../generator/runtime/errors.js";
import { request } from "../../generator/runtime/request.js";
import type { Client, RetryInfo } from "../../generator/runtime/types.js";
import { thrown } from "../integration/harness.js";
import { getRun, json, recorder, sequence, stalled, TOKEN } from "./helpers.js";

const params = { owner: "o", repo: "r", run_id: 1 };

/** The `authorization` header the client writes for one request (what `authorization()` returned before profiles). */
const authorization = (client: Client): string | undefined | Promise<string | undefined> => {
  const headers: Record<string, string> = {};
  const sent = client.authorize(getRun, headers, "https://api.github.com/x");
  return sent instanceof Promise ? sent.then(() => headers.authorization) : headers.authorization;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

const leaks = (value: unknown): string[] => {
  const views = [
    String(value),
    `${value as string}`,
    JSON.stringify(value) ?? "",
    inspect(value, { showHidden: true, depth: Infinity, getters: true }),
  ];
  if (value instanceof Error) views.push(value.message, value.stack ?? "", inspect(value.cause, { depth: Infinity }));
  if (value instanceof GitHubError) views.push(JSON.stringify(value.toJSON()));
  return views.filter((v) => v.includes(TOKEN) || v.includes("S3cr3t"));
};

describe("createClient", () => {
  it("resolves defaults once", () => {
    const gh = createClient();
    expect(gh.baseUrl).toBe("https://api.github.com");
    expect(gh.userAgent).toBe("gh-actions-client");
    expect(gh.timeoutMs).toBe(30_000);
    expect(gh.maxResponseBytes).toBe(64 * 1024 * 1024);
    expect(gh.retry).toEqual({});
    expect(authorization(gh)).toBeUndefined();
    expect(Object.isFrozen(gh)).toBe(true);
  });

  it.each([
    ["https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3"],
    ["https://ghe.example.com/api/v3//", "https://ghe.example.com/api/v3"],
    ["https://api.github.com", "https://api.github.com"],
  ])("strips trailing slashes from %s", (given, want) => {
    expect(createClient({ baseUrl: given }).baseUrl).toBe(want);
  });

  it.each([
    ["dot segments", "https://ghe.example.com/api/v4/../v3/", "https://ghe.example.com/api/v3"],
    ["an upper-case host", "https://GHE.Example.com/api/v3", "https://ghe.example.com/api/v3"],
    ["a default port", "https://api.github.com:443", "https://api.github.com"],
    ["plain http (a local GHES)", "http://127.0.0.1:8080/api/v3", "http://127.0.0.1:8080/api/v3"],
  ])("normalises a baseUrl with %s", (_name, given, want) => {
    expect(createClient({ baseUrl: given }).baseUrl).toBe(want);
  });

  it.each([
    ["user:token@", `https://x-access-token:${TOKEN}@ghe.example.com/api/v3`],
    ["a user alone", `https://${TOKEN}@ghe.example.com`],
    ["a password alone", `https://:${TOKEN}@ghe.example.com`],
    ["a query", `https://ghe.example.com/api/v3?token=${TOKEN}`],
    ["a fragment", `https://ghe.example.com/api/v3#${TOKEN}`],
    ["another scheme", `ftp://ghe.example.com/${TOKEN}`],
    ["no scheme", `ghe.example.com/${TOKEN}`],
    ["not a URL", `https://[${TOKEN}`],
  ])("refuses a baseUrl with %s, quoting nothing", (_name, baseUrl) => {
    const error = thrown(() => createClient({ baseUrl }));
    expect(error).toEqual(
      new TypeError(
        "createClient: baseUrl must be an http(s) URL with no user:password@, query or fragment (not shown: it may hold a credential)",
      ),
    );
    expect(leaks(error)).toEqual([]);
  });

  it("refuses a userAgent that cannot be a header value", () => {
    expect(() => createClient({ userAgent: "app\r\nx-injected: 1" })).toThrow(
      new TypeError("createClient: userAgent has CR, LF, NUL or a character beyond U+00FF, which no HTTP header can carry (not shown)"),
    );
  });

  it.each([
    ["a number", 42, "token: the token function returned number"],
    ["undefined", undefined, "token: the token function returned undefined"],
    ["a token with LF", `${TOKEN}\n`, "token has CR, LF, NUL or a character beyond U+00FF, which no HTTP header can carry (not shown)"],
  ])("refuses a token function that returns %s, when asked, quoting nothing", async (_name, value, message) => {
    const gh = createClient({ token: (() => value) as () => string });
    const error = await (authorization(gh) as Promise<string>).catch((e: unknown) => e);
    expect(error).toEqual(new TypeError(message));
    expect(leaks(error)).toEqual([]);
  });

  it.each([
    ["timeoutMs", NaN],
    ["timeoutMs", -1],
    ["maxResponseBytes", NaN],
    ["maxResponseBytes", -5],
    ["maxResponseBytes", "64"],
  ] as const)("refuses %s %s, which would quietly turn the bound off", (name, value) => {
    expect(() => createClient({ [name]: value as number })).toThrow(
      new TypeError(`createClient: ${name} must be a number ≥ 0, not ${String(value)}`),
    );
  });

  it("accepts 0 and Infinity as no timeout, and refuses a per-call NaN before any request", async () => {
    const { fetch, calls } = recorder(sequence(json({ id: 1 }), json({ id: 2 })));
    for (const timeoutMs of [0, Infinity]) expect((await request(createClient({ fetch, timeoutMs }), getRun, params)).status).toBe(200);
    const error = await request(createClient({ fetch }), getRun, params, { timeoutMs: NaN }).catch((e: unknown) => e);
    expect(error).toEqual(new TypeError("timeoutMs must be a number ≥ 0, not NaN"));
    expect(calls).toHaveLength(2);
  });

  it("builds the authorization header from a token or a token function", async () => {
    expect(authorization(createClient({ token: "abc" }))).toBe("Bearer abc");
    expect(authorization(createClient({ token: "" }))).toBeUndefined();
    await expect(authorization(createClient({ token: () => "sync" }))).resolves.toBe("Bearer sync");
    await expect(authorization(createClient({ token: () => "" }))).resolves.toBeUndefined();
    await expect(authorization(createClient({ token: async () => "async" }))).resolves.toBe("Bearer async");
  });

  it("looks up globalThis.fetch at call time when none is given", async () => {
    const gh = createClient();
    const { fetch, calls } = recorder(sequence(json({ id: 1 })));
    vi.stubGlobal("fetch", fetch);
    const res = await request(gh, getRun, params);
    expect(res.data).toEqual({ id: 1 });
    expect(calls).toHaveLength(1);
  });
});

describe("the token never leaks", () => {
  it("the detector itself finds a token", () => {
    expect(leaks({ auth: `Bearer ${TOKEN}` })).not.toEqual([]);
  });

  it.each([
    ["a string token", TOKEN],
    ["a token function", () => TOKEN],
  ])("not from a client holding %s", (_name, token) => {
    const gh = createClient({ token, baseUrl: "https://api.github.com" });
    expect(leaks(gh)).toEqual([]);
    expect(JSON.parse(JSON.stringify(gh))).toEqual({
      baseUrl: "https://api.github.com",
      userAgent: "gh-actions-client",
      timeoutMs: 30_000,
      maxResponseBytes: 67_108_864,
      retry: {},
      authenticated: true,
    });
    expect(Object.values(gh).filter((v) => typeof v === "string" && v.includes(TOKEN))).toEqual([]);
  });

  it("not from API, network or timeout errors, nor retry notifications", async () => {
    const infos: RetryInfo[] = [];
    const retry = { baseDelayMs: 1, retries: 1, onRetry: (i: RetryInfo) => infos.push(i) };
    const api = recorder(
      sequence(
        json(
          { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
          401,
          { "x-github-request-id": "R:1" },
          "Unauthorized",
        ),
      ),
    );
    const net = recorder(sequence(new TypeError("fetch failed")));
    const slow = recorder(stalled());
    const errors = [
      await request(createClient({ token: TOKEN, fetch: api.fetch }), getRun, params).catch((e: unknown) => e),
      await request(createClient({ token: TOKEN, fetch: net.fetch, retry }), getRun, params).catch((e: unknown) => e),
      await request(createClient({ token: TOKEN, fetch: slow.fetch, timeoutMs: 2, retry: false }), getRun, params).catch((e: unknown) => e),
    ];
    expect(errors[0]).toBeInstanceOf(GitHubApiError);
    expect(errors[1]).toBeInstanceOf(GitHubNetworkError);
    expect(errors[2]).toBeInstanceOf(GitHubTimeoutError);
    for (const e of errors) expect(leaks(e)).toEqual([]);
    expect(infos).toHaveLength(1);
    expect(leaks(infos)).toEqual([]);
  });
});
