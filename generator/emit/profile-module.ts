// src/runtime/profile.ts: the runtime's profile source (generator/runtime/profile.ts for GitHub,
// profile-generic.ts otherwise) with its block between `// <api>` and `// </api>` written from the
// API's identity: default base URL and user agent, and for a generic API its security schemes, its
// default security, and the `auth` and `baseUrl` option types (baseUrl required with no server).
import { readFileSync } from "node:fs";
import type { ApiIdentity, SchemeModel } from "../model/identity.js";
import { RUNTIME_DIR } from "../paths.js";
import { TS_HEADER, type EmittedFile } from "./file.js";
import { PRINT_WIDTH } from "./layout/style.js";
import { formatText } from "./prettier.js";

/** The runtime file that holds each profile's code. */
export const PROFILE_SOURCES = { github: "profile.ts", generic: "profile-generic.ts" } as const;

/** The marker lines, whole: prose that mentions the markers does not count. */
const BLOCK = /^\/\/ <api> Written from the API description and the config by the generator\.\n[\s\S]*?^\/\/ <\/api>\n/m;

export async function emitProfile(identity: ApiIdentity): Promise<EmittedFile> {
  const file = RUNTIME_DIR + PROFILE_SOURCES[identity.profile];
  const source = readFileSync(file, "utf8");
  if (!BLOCK.test(source)) throw new Error(`internal error: ${file} has no "// <api>" … "// </api>" block`);
  const block = apiBlock(identity);
  const contents = source.replace(BLOCK, () => block);
  const path = "src/runtime/profile.ts";
  const formatted = inPrettierLayout(block) && identity.schemes.every((s) => IDENTIFIER.test(s.name));
  return { path, contents: TS_HEADER + (formatted ? contents : await formatText(file, contents)), formatted: true };
}

/**
 * Whether prettier would leave the block as it is: no line too long, and no escape in a string
 * (prettier may switch its quotes); the caller checks that no key is quoted. Then prettier is not
 * loaded, which would cost a generate about 0.5 s of CPU.
 */
function inPrettierLayout(block: string): boolean {
  return !block.includes("\\") && block.split("\n").every((line) => line.length <= PRINT_WIDTH);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The block's text; the sources hold what it writes for their own sample identity. */
export function apiBlock(identity: ApiIdentity): string {
  const lines = [
    "// <api> Written from the API description and the config by the generator.",
    identity.profile === "github"
      ? "/** Where requests go when `createClient` is given no `baseUrl`. */"
      : '/** Where requests go when `createClient` is given no `baseUrl` ("" when the description names no server). */',
    `export const DEFAULT_BASE_URL: string = ${JSON.stringify(identity.baseUrl ?? "")};`,
    "/** Sent as `user-agent` when `createClient` is given no `userAgent`. */",
    `export const DEFAULT_USER_AGENT: string = ${JSON.stringify(identity.userAgent)};`,
  ];
  if (identity.profile === "generic") lines.push(...genericBlock(identity));
  return lines.join("\n") + "\n// </api>\n";
}

function genericBlock({ schemes, security, baseUrl }: ApiIdentity): string[] {
  const place = (s: SchemeModel) => JSON.stringify(s.key === undefined ? [s.place] : [s.place, s.key]).replaceAll(",", ", ");
  const entries = schemes.map((s) => `${propertyKey(s.name)}: ${place(s)}`);
  const alternatives = security.map((names) => `[${names.map((n) => JSON.stringify(n)).join(", ")}]`);
  return [
    "/** The description's security schemes that the client can send. */",
    `export const SCHEMES: Readonly<Record<string, Scheme>> = {${entries.length ? ` ${entries.join(", ")} ` : ""}};`,
    "/** The description's own `security`: what an operation without one sends. */",
    `export const SECURITY: Security = [${alternatives.join(", ")}];`,
    "",
    "/** Credentials, by the name of the description's security scheme. */",
    "export interface Auth {",
    ...schemes.flatMap((s) => [
      `  /** ${schemeDoc(s)}. */`,
      `  readonly ${propertyKey(s.name)}?: ${s.place === "basic" ? "Credential<BasicCredentials>" : "Credential"};`,
    ]),
    "}",
    "",
    "/** The options of `createClient` that come from the API description. */",
    "export interface ProfileOptions {",
    "  /** Credentials by security scheme; an operation sends those its `security` names. */",
    "  readonly auth?: Auth;",
    ...(baseUrl
      ? [`  /** Where requests go; default \`${baseUrl}\`, the description's first server. */`, "  readonly baseUrl?: string;"]
      : ["  /** Where requests go: required, since the description names no server. */", "  readonly baseUrl: string;"]),
    "}",
  ];
}

/** Where the scheme's credential goes, for the option's doc comment (no spec text: it could close the comment). */
function schemeDoc(s: SchemeModel): string {
  if (s.place === "bearer") return "`Authorization: Bearer <token>`";
  if (s.place === "basic") return "`Authorization: Basic`, from `{ username, password }`";
  const key = s.key!.replace(/[^\w.-]/g, "?");
  return s.place === "header"
    ? `API key, sent as the \`${key}\` header`
    : `API key, sent as the \`${key}\` ${s.place === "query" ? "query parameter" : "cookie"}`;
}

function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}
