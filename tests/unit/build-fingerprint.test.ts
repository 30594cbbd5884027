import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintBuildInputs, forgetBuildFingerprint, isBuildCurrent, writeBuildFingerprint } from "../../src/cli/build-fingerprint.ts";

/** A small project: sources in app/ and src/, the configuration files, and files that are no input to the build. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), "cradle-fingerprint-"));
  const files: Record<string, string> = {
    "app/root.tsx": "export default function Root() {}",
    "app/routes/home.tsx": "export default function Home() {}",
    "src/config.ts": "export const port = 3000;",
    "vite.config.ts": "export default {};",
    "react-router.config.ts": "export default {};",
    "package-lock.json": '{"lockfileVersion":3}',
    "tests/unit/a.test.ts": "test",
    "docs/notes.md": "notes",
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** The build as `react-router build` leaves it: the server bundle, and the fingerprint of the inputs it began with. */
function build(root: string): string {
  const buildDir = path.join(root, "build");
  mkdirSync(path.join(buildDir, "server"), { recursive: true });
  writeFileSync(path.join(buildDir, "server", "index.js"), "export {};");
  writeBuildFingerprint(buildDir, fingerprintBuildInputs(root));
  return buildDir;
}

describe("the fingerprint of the build's inputs", () => {
  it("is the same for an unchanged tree, so a start does not build again", () => {
    const root = project();
    expect(fingerprintBuildInputs(root)).toBe(fingerprintBuildInputs(root));
    expect(isBuildCurrent(root, build(root))).toBe(true);
  });

  it.each([
    ["a changed source file", (root: string) => writeFileSync(path.join(root, "app/routes/home.tsx"), "export default function Home() { return 1; }")],
    ["a new source file", (root: string) => writeFileSync(path.join(root, "src/new-module.ts"), "export {};")],
    ["a renamed source file", (root: string) => renameSync(path.join(root, "src/config.ts"), path.join(root, "src/settings.ts"))],
    ["a changed lock file (another framework version)", (root: string) => writeFileSync(path.join(root, "package-lock.json"), '{"lockfileVersion":3,"x":1}')],
    ["a changed Vite configuration", (root: string) => writeFileSync(path.join(root, "vite.config.ts"), "export default { base: '/x/' };")],
  ])("changes with %s, so the next start builds", (_change, change) => {
    const root = project();
    const buildDir = build(root);
    change(root);
    expect(isBuildCurrent(root, buildDir)).toBe(false);
  });

  it("ignores files that are no input to the build (tests, documentation)", () => {
    const root = project();
    const buildDir = build(root);
    writeFileSync(path.join(root, "tests/unit/a.test.ts"), "another test");
    writeFileSync(path.join(root, "docs/notes.md"), "other notes");
    expect(isBuildCurrent(root, buildDir)).toBe(true);
  });

  it("counts a build as missing without its server bundle or its fingerprint", () => {
    const root = project();
    expect(isBuildCurrent(root, path.join(root, "build")), "never built").toBe(false);
    const buildDir = build(root);
    forgetBuildFingerprint(buildDir);
    expect(isBuildCurrent(root, buildDir), "a build begun and not finished").toBe(false);
  });

  it("tells moving content between files from keeping it", () => {
    const root = project();
    const before = fingerprintBuildInputs(root);
    writeFileSync(path.join(root, "app/root.tsx"), "");
    writeFileSync(path.join(root, "app/routes/home.tsx"), "export default function Root() {}export default function Home() {}");
    expect(fingerprintBuildInputs(root)).not.toBe(before);
  });
});
