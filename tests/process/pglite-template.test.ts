import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { createPGliteInFolder } from "../../src/data/pglite-template.ts";
import { serverStartTimeoutMs } from "../setup/test-timeouts.ts";

const folder = () => mkdtempSync(path.join(tmpdir(), "cradle-template-test-"));
const hasTable = async (pglite: PGlite, name: string) =>
  (await pglite.query<{ found: boolean }>("select to_regclass($1) is not null as found", [name])).rows[0]!.found;

/** A template that is told apart from what initdb makes: it holds a table named `from_template`. */
async function markedTemplate(): Promise<string> {
  const source = await PGlite.create();
  await source.exec("create table from_template (id int)");
  const template = path.join(folder(), "template.tar");
  writeFileSync(template, Buffer.from(await (await source.dumpDataDir("none")).arrayBuffer()));
  await source.close();
  return template;
}

// PGlite only: one run is enough (the postgres project would only repeat it). Each test starts PGlite
// two or three times, which takes seconds on a busy machine: the server start timeout applies.
describe("a new embedded database from this machine's template", { timeout: serverStartTimeoutMs() }, () => {
  it("fills an empty data folder from the template, and the database keeps what it writes after a restart", async () => {
    const template = await markedTemplate();
    const dataFolder = folder();
    const pglite = await createPGliteInFolder(dataFolder, template);
    expect(await hasTable(pglite, "from_template")).toBe(true);
    await pglite.exec("create table written_after (id int); insert into written_after values (1)");
    await pglite.close();
    const reopened = await createPGliteInFolder(dataFolder, template);
    expect((await reopened.query("select id from written_after")).rows).toEqual([{ id: 1 }]);
    await reopened.close();
  });

  it("runs initdb without a usable template, and keeps the result as the template for the next new folder", async () => {
    const template = path.join(folder(), "cache", "template.tar");
    for (const before of ["missing", "unreadable"]) {
      if (before === "unreadable") writeFileSync(template, "not an archive");
      const made = await createPGliteInFolder(folder(), template);
      expect(await hasTable(made, "from_template"), before).toBe(false);
      await made.close();
      expect(statSync(template).size, `${before}: a template was written`).toBeGreaterThan(1_000_000);
    }
    const next = await createPGliteInFolder(folder(), template);
    expect((await next.query<{ n: number }>("select 1 as n")).rows).toEqual([{ n: 1 }]);
    await next.close();
  });

  it("opens a folder that already holds a database as it is, whatever the template", async () => {
    const template = await markedTemplate();
    const dataFolder = folder();
    const made = await PGlite.create(dataFolder);
    await made.close();
    const before = readdirSync(dataFolder).length;
    const opened = await createPGliteInFolder(dataFolder, template);
    expect(await hasTable(opened, "from_template")).toBe(false);
    await opened.close();
    expect(readdirSync(dataFolder).length).toBe(before);
  });
});
