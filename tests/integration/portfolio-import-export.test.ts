import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { buildUser } from "../setup/builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

async function person() {
  const user = await buildUser(app.services.db, { name: "Lupe Ortega" });
  const client = await app.clientAs(user.id);
  return { user, client };
}

const example = readFileSync("examples/ifs-portfolio.json", "utf8");

async function importsOf(userId: string) {
  const entries = await listAuditOfSubject(app.services.db, "portfolio", userId);
  return entries.filter((entry) => entry.action === "portfolio.imported").map((entry) => ({ actor: entry.actor_user_id, ...entry.details }));
}

describe("portfolio import and export", () => {
  it("imports a portable portfolio, and exports it back as the same entries", async () => {
    const { user, client } = await person();
    const page = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: example } });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Added 9 entries.");
    const { portfolio } = await findPortfolio(app.services.db, user.id);
    expect(portfolio.training.map((entry) => entry.id)).toEqual(["t1", "t2"]);

    const again = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: example } });
    expect(again.text).toContain("No entries were added.");
    expect(again.text).toContain("9 entries were already in your portfolio.");
    expect(await importsOf(user.id)).toEqual([{ actor: user.id, kind: "json", added: 9, skipped: 0, rejected: 0 }]);

    const exported = await client.get("/portfolio/export");
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="cradle-portfolio-\d{4}-\d{2}-\d{2}\.json"$/);
    const file = JSON.parse(exported.text);
    expect(file.person).toEqual({ name: "Lupe Ortega", email: user.email });
    expect(file.reflectiveSupervision).toEqual(portfolio.reflectiveSupervision);
  });

  it("adds the good entries of a file, and says which were left out and why", async () => {
    const { user, client } = await person();
    const file = JSON.stringify({
      training: [
        { id: "ok", title: "Good course", date: "2024-01-10", clockHours: 3 },
        { id: "bad", title: "Bad date", date: "10/01/2024", clockHours: 3 },
      ],
      work: [{ start: "2020-01-01", kind: "astronaut" }],
    });
    const page = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: file } });
    expect(page.text).toContain("Added 1 entry.");
    expect(page.text).toContain("training.1.date: must be a date written YYYY-MM-DD");
    expect(page.text).toContain("work.0.kind");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training.map((entry) => entry.id)).toEqual(["ok"]);
  });

  it("leaves out an entry whose end is before its start, naming it, rather than adding a job of no time", async () => {
    const { user, client } = await person();
    const file = JSON.stringify({
      work: [
        { id: "backwards", role: "Home visitor", start: "2021-03-01", end: "2020-12-31" },
        { id: "one-day", role: "Substitute", start: "2021-03-01", end: "2021-03-01" },
      ],
      licences: [{ id: "lic", type: "RN", issued: "2022-01-15", expires: "2020-01-15" }],
      credentials: [{ framework: "alliance-iecmh-e", category: "ifs", earned: "2022-01-15", expires: "2020-01-15" }],
    });
    const page = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: file } });
    expect(page.text).toContain("Added 1 entry.");
    expect(page.text).toContain("work.0.end: end must not be before start");
    expect(page.text).toContain("licences.0.expires: expires must not be before issued");
    expect(page.text).toContain("credentials.0.expires: expires must not be before earned");
    const { portfolio } = await findPortfolio(app.services.db, user.id);
    expect(portfolio.work.map((entry) => entry.id)).toEqual(["one-day"]);
    expect(portfolio.licences).toEqual([]);
    expect(portfolio.credentials).toEqual([]);
  });

  it("leaves out exam results, set only by the association, and says so", async () => {
    const { user, client } = await person();
    const file = JSON.stringify({
      training: [{ id: "ok", title: "Good course", date: "2024-01-10", clockHours: 3 }],
      exams: [
        { id: "p1", part: "part-1", date: "2025-05-01", score: 60, outOf: 60 },
        { id: "p2", part: "part-2", date: "2025-05-01", result: "pass", recordedBy: "Myself", recordedOn: "2025-05-02" },
      ],
    });
    const page = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: file } });
    expect(page.text).toContain("Added 1 entry.");
    expect(page.text).toContain("2 exam results were left out: exam results are recorded by the association, not imported.");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.exams).toEqual([]);
  });

  it("imports a provider's training CSV, in Spanish column names too", async () => {
    const { user, client } = await person();
    const csv = '\uFEFFCurso;Fecha;Horas;Proveedor;Temas\n"Apego; vínculo y cultura";2024-05-02;6,5;Centro;dei\nSin fecha;;2;Centro;\n';
    const page = await client.postFiles("/portfolio/import", { kind: "csv" }, { file: { name: "t.csv", type: "text/csv", content: csv } });
    expect(page.text).toContain("Added 1 entry.");
    expect(page.text).toContain("line 3.date");
    const { portfolio } = await findPortfolio(app.services.db, user.id);
    expect(portfolio.training).toMatchObject([{ title: "Apego; vínculo y cultura", date: "2024-05-02", clockHours: 6.5, provider: "Centro", topics: ["dei"] }]);
    expect(await importsOf(user.id)).toEqual([{ actor: user.id, kind: "csv", added: 1, skipped: 0, rejected: 1 }]);
  });

  it("imports Excel's UTF-16 export with its sep= line, as uploaded bytes", async () => {
    const { user, client } = await person();
    const text = "\uFEFFsep=;\r\nCurso;Fecha;Horas\r\nCrianza y apego;2024-06-01;4,5\r\n";
    const content = Uint8Array.from(Buffer.from(text, "utf16le"));
    const page = await client.postFiles("/portfolio/import", { kind: "csv" }, { file: { name: "t.csv", type: "text/csv", content } });
    expect(page.text).toContain("Added 1 entry.");
    const { portfolio } = await findPortfolio(app.services.db, user.id);
    expect(portfolio.training).toMatchObject([{ title: "Crianza y apego", date: "2024-06-01", clockHours: 4.5 }]);
  });

  it("says what is wrong with a file it cannot read", async () => {
    const { user, client } = await person();
    const notJson = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: "{ nope" } });
    expect(notJson.text).toContain("file: not valid JSON");
    const csv = await client.postFiles("/portfolio/import", { kind: "csv" }, { file: { name: "t.csv", type: "text/csv", content: "a,b\n1,2\n" } });
    expect(csv.text).toContain("The CSV has no title, date, clockHours column");
    const none = await client.postFiles("/portfolio/import", { kind: "csv" }, {});
    expect(none.status).toBe(400);
    expect(none.text).toContain("Choose a file.");
    expect(await importsOf(user.id)).toEqual([]);
  });
});

