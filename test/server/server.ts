// startGitHubServer(): wires the two node:http listeners (API + downloads), recording, faults,
// routing and state together. Everything GitHub-specific lives in the modules it imports.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createDownloads } from "./downloads.js";
import { withEtag } from "./etags.js";
import { githubError } from "./errors.js";
import { corruptBody, FaultController, isStatusFault, statusFaultResponse } from "./faults.js";
import { apiHeaders, newRequestId, RateLimitCounter } from "./github-headers.js";
import { readRequest, toWire, writeHalfThenDestroy, writeWire, type WireResponse } from "./http-io.js";
import { isHostileFault, serveHostile } from "./hostile.js";
import { createRenderer } from "./render.js";
import { dispatch, matchRoute } from "./router.js";
import { concurrencyGroupRoutes } from "./routes/concurrency-groups.js";
import { CONTROL_PREFIX, handleControl } from "./routes/control.js";
import { workflowRunRoutes } from "./routes/workflow-runs.js";
import { seedState } from "./seed.js";
import type { ServerState } from "./state.js";
import type { Fault, RecordedRequest, ServerOptions, StatusFault, Violation } from "./types.js";

export type { FaultRule, Fault, RecordedRequest, ServerOptions, Violation, SerializedFaultRule } from "./types.js";
export type { ServerState } from "./state.js";
export { FaultController } from "./faults.js";
export { FIXTURES } from "./seed.js";

export interface GitHubServer {
  /** API origin, e.g. http://127.0.0.1:PORT — the client's baseUrl. */
  readonly url: string;
  /** Second origin (own listener and port) serving the log archives that …/logs redirects to. */
  readonly downloadsUrl: string;
  /** Every request to the API origin except /__control/*, in arrival order. */
  readonly requests: RecordedRequest[];
  readonly downloadRequests: RecordedRequest[];
  /** Client misbehaviour the server detected (e.g. Authorization sent to the downloads origin). */
  readonly violations: Violation[];
  readonly faults: FaultController;
  /** Current in-memory state (replaced by reset()). */
  readonly state: ServerState;
  /** Clears requests, violations and faults, and restores the seed state. */
  reset(): void;
  close(): Promise<void>;
}

const ROUTES = [...workflowRunRoutes, ...concurrencyGroupRoutes];

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(`http://${host}:${(server.address() as AddressInfo).port}`);
    });
  });
}

