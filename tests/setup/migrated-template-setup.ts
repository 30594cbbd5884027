import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    migratedDataDirTemplate: string;
  }
}

const shared = globalThis as typeof globalThis & { cradleMigratedTemplate?: { folder: Promise<string>; users: number } };

/**
 * Global setup of the process and e2e projects: one data folder migrated once per run by the real
 * `npm run migrate`; each server starts from a copy (`copyMigratedDataDir`) instead of migrating a
 * fresh folder, which took most of a cold start. Projects share it; the last one removes it.
 */
export default async function setup(project: TestProject) {
  shared.cradleMigratedTemplate ??= { folder: migrateTemplate(), users: 0 };
  const template = shared.cradleMigratedTemplate;
  template.users++;
  project.provide("migratedDataDirTemplate", await template.folder);
  return async () => {
    if (--template.users === 0) rmSync(await template.folder, { recursive: true, force: true });
  };
}

async function migrateTemplate(): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), "cradle-template-"));
  await promisify(execFile)(process.execPath, ["src/cli/migrate.ts"], { env: { PATH: process.env.PATH ?? "", DATA_DIR: folder } });
  return folder;
}