describe("the archive of everything", () => {
  it("zips portfolio.json with every uploaded document, readable by another zip reader, for the owner only", async () => {
    const { user, client } = await person();
    await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: example } });
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 64 }, (_, i) => i)]);
    await client.postFiles(
      "/portfolio/documents",
      { type: "transcript" },
      { file: { name: "Transcript: Fall/2015.pdf", type: "application/pdf", content: pdf } },
    );
    await client.postFiles("/portfolio/documents", { type: "certificate" }, { file: { name: "certificado niño.png", type: "image/png", content: png } });

    const archive = await client.getBytes("/portfolio/archive");
    expect(archive.status).toBe(200);
    expect(archive.headers.get("content-type")).toBe("application/zip");
    const folder = mkdtempSync(path.join(tmpdir(), "cradle-archive-"));
    writeFileSync(path.join(folder, "archive.zip"), archive.bytes);
    // Python's zipfile is an independent reader: it checks every CRC and lists what is inside.
    const script =
      "import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: z.read(n).hex() for n in z.namelist()}))";
    const { stdout } = await promisify(execFile)("python3", ["-c", script, path.join(folder, "archive.zip")]);
    const entries = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(entries)).toEqual(["portfolio.json", "documents/01-Transcript_ Fall_2015.pdf", "documents/02-certificado niño.png"]);
    expect(Buffer.from(entries["documents/01-Transcript_ Fall_2015.pdf"]!, "hex")).toEqual(Buffer.from(pdf));
    expect(Buffer.from(entries["documents/02-certificado niño.png"]!, "hex")).toEqual(Buffer.from(png));
    const exported = JSON.parse(Buffer.from(entries["portfolio.json"]!, "hex").toString("utf8"));
    expect(exported.training.map((entry: { id: string }) => entry.id)).toEqual(["t1", "t2"]);
    expect(exported.documents).toHaveLength(2);
    expect(exported.person).toEqual({ name: "Lupe Ortega", email: user.email });

    expect((await (await app.client()).getBytes("/portfolio/archive")).status).toBe(401);
    const stranger = await person();
    const theirs = await stranger.client.getBytes("/portfolio/archive");
    expect(theirs.bytes.length).toBeLessThan(archive.bytes.length / 2);
  });
});
