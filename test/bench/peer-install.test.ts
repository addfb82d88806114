// The bench installs its peers into bench/node_modules when they are missing or stale: an install
// is redone after any change to bench/package.json or its lock, after an interrupted or failed
// install, and never otherwise.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensurePeers, npmCi, peersCurrent } from "../../bench/lib/peer-install.js";

let dir: string;
let installs: number;
/** Stands in for `npm ci`, which deletes node_modules and installs afresh. */
const fakeCi = (into: string) => {
  installs++;
  rmSync(join(into, "node_modules"), { recursive: true, force: true });
  mkdirSync(join(into, "node_modules"));
};
const record = () => join(dir, "node_modules", ".bench-peers-digest");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "peer-install-"));
  installs = 0;
  writeFileSync(join(dir, "package.json"), `{ "name": "peers", "dependencies": { "a": "1.0.0" } }\n`);
  writeFileSync(join(dir, "package-lock.json"), `{ "lockfileVersion": 3, "packages": { "node_modules/a": { "version": "1.0.0" } } }\n`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("ensurePeers", () => {
  it("installs when node_modules is missing, then not again", () => {
    expect(peersCurrent(dir)).toBe(false);
    expect(ensurePeers(dir, fakeCi)).toBe(true);
    expect(peersCurrent(dir)).toBe(true);
    expect(ensurePeers(dir, fakeCi)).toBe(false);
    expect(installs).toBe(1);
  });

  it.each(["package.json", "package-lock.json"])("installs again after %s changes", (file) => {
    ensurePeers(dir, fakeCi);
    writeFileSync(join(dir, file), `{ "changed": true }\n`);
    expect(peersCurrent(dir)).toBe(false);
    expect(ensurePeers(dir, fakeCi)).toBe(true);
    expect(installs).toBe(2);
  });

  it("installs when node_modules exists without a record (installed by hand, or an interrupted npm ci)", () => {
    mkdirSync(join(dir, "node_modules"));
    expect(ensurePeers(dir, fakeCi)).toBe(true);
  });

  it("installs when the record is damaged", () => {
    ensurePeers(dir, fakeCi);
    writeFileSync(record(), "not a digest\n");
    expect(ensurePeers(dir, fakeCi)).toBe(true);
    expect(installs).toBe(2);
  });

  it("records nothing when the install fails, so the next run tries again", () => {
    const failing = () => {
      throw new Error("npm ci failed");
    };
    expect(() => ensurePeers(dir, failing)).toThrow("npm ci failed");
    expect(peersCurrent(dir)).toBe(false);
    expect(ensurePeers(dir, fakeCi)).toBe(true);
  });

  it("names the missing manifest and how to restore it", () => {
    rmSync(join(dir, "package-lock.json"));
    expect(() => ensurePeers(dir, fakeCi)).toThrow(/package-lock\.json is missing.*git checkout/);
    expect(installs).toBe(0);
  });
});

describe("npmCi", () => {
  it("throws with npm's exit code when npm ci fails (here: no lock file, so npm stops before any network)", () => {
    rmSync(join(dir, "package-lock.json"));
    expect(() => npmCi(dir, { stdio: "ignore" })).toThrow(/npm ci in .* failed with exit code [1-9]/);
  });

  it("stops an install that takes too long, and says so", () => {
    expect(() => npmCi(dir, { timeoutMs: 1, stdio: "ignore" })).toThrow(
      /npm ci in .* took over 0\.001 s and was stopped; check the registry connection/,
    );
  });
});
