import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * SESSION_SECRET signs CSRF tokens. Without one we make a random secret once and keep it in
 * the data folder, so the two-command start needs no setup and tokens survive a restart.
 */
export function loadSessionSecret(configured: string | undefined, dataDir: string): string {
  return configured ?? secretInDataDir(dataDir, "session-secret");
}

/** A random secret made once and kept in the data folder (mode 600), for settings the quick start leaves unset. */
export function secretInDataDir(dataDir: string, name: string): string {
  const file = path.resolve(dataDir, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
