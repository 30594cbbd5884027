import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * A brand-new PGlite database spends most of its first start in initdb (about 3 s of CPU; decision
 * 023). Every new database of one PGlite version starts out the same, so the first one made on this
 * machine is kept beside the installed packages (node_modules/.cache/cradle) and later new databases
 * are unpacked from it. An uncompressed tar of about 40 MB: compressing took more CPU than it saved.
 * Only ever the state right after initdb: the migrations run as usual.
 */
const pgliteRoot = path.resolve(path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")), "..");
const pgliteVersion = (JSON.parse(readFileSync(path.join(pgliteRoot, "package.json"), "utf8")) as { version: string }).version;

export const freshDatabaseTemplate = path.resolve(pgliteRoot, "..", "..", ".cache", "cradle", `pglite-${pgliteVersion}-after-initdb.tar`);

/** Opens the PGlite data folder; an empty one is filled from the template when there is one, and otherwise makes it. */
export async function createPGliteInFolder(folder: string, template = freshDatabaseTemplate): Promise<PGlite> {
  if (readdirSync(folder).length > 0) return PGlite.create(folder);
  const loaded = await createFromTemplate(template, (loadDataDir) => PGlite.create(folder, { loadDataDir }));
  if (loaded) return loaded;
  // A template that failed half-way may have left files: initdb wants the folder as it was, empty.
  for (const entry of readdirSync(folder)) rmSync(path.join(folder, entry), { recursive: true, force: true });
  const pglite = await PGlite.create(folder);
  await saveTemplate(pglite, template);
  return pglite;
}

/** An in-memory PGlite (tests, type generation), from the template too when there is one. */
export async function createPGliteInMemory(template = freshDatabaseTemplate): Promise<PGlite> {
  const loaded = await createFromTemplate(template, (loadDataDir) => PGlite.create({ loadDataDir }));
  if (loaded) return loaded;
  const pglite = await PGlite.create();
  await saveTemplate(pglite, template);
  return pglite;
}

async function createFromTemplate(template: string, create: (loadDataDir: Blob) => Promise<PGlite>): Promise<PGlite | undefined> {
  if (!existsSync(template)) return undefined;
  try {
    return await create(new Blob([readFileSync(template)]));
  } catch {
    // Unreadable or from an incompatible build: initdb instead, and a new template replaces it.
    return undefined;
  }
}

/** Best effort: where node_modules cannot be written, every new database simply runs initdb. */
async function saveTemplate(pglite: PGlite, template: string): Promise<void> {
  try {
    const archive = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer());
    mkdirSync(path.dirname(template), { recursive: true });
    // Written whole under another name, then renamed: a process reading it never sees half a file.
    const partial = `${template}.${randomBytes(6).toString("hex")}.partial`;
    writeFileSync(partial, archive);
    renameSync(partial, template);
  } catch {
    // The database itself is fine; only the next new one will be slower.
  }
}
