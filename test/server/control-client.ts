// Thin fetch wrapper over /__control/* for tests that only know the server's URL (e.g. from
// vitest's inject("githubServerUrl") when the server was started by globalSetup).
import type { FaultRule, RecordedRequest, SerializedFaultRule, Violation } from "./types.js";

export interface ControlClient {
  /** Queues fault rules; a RegExp path is sent as pathPattern/pathFlags. */
  addFaults(...rules: FaultRule[]): Promise<void>;
  clearFaults(): Promise<void>;
  reset(): Promise<void>;
  requests(): Promise<RecordedRequest[]>;
  downloadRequests(): Promise<RecordedRequest[]>;
  violations(): Promise<Violation[]>;
}

export function serializeFaultRule(rule: FaultRule): SerializedFaultRule {
  const { path, ...rest } = rule;
  if (path instanceof RegExp) return { ...rest, pathPattern: path.source, pathFlags: path.flags };
  return path === undefined ? rest : { ...rest, path };
}

export function controlClient(serverUrl: string): ControlClient {
  async function call(method: string, action: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${serverUrl}/__control/${action}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} /__control/${action} failed: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  }
  return {
    addFaults: async (...rules) => void (await call("POST", "faults", rules.map(serializeFaultRule))),
    clearFaults: async () => void (await call("DELETE", "faults")),
    reset: async () => void (await call("POST", "reset")),
    requests: async () => (await call("GET", "requests")) as RecordedRequest[],
    downloadRequests: async () => (await call("GET", "download-requests")) as RecordedRequest[],
    violations: async () => (await call("GET", "violations")) as Violation[],
  };
}
