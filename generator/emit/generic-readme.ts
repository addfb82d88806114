// The parts of a generic API's README that come from its identity: the quick start, where requests
// go, and which credentials the client takes.
import type { ApiIdentity, SchemeModel } from "../model/identity.js";
import type { ApiModel } from "../model/types.js";
import { codeSpan } from "./markdown-text.js";
import { exampleArgs } from "./operation-doc.js";

/** `createClient` with the first credential the description asks for, then one call (and a walk, if the API pages). */
export function genericQuickStart(model: ApiModel, name: string, identity: ApiIdentity): string {
  const list = model.operations.filter((op) => op.pagination).sort((a, b) => a.path.length - b.path.length)[0];
  const first = list ?? model.operations[0];
  const imports = ["createClient", ...(list ? ["paginate"] : []), ...(first ? [first.name] : [])];
  const options = [
    ...(identity.baseUrl ? [] : ['baseUrl: "https://api.example.com"']),
    ...(exampleScheme(identity) ? [`auth: { ${exampleAuth(exampleScheme(identity)!)} }`] : []),
  ];
  const lines = [
    `import { ${imports.join(", ")} } from "${name}";`,
    "",
    `const client = createClient(${options.length ? `{ ${options.join(", ")} }` : ""});`,
  ];
  if (first) lines.push(`const { status, data } = await ${first.name}(client, ${exampleArgs(first)});`);
  if (list) lines.push(`for await (const item of paginate(client, ${list.name}, ${exampleArgs(list)})) {`, "  console.log(item);", "}");
  return lines.join("\n");
}

/** The scheme of the description's first default alternative, else its first scheme. */
function exampleScheme({ schemes, security }: ApiIdentity): SchemeModel | undefined {
  const named = security.flat()[0];
  return schemes.find((s) => s.name === named) ?? schemes[0];
}

function exampleAuth(scheme: SchemeModel): string {
  const key = /^[A-Za-z_$][\w$]*$/.test(scheme.name) ? scheme.name : JSON.stringify(scheme.name);
  const value = scheme.place === "basic" ? '{ username: "me", password: process.env.API_PASSWORD! }' : "process.env.API_TOKEN!";
  return `${key}: ${value}`;
}

export function baseUrlText({ baseUrl }: ApiIdentity): string {
  return baseUrl
    ? `Requests go to ${codeSpan(baseUrl)} unless you pass \`createClient({ baseUrl })\`.`
    : "The description names no server: `createClient({ baseUrl })` is required (a type error without it, and a `TypeError` at run time).";
}

/** One line per scheme: its `auth` key and where its credential goes. */
export function authText({ schemes }: ApiIdentity): string {
  if (!schemes.length) return "The description declares no security scheme the client can send: `createClient` takes no `auth`.";
  const where = (s: SchemeModel): string =>
    s.place === "bearer"
      ? "a token, sent as `Authorization: Bearer <token>`"
      : s.place === "basic"
        ? "`{ username, password }`, sent as `Authorization: Basic`"
        : `an API key, sent as the ${codeSpan(s.key!)} ${s.place === "header" ? "header" : s.place === "query" ? "query parameter" : "cookie"}`;
  return [
    "`createClient({ auth: { <scheme>: credential } })` takes a credential per security scheme of the description:",
    "",
    ...schemes.map((s) => `- ${codeSpan(s.name)}: ${where(s)}.`),
  ].join("\n");
}
