// /__control/* — lets tests in another process (e.g. vitest workers using globalSetup's server)
// queue faults, reset the server and read what it recorded. These requests are never recorded
// themselves and never faulted.
import { githubError, notFound } from "../errors.js";
import type { FaultController } from "../faults.js";
import type { ApiResponse, RecordedRequest, SerializedFaultRule, Violation } from "../types.js";
import { json } from "./common.js";

export const CONTROL_PREFIX = "/__control/";

export interface ControlTarget {
  faults: FaultController;
  reset(): void;
  requests: readonly RecordedRequest[];
  downloadRequests: readonly RecordedRequest[];
  violations: readonly Violation[];
}

function addFaults(body: unknown, faults: FaultController): ApiResponse {
  const rules = (Array.isArray(body) ? body : [body]) as SerializedFaultRule[];
  try {
    for (const rule of rules) {
      if (rule === null || typeof rule !== "object") throw new Error("a fault rule must be a JSON object");
      faults.addSerialized(rule);
    }
  } catch (error) {
    return githubError(400, `Invalid fault rule: ${(error as Error).message}`);
  }
  return json(201, { pending: faults.pending().length });
}

export function handleControl(request: RecordedRequest, target: ControlTarget): ApiResponse {
  const action = `${request.method} ${request.path.slice(CONTROL_PREFIX.length)}`;
  switch (action) {
    case "POST faults":
      return addFaults(request.body, target.faults);
    case "GET faults":
      return json(200, target.faults.pending());
    case "DELETE faults":
      target.faults.clear();
      return { status: 204 };
    case "POST reset":
      target.reset();
      return { status: 204 };
    case "GET requests":
      return json(200, target.requests);
    case "GET download-requests":
      return json(200, target.downloadRequests);
    case "GET violations":
      return json(200, target.violations);
    default:
      return notFound();
  }
}
