// Fault injection: rules queued by tests (in-process or via POST /__control/faults) are consumed in
// order by the next matching requests. This module decides WHICH fault applies and builds the
// error responses / corrupted bodies; server.ts performs the socket-level effects.
import { DOCS_ROOT, RATE_LIMIT_DOCS, githubError } from "./errors.js";
import { parseHostileFault } from "./hostile.js";
import type { ApiResponse, Fault, FaultRule, Origin, SerializedFaultRule, StatusFault } from "./types.js";

export interface FaultTarget {
  origin: Origin;
  method: string;
  /** Raw pathname. */
  path: string;
  /** Raw path + query. */
  url: string;
  /** Route template, when the request matched one. */
  template?: string;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  if ((rule.origin ?? "api") !== target.origin) return false;
  if (rule.method && rule.method.toUpperCase() !== target.method) return false;
  const { path } = rule;
  if (path === undefined) return true;
  if (path instanceof RegExp) {
    path.lastIndex = 0;
    return path.test(target.url);
  }
  return path === target.path || path === target.url || path === target.template;
}

/** Checks a fault that arrived as JSON; throws with a readable message when it is not one we know. */
export function parseFault(value: unknown): Fault {
  if (value === null || typeof value !== "object") throw new Error("fault must be an object");
  const fault = value as Record<string, unknown>;
  if (typeof fault.status === "number" && fault.status >= 400 && fault.status <= 599) return fault as unknown as StatusFault;
  if (fault.reset === "mid-body" || fault.reset === "before-response") return { reset: fault.reset };
  if (typeof fault.stallMs === "number" && fault.stallMs >= 0) return { stallMs: fault.stallMs };
  if (fault.truncatedJson === true) return { truncatedJson: true };
  if (fault.invalidJson === true) return { invalidJson: true };
  const hostile = parseHostileFault(fault);
  if (hostile) return hostile;
  throw new Error(`unknown fault ${JSON.stringify(value)}`);
}

export class FaultController {
  private readonly rules: ActiveRule[] = [];

  /** Queues a fault for the next `times` (default 1) matching requests. */
  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error("times must be a positive integer");
    this.rules.push({ rule: { ...rule, fault: parseFault(rule.fault) }, remaining: times });
  }

  /** The JSON form used by POST /__control/faults (a RegExp travels as pathPattern/pathFlags). */
  addSerialized(rule: SerializedFaultRule): void {
    const { pathPattern, pathFlags, path, ...rest } = rule;
    const matcher = pathPattern !== undefined ? new RegExp(pathPattern, pathFlags) : path;
    this.add(matcher === undefined ? rest : { ...rest, path: matcher });
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** Rules still waiting to fire, serialisable for GET /__control/faults. */
  pending(): Array<SerializedFaultRule & { remaining: number }> {
    return this.rules.map(({ rule, remaining }) => {
      const { path, ...rest } = rule;
      const where = path instanceof RegExp ? { pathPattern: path.source, pathFlags: path.flags } : path === undefined ? {} : { path };
      return { ...rest, ...where, remaining };
    });
  }

  /** Consumes and returns the fault for this request, if a queued rule matches (first match wins). */
  take(target: FaultTarget): Fault | undefined {
    const index = this.rules.findIndex((active) => matches(active.rule, target));
    const active = this.rules[index];
    if (!active) return undefined;
    active.remaining -= 1;
    if (active.remaining === 0) this.rules.splice(index, 1);
    return active.rule.fault;
  }
}

export const isStatusFault = (fault: Fault): fault is StatusFault => "status" in fault;

const STATUS_MESSAGES: Record<number, string> = {
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The error a status fault answers with, including GitHub's rate-limit headers where they apply. */
export function statusFaultResponse(fault: StatusFault, requestId: string, nowMs: number): ApiResponse {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
  if (fault.rateLimitRemaining !== undefined) headers["x-ratelimit-remaining"] = String(fault.rateLimitRemaining);
  if (fault.resetInSeconds !== undefined) {
    headers["x-ratelimit-reset"] = String(Math.floor(nowMs / 1000) + fault.resetInSeconds);
  }

  let response: ApiResponse;
  if (fault.secondaryRateLimit) {
    response = githubError(
      fault.status,
      fault.message ??
        `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
    );
  } else if (fault.rateLimitRemaining === 0) {
    response = githubError(
      fault.status,
      fault.message ??
        `API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      `${RATE_LIMIT_DOCS}#about-the-primary-rate-limit`,
    );
  } else {
    response = githubError(fault.status, fault.message ?? STATUS_MESSAGES[fault.status] ?? "Error", DOCS_ROOT);
  }
  return { ...response, headers };
}

/** Body for the truncatedJson / invalidJson faults (the response itself is well-formed HTTP). */
export function corruptBody(fault: Fault, body: Buffer): Buffer {
  if ("truncatedJson" in fault) return body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
  if ("invalidJson" in fault) return Buffer.from('{"message": "ok", "total_count": 1,, <html>not json</html>', "utf8");
  return body;
}