export async function startGitHubServer(options: ServerOptions = {}): Promise<GitHubServer> {
  const host = options.host ?? "127.0.0.1";
  const apiServer = createServer();
  const downloadsServer = createServer();
  const url = await listen(apiServer, options.port ?? 0, host);
  const downloadsUrl = await listen(downloadsServer, options.downloadsPort ?? 0, host);

  let state = seedState();
  const render = createRenderer(url);
  const downloads = createDownloads(downloadsUrl, options.logUrlTtlSeconds ?? 60);
  const faults = new FaultController();
  const rateLimit = new RateLimitCounter();
  const requests: RecordedRequest[] = [];
  const downloadRequests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const closing = new AbortController();

  function reset(): void {
    state = seedState();
    requests.length = 0;
    downloadRequests.length = 0;
    violations.length = 0;
    faults.clear();
    rateLimit.reset();
  }

  /** Waits, but gives up when the client disconnects or the server closes (so close() never hangs). */
  function stall(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (completed: boolean): void => {
        clearTimeout(timer);
        res.off("close", onGone);
        closing.signal.removeEventListener("abort", onGone);
        resolve(completed);
      };
      const onGone = (): void => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      res.on("close", onGone);
      closing.signal.addEventListener("abort", onGone);
    });
  }

  /** Writes `produce()` — or what the fault turns it into. Shared by both origins. */
  async function serve(
    origin: string,
    res: ServerResponse,
    fault: Fault | undefined,
    produce: () => WireResponse,
    statusWire: (fault: StatusFault) => WireResponse,
  ): Promise<void> {
    if (fault && "stallMs" in fault) {
      if (!(await stall(fault.stallMs, res))) return;
      fault = undefined;
    }
    if (!fault) return writeWire(res, produce());
    if (isHostileFault(fault)) return serveHostile(res, fault, new URL(res.req.url ?? "/", origin));
    if ("reset" in fault && fault.reset === "before-response") {
      res.destroy();
      return;
    }
    if (isStatusFault(fault)) return writeWire(res, statusWire(fault));
    // The remaining faults damage the real response, so the handler runs (and its state change sticks).
    const wire = produce();
    if ("reset" in fault) return writeHalfThenDestroy(res, wire);
    const body = corruptBody(fault, wire.body);
    const status = wire.status === 204 || (wire.status >= 300 && wire.status < 400) ? 200 : wire.status;
    writeWire(res, {
      status,
      headers: { ...wire.headers, "content-type": "application/json; charset=utf-8", "content-length": String(body.length) },
      body,
    });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = await readRequest(req, "api");
    if (recorded.path.startsWith(CONTROL_PREFIX)) {
      const control = { faults, reset, requests, downloadRequests, violations };
      return writeWire(res, toWire(handleControl(recorded, control), {}));
    }
    const match = matchRoute(ROUTES, recorded.method, recorded.path, state);
    if (match) recorded.route = `${match.route.method} ${match.route.path}`;
    requests.push(recorded);

    const requestId = newRequestId();
    const rate = rateLimit.consume();
    const fault = faults.take({
      origin: "api",
      method: recorded.method,
      path: recorded.path,
      url: recorded.url,
      template: match?.route.path,
    });
    await serve(
      url,
      res,
      fault,
      () => {
        const { response, apiVersion } = dispatch(
          {
            match,
            headers: recorded.headers,
            query: new URLSearchParams(recorded.rawQuery),
            rawBody: recorded.rawBody,
            requireApiVersionHeader: options.requireApiVersionHeader ?? true,
          },
          { state, render, apiOrigin: url, logUrl: (repo, runId, attempt) => downloads.signer.url(repo.owner, repo.name, runId, attempt) },
        );
        return withEtag(toWire(response, apiHeaders(requestId, rate, apiVersion)), recorded.method, recorded.headers);
      },
      (statusFault) => toWire(statusFaultResponse(statusFault, requestId, Date.now()), apiHeaders(requestId, rate, undefined)),
    );
  }

  async function handleDownload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = await readRequest(req, "downloads");
    downloadRequests.push(recorded);
    const result = downloads.handle(recorded);
    if (result.violation) violations.push({ kind: "authorization-sent-to-downloads", message: result.violation, request: recorded });
    const fault = faults.take({ origin: "downloads", method: recorded.method, path: recorded.path, url: recorded.url });
    await serve(
      downloadsUrl,
      res,
      fault,
      () => toWire(result.response, {}),
      (statusFault) => toWire(statusFaultResponse(statusFault, newRequestId(), Date.now()), {}),
    );
  }

  /** A bug in a handler becomes a visible 500 with the error text, not a hung request. */
  const guarded =
    (handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) =>
    (req: IncomingMessage, res: ServerResponse): void => {
      handler(req, res).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) writeWire(res, toWire(githubError(500, `Test server error: ${String(error)}`), {}));
      });
    };
  apiServer.on("request", guarded(handleApi));
  downloadsServer.on("request", guarded(handleDownload));

  async function close(): Promise<void> {
    closing.abort();
    const closed = [apiServer, downloadsServer].map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
    apiServer.closeAllConnections();
    downloadsServer.closeAllConnections();
    await Promise.all(closed);
  }

  return {
    url,
    downloadsUrl,
    requests,
    downloadRequests,
    violations,
    faults,
    get state() {
      return state;
    },
    reset,
    close,
  };
}
