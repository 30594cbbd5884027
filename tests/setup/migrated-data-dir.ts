import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";

/** A new data folder holding an already migrated, empty embedded database (see migrated-template-setup.ts). */
export function copyMigratedDataDir(prefix = "cradle-process-"): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(inject("migratedDataDirTemplate"), folder, { recursive: true });
  return folder;
}
