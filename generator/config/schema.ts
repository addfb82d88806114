// The keys of the config file, each with the check of its value: the one list that the reader,
// the suggestions for misspelt keys and the README's table of keys follow.
import { isHttpUrl, parseSpecUrl } from "../load/remote.js";
import { listOf, objectOf, oneOf, text, type Read } from "./fields.js";

/** The vendor conventions a generated client follows (DESIGN.md, "Profiles"). */
export const PROFILES = ["github", "generic"] as const;
export type Profile = (typeof PROFILES)[number];

const URL_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/** A file or folder path, relative to the config file's folder. A URL here is a mistake. */
const path = (example: string) =>
  text(example, (value) =>
    URL_SCHEME.test(value)
      ? { message: `${JSON.stringify(value)} is a URL, not a path`, hint: `give a path, for example: ${example}` }
      : undefined,
  );

/** The spec: a path, or an http(s) URL (load/remote.ts reads it); any other scheme is a mistake. */
const specSource = text("spec/openapi.yaml", (value) => {
  if (isHttpUrl(value)) {
    const url = parseSpecUrl(value);
    return "problem" in url
      ? { message: url.problem, hint: "give an http(s) URL without a user name or password, or the path of the spec file" }
      : undefined;
  }
  if (URL_SCHEME.test(value))
    return {
      message: `${JSON.stringify(value.split(":")[0])} URLs are not supported`,
      hint: "give the path of the spec file, or an http(s) URL",
    };
  return undefined;
});

/** npm's rules for a package name: lower case, URL-safe, an optional @scope/ (and at most 214 characters). */
export const NPM_NAME = /^(@[a-z\d~-][a-z\d._~-]*\/)?[a-z\d~-][a-z\d._~-]*$/;

const packageName = text(
  "my-api-client",
  (value) =>
    NPM_NAME.test(value)
      ? undefined
      : {
          message: `${JSON.stringify(value)} is not a valid npm package name`,
          hint: "use lower-case letters, digits, - . _ ~ and an optional @scope/, for example: @acme/petstore-client",
        },
  214,
);

/** "auto": the version follows the API change since the last run (today's behaviour); or an exact version. */
const versionPolicy = text("auto", (value) =>
  value === "auto" || /^\d+\.\d+\.\d+(-[\da-z.-]+)?$/i.test(value)
    ? undefined
    : {
        message: `${JSON.stringify(value)} is not a version policy`,
        hint: `use "auto" (bumped from the API change) or an exact version such as "1.2.0"`,
      },
);

/** An SPDX expression, as package.json takes it: `MIT`, `Apache-2.0`, `(MIT OR Apache-2.0)`, `UNLICENSED`. */
const license = text(
  "MIT",
  (value) =>
    /^[()\w.+: -]+$/.test(value)
      ? undefined
      : {
          message: `${JSON.stringify(value)} is not an SPDX license expression`,
          hint: "for example: MIT, Apache-2.0 or (MIT OR Apache-2.0)",
        },
  200,
);

/** Where the client sends requests when the caller gives no baseUrl: an http(s) URL with no credentials in it. */
const baseUrl = text("https://api.example.com", (value) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { message: `${JSON.stringify(value)} is not a URL`, hint: "for example: https://api.example.com/v1" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { message: `not an http(s) URL but ${url.protocol}`, hint: "for example: https://api.example.com/v1" };
  if (url.username || url.password) {
    return {
      message: "a user name or password in the URL",
      hint: "credentials do not belong in a config file; the client takes a token at run time",
    };
  }
  if (url.search || url.hash)
    return { message: "a query or a fragment in the URL", hint: "give only the origin and path, for example: https://api.example.com/v1" };
  return undefined;
});

/** Sent as a header: printable ASCII only, which text() and this pattern ensure. */
const userAgent = text(
  "my-app/1.0",
  (value) =>
    /^[\x20-\x7e]+$/.test(value)
      ? undefined
      : { message: "characters that a header cannot carry", hint: "use printable ASCII, for example: my-app/1.0" },
  256,
);

export const PACKAGE_SHAPE = {
  name: packageName,
  version: versionPolicy,
  description: text("A typed client for the Petstore API", undefined, 500),
  license,
  repository: text("https://github.com/acme/petstore-client", undefined, 500),
};

export const CONFIG_SHAPE = {
  spec: specSource,
  out: path("generated"),
  allowRefFolders: listOf(path("../shared-schemas"), "[../shared-schemas]"),
  package: objectOf(PACKAGE_SHAPE, "{ name: my-api-client }"),
  baseUrl,
  userAgent,
  profile: oneOf(PROFILES),
};

export const readConfigValue = objectOf(CONFIG_SHAPE, "spec: openapi.yaml");
export type ConfigValue = NonNullable<Read<typeof CONFIG_SHAPE>>;
