// Probes the generated package under node, Bun or Deno against the test server (serve.ts), by hand;
// not part of the suite. ENTRY: the module to import (default generated/dist/index.js); API: the server URL.
//   API=http://127.0.0.1:45123 bun test/consumer/runtimes/probe.mjs
//   API=http://127.0.0.1:45123 deno run --allow-net --allow-env --allow-read test/consumer/runtimes/probe.mjs
//   (generated/src/index.ts: Bun as is, Deno with --unstable-sloppy-imports)
const entry =
  globalThis.process?.env?.ENTRY ?? globalThis.Deno?.env.get("ENTRY") ?? new URL("../../../generated/dist/index.js", import.meta.url).href;
const base = globalThis.process?.env?.API ?? globalThis.Deno?.env.get("API");
const gh = await import(entry);
const {
  createClient,
  getWorkflowRun,
  paginate,
  collect,
  pages,
  listConcurrencyGroupsForWorkflowRun,
  getConcurrencyGroupForRepository,
  listWorkflowRunsForRepo,
  cancelWorkflowRun,
  downloadWorkflowRunLogs,
  GitHubApiError,
  GitHubTimeoutError,
} = gh;
const client = createClient({ token: "t0ken", baseUrl: base, retry: { retries: 2, baseDelayMs: 10 } });
const owner = "octo-org",
  repo = "octo-repo";
const results = [];
async function check(name, fn) {
  try {
    results.push(`ok   ${name}: ${await fn()}`);
  } catch (e) {
    results.push(`FAIL ${name}: ${e?.name} ${e?.message}`);
  }
}
const control = (path, init) => fetch(base + "/__control/" + path, init).then((r) => r.json().catch(() => null));
await control("reset", { method: "POST" });
await check("getWorkflowRun", async () => {
  const r = await getWorkflowRun(client, { owner, repo, run_id: 30433642 });
  return `${r.status} ${r.data.id} ${r.data.status} request-id=${r.headers["x-github-request-id"]}`;
});
await check("paginate cursor groups (many-groups, per_page 10)", async () => {
  let n = 0;
  for await (const _group of paginate(client, listConcurrencyGroupsForWorkflowRun, {
    owner,
    repo: "many-groups",
    run_id: 7000001,
    per_page: 10,
  }))
    n++;
  return `${n} groups`;
});
await check("odd group names", async () => {
  const names = [];
  for await (const g of paginate(client, listConcurrencyGroupsForWorkflowRun, {
    owner,
    repo: "odd-names",
    run_id: 8100001,
  })) {
    const { data } = await getConcurrencyGroupForRepository(client, {
      owner,
      repo: "odd-names",
      concurrency_group_name: g.group_name,
    });
    names.push(data.group_name);
  }
  return JSON.stringify(names);
});
await check("collect page-style (big-repo, max 250)", async () => {
  const runs = await collect(client, listWorkflowRunsForRepo, { owner, repo: "big-repo" }, { max: 250 });
  return `${runs.length} runs`;
});
await check("pages capped (big-repo status=completed)", async () => {
  let capped = 0,
    cap;
  for await (const p of pages(
    client,
    listWorkflowRunsForRepo,
    { owner, repo: "big-repo", status: "completed" },
    {
      onCapped: (i) => {
        cap = i;
      },
    },
  )) {
    capped = p.capped;
    break;
  }
  return `capped=${capped} onCapped=${JSON.stringify(cap)}`;
});
await check("404 → GitHubApiError", async () => {
  try {
    await getWorkflowRun(client, { owner, repo, run_id: 999999999 });
    return "no error?!";
  } catch (e) {
    if (!(e instanceof GitHubApiError)) throw e;
    return `${e.name} ${e.status} requestId=${!!e.requestId} rateLimit.remaining=${e.rateLimit?.remaining}`;
  }
});
await check("retry after 503", async () => {
  await control("faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      method: "GET",
      path: "/repos/octo-org/octo-repo/actions/runs/30433640",
      times: 1,
      fault: { status: 503 },
    }),
  });
  const r = await getWorkflowRun(client, { owner, repo, run_id: 30433640 });
  return `${r.status} after retry`;
});
await check("timeout → GitHubTimeoutError", async () => {
  await control("faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      method: "GET",
      path: "/repos/octo-org/octo-repo/actions/runs/30433641",
      times: 3,
      fault: { stallMs: 2000 },
    }),
  });
  try {
    await getWorkflowRun(client, { owner, repo, run_id: 30433641 }, { timeoutMs: 200, retry: false });
    return "no error?!";
  } catch (e) {
    if (!(e instanceof GitHubTimeoutError)) throw e;
    return `${e.name} ${e.timeoutMs}`;
  } finally {
    await control("faults", { method: "DELETE" });
  }
});
await check("abort signal", async () => {
  const ac = new AbortController();
  const p = getWorkflowRun(client, { owner, repo, run_id: 30433642 }, { signal: ac.signal });
  ac.abort(new Error("stop"));
  try {
    await p;
    return "no error?!";
  } catch (e) {
    return `rejected with ${e.message}`;
  }
});
await check("cancel POST 202", async () => {
  const r = await cancelWorkflowRun(client, { owner, repo, run_id: 30433641 });
  return `${r.status}`;
});
await check("logs 302 location", async () => {
  const r = await downloadWorkflowRunLogs(client, { owner, repo, run_id: 30433640 });
  return `${r.status} ${r.location?.slice(0, 30)}…`;
});
await check("server saw no violations", async () => JSON.stringify(await control("violations")));
const text = results.join("\n");
console.log(text);
