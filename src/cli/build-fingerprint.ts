import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * What the web build is made from: every file under these folders and these files of the project.
 * Broader than the bundle needs (a change to src/cli rebuilds too): a needless build costs seconds,
 * a stale one serves yesterday's code.
 */
const buildInputs = ["app", "src", "vite.config.ts", "react-router.config.ts", "tsconfig.json", "package.json", "package-lock.json"];

/** Written into the build folder after a build: the fingerprint of the inputs it was made from. */
const fingerprintFile = "inputs.sha256";

/** SHA-256 over the path and content of every build input, in a fixed order; a missing input counts as absent. */
export function fingerprintBuildInputs(root: string): string {
  const hash = createHash("sha256");
  for (const file of inputFiles(root)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function inputFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    if (!statSync(absolute).isDirectory()) return void files.push(relative.split(path.sep).join("/"));
    for (const entry of readdirSync(absolute).sort()) visit(path.join(relative, entry));
  };
  for (const input of buildInputs) visit(input);
  return files;
}

export function writeBuildFingerprint(buildDir: string, fingerprint: string): void {
  writeFileSync(path.join(buildDir, fingerprintFile), `${fingerprint}\n`);
}

/** Before building: a build that fails half-way must not keep an older fingerprint that would vouch for it. */
export function forgetBuildFingerprint(buildDir: string): void {
  rmSync(path.join(buildDir, fingerprintFile), { force: true });
}

/** The build is there and was made from exactly these inputs. */
export function isBuildCurrent(root: string, buildDir: string): boolean {
  const written = path.join(buildDir, fingerprintFile);
  if (!existsSync(path.join(buildDir, "server", "index.js")) || !existsSync(written)) return false;
  return readFileSync(written, "utf8").trim() === fingerprintBuildInputs(root);
}
