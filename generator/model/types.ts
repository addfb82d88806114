// The intermediate model: what the emitters need to know about an API, and nothing else.
// Data only, sorted; snapshotted as JSON in tests because it is the shortest diff to review.
import type { SecurityModel } from "./identity.js";
import type { MediaKind } from "./media-type.js";
import type { HttpMethod, PaginationSpec, PathStyle, QueryStyle } from "../runtime/types.js";
import type { RequiredPermission } from "../runtime/permissions.js";

export interface ApiModel {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly operations: readonly OperationModel[];
}

export interface ParamModel {
  /** Name on the wire, and key in the flat params object. */
  readonly name: string;
  readonly required: boolean;
  /** The schema's type, when it names one; used for examples in the docs. */
  readonly type?: string;
  readonly description?: string;
  /**
   * How the runtime writes the value, when not its default for the location (see the runtime's
   * PathStyle and QueryStyle). Absent for scalars, where every style writes the same.
   */
  readonly style?: PathStyle | QueryStyle;
}

export type ResponseKind = "json" | "text" | "binary" | "empty" | "redirect";

export interface ResponseModel {
  readonly status: number;
  readonly kind: ResponseKind;
  readonly mediaType?: string;
  readonly description?: string;
}

export interface BodyModel {
  readonly mediaType: string;
  /** How the body is typed and written (media-type.ts). */
  readonly kind: MediaKind;
  readonly required: boolean;
  /** Body properties merged into the flat params; absent when the body is passed whole as `body`. */
  readonly flatKeys?: readonly string[];
}

export interface OperationDocs {
  readonly summary?: string;
  readonly description?: string;
  readonly permissions: readonly string[];
  readonly url?: string;
  readonly deprecated: boolean;
}

export interface OperationModel {
  /** The spec's operationId, or `METHOD path` when it has none. */
  readonly id: string;
  readonly name: string;
  readonly typeName: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** Output module, from the first tag. */
  readonly group: string;
  readonly params: {
    readonly path: readonly ParamModel[];
    readonly query: readonly ParamModel[];
    readonly header: readonly ParamModel[];
    readonly cookie: readonly ParamModel[];
  };
  readonly body?: BodyModel;
  /** Documented responses with a status code, sorted; successes are 2xx and 3xx. */
  readonly responses: readonly ResponseModel[];
  readonly apiVersion?: string;
  readonly pagination?: PaginationSpec;
  /** What a workflow's `permissions:` must grant, from `x-github-permissions` (permissions.ts); empty when unknown. */
  readonly requiredPermissions: readonly RequiredPermission[];
  /** The operation's own `security`, when it declares one (else the description's applies); `[]` sends no credentials. */
  readonly security?: SecurityModel;
  readonly docs: OperationDocs;
}
