import "../load-env-file.ts";
import "../server/production-by-default.ts";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { type Config, ConfigError, readConfig } from "../config.ts";
import { forgetBuildFingerprint, isBuildCurrent } from "./build-fingerprint.ts";

/**
 * `npm start`: check the settings (a mistake is reported in a second, not after a build), build the
 * web app only when its sources changed since the last build, then serve in this same process.
 * Nothing that loads React is imported before the build is done (production-by-default.ts).
 */
const config = settingsOrExit();
buildUnlessCurrent(process.cwd(), path.resolve("build"));
const { serve } = await import("../server/serve.ts");
await serve(() => config);

function settingsOrExit(): Config {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}

function buildUnlessCurrent(root: string, buildDir: string): void {
  if (isBuildCurrent(root, buildDir)) {
    console.log("The build is up to date with the sources: not building.");
    return;
  }
  console.log("Building the web app (the sources changed since the last build, or there is none)...");
  forgetBuildFingerprint(buildDir);
  const cli = path.join(root, "node_modules", "@react-router", "dev", "bin.js");
  const build = spawnSync(process.execPath, [cli, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) {
    console.error("\nThe build failed (its output is above); Cradle did not start.\n");
    process.exit(1);
  }
}
