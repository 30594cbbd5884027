import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { answerConfirmation } from "../../src/commands/answer-confirmation.ts";
import { askForConfirmation } from "../../src/commands/ask-for-confirmation.ts";
import { askForReference } from "../../src/commands/ask-for-reference.ts";
import { markTranscriptsReceived } from "../../src/commands/mark-transcripts-received.ts";
import { submitRating } from "../../src/commands/submit-rating.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { evaluate } from "../../src/domain/evaluate.ts";
import type { Portfolio } from "../../src/domain/portfolio-schema.ts";
import { buildUser } from "../setup/builders.ts";
import { allianceRatingItems } from "../setup/link-builders.ts";
import { buildApplicant, buildDraftApplication, buildStaffAndReviewer, runOrThrow } from "../setup/state-builders.ts";
import type { HttpClient } from "../setup/http-client.ts";
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
    expect(page.text).toContain("Added 6 entries.");
    expect(page.text).toContain("3 references were left out");
    const { portfolio } = await findPortfolio(app.services.db, user.id);
    expect(portfolio.training.map((entry) => entry.id)).toEqual(["t1", "t2"]);

    const again = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: example } });
    expect(again.text).toContain("No entries were added.");
    expect(again.text).toContain("6 entries were already in your portfolio.");
    expect(await importsOf(user.id)).toEqual([
      {
        actor: user.id,
        kind: "json",
        added: 6,
        skipped: 0,
        rejected: 0,
        notTaken: { exams: 0, references: 3, transcripts: 1, confirmations: 0, vettedProviders: 0 },
      },
    ]);

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

/** The stored portfolio as the engine reads it for IFS: a requirement's status and the entries it counted. */
const alliance = app.services.frameworks.find((framework) => framework.id === "alliance-iecmh-e")!;
const ifs = alliance.categories.find((category) => category.id === "ifs")!;
async function ifsRequirement(userId: string, requirementId: string, asOf: string) {
  const { portfolio } = await findPortfolio(app.services.db, userId);
  const requirement = evaluate(alliance, ifs, portfolio, asOf).requirements.find((candidate) => candidate.id === requirementId)!;
  return { status: requirement.status, counted: requirement.counted.map((entry) => entry.entryId) };
}

/** A few days ahead, so a rating answered today counts wherever the association's today is. */
const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

/**
 * Someone (of the example portfolio) whose RS/C provider confirmed session r1, whose three raters
 * answered, and whose official transcript the association received; with the file they export.
 */
async function confirmedAndRated() {
  const applicant = await buildDraftApplication(app);
  const { staff } = await buildStaffAndReviewer(app, applicant.associationId);
  await runOrThrow(app, markTranscriptsReceived, staff.actor, { associationId: applicant.associationId, applicationId: applicant.applicationId });
  const confirmation = { entryId: "r1", name: "Dr. Lee", email: "lee@example.org", summary: "I received it · 2024-06-01 · 12 h", locale: "en" as const };
  const { linkId } = await runOrThrow(app, askForConfirmation, applicant.actor, confirmation);
  await runOrThrow(app, answerConfirmation, { kind: "link", purpose: "verify-entry", linkId }, { confirmed: true, comment: "" });
  const raters = [
    ["Sam Boss", "current-supervisor"],
    ["Dr. Lee", "rsc-provider"],
    ["Cole League", "colleague"],
  ] as const;
  const answers = {
    ...Object.fromEntries(allianceRatingItems(app).map((item) => [item, "4"])),
    raterCredential: "alliance-iecmh-e/imhs",
    raterEarned: "2015-01-01",
  };
  for (const [index, [raterName, role]] of raters.entries()) {
    const request = {
      raterName,
      raterEmail: `rater-${index}@example.org`,
      role,
      frameworkId: "alliance-iecmh-e",
      categoryId: "ifs",
      associationId: null,
      waived: false,
      locale: "en" as const,
    };
    const { referenceId } = await runOrThrow(app, askForReference, applicant.actor, request);
    const link = await app.services.db.selectFrom("access_links").select("id").where("entry_id", "=", referenceId).executeTakeFirstOrThrow();
    await runOrThrow(app, submitRating, { kind: "link", purpose: "reference", linkId: link.id }, { answers, anyway: false });
  }
  const exported = (await (await app.clientAs(applicant.user.id)).get("/portfolio/export")).text;
  return { ...applicant, exported };
}

const importJson = (client: HttpClient, content: string) =>
  client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content } });

describe("what only the association, a rater, a supervisor or a provider sets (issue 17)", () => {
  it("takes none of it from a hand-edited file: no transcript, confirmation, accepted provider or answered rating counts, and the report says so", async () => {
    const { user, client } = await person();
    const vettedProvider = { name: "Pat Provider", vetted: true };
    const file = JSON.stringify({
      education: [{ id: "ma", level: "master", field: "Social work", completed: "2018-05-01", officialTranscript: true }],
      work: [{ id: "job", start: "2019-01-01", supervisor: "Sam Boss", verified: true }],
      training: [{ id: "course", title: "Attachment", date: "2024-01-10", clockHours: 30, verified: true }],
      reflectiveSupervision: [
        { id: "s1", direction: "received", date: "2024-05-01", hours: 12, format: "individual", provider: vettedProvider, verified: true },
        { id: "s2", direction: "received", date: "2025-05-01", hours: 12, format: "individual", provider: vettedProvider, verified: true },
      ],
      references: [
        { id: "ref-1", raterName: "Sam Boss", role: "current-supervisor", completed: "2025-05-01", notEnoughInformation: 0 },
        { id: "ref-2", raterName: "Pat Provider", role: "rsc-provider", completed: "2025-05-02", raterVetted: true },
        {
          id: "ref-3",
          raterName: "Cole League",
          role: "colleague",
          completed: "2025-05-03",
          raterCredentials: [{ framework: "alliance-iecmh-e", category: "imhs", earned: "2015-01-01" }],
        },
      ],
      exams: [{ id: "p1", part: "part-1", date: "2025-05-01", score: 60, outOf: 60 }],
      observations: [{ id: "o1", date: "2025-04-01", recorded: true }],
      reviewerHours: [{ id: "h1", date: "2025-04-01", hours: 20, role: "application-reviewer" }],
    });
    const page = await importJson(client, file);
    expect(page.text).toContain("Added 5 entries.");
    expect(page.text).toContain("Some things only the association, a rater, a supervisor or a provider can record, so they were not taken from the file:");
    expect(page.text).toContain(
      "3 references were left out: a rating counts only when the rater sends it to you through Cradle. Ask again from My references.",
    );
    expect(page.text).toContain("The file names Sam Boss, Pat Provider, Cole League.");
    expect(page.text).toContain(
      "1 degree arrived without the official transcript marked as received: the association marks it when the transcript reaches them.",
    );
    expect(page.text).toContain(
      "4 entries arrived unconfirmed: a confirmation stays in the account where the supervisor or provider gave it. Ask them again from My portfolio if you need it here.",
    );
    expect(page.text).toContain("2 RS/C sessions arrived with the provider not accepted by the association: only the association accepts a provider.");
    expect(page.text).toContain("1 exam result was left out: exam results are recorded by the association, not imported.");

    const { portfolio } = await findPortfolio(app.services.db, user.id);
    expect(portfolio.education.map((entry) => entry.officialTranscript)).toEqual([false]);
    expect([...portfolio.work, ...portfolio.training, ...portfolio.reflectiveSupervision].map((entry) => entry.verified)).toEqual([false, false, false, false]);
    expect(portfolio.reflectiveSupervision.map((entry) => entry.provider)).toEqual([
      { name: "Pat Provider", credentials: [], isPeer: false, vetted: false },
      { name: "Pat Provider", credentials: [], isPeer: false, vetted: false },
    ]);
    expect([portfolio.references, portfolio.exams, portfolio.observations, portfolio.reviewerHours]).toEqual([[], [], [], []]);

    expect(await ifsRequirement(user.id, "official-transcript", "2025-06-01")).toEqual({ status: "unmet", counted: [] });
    expect(await ifsRequirement(user.id, "references", "2025-06-01")).toMatchObject({ counted: [] });
    expect(await ifsRequirement(user.id, "rsc-received", "2025-06-01")).toMatchObject({ counted: [] });
    expect(await importsOf(user.id)).toEqual([
      {
        actor: user.id,
        kind: "json",
        added: 5,
        skipped: 0,
        rejected: 0,
        notTaken: { exams: 1, references: 3, transcripts: 1, confirmations: 4, vettedProviders: 2 },
      },
    ]);
  });

  it("does not carry another person's confirmations, answered ratings or received transcript into the account that imports their export", async () => {
    const owner = await confirmedAndRated();
    const file = JSON.parse(owner.exported) as Portfolio;
    expect(file.reflectiveSupervision.find((entry) => entry.id === "r1")!.verified).toBe(true);
    expect(file.education.map((entry) => entry.officialTranscript)).toEqual([true]);
    expect(file.references.map((reference) => [reference.raterName, reference.completed !== undefined])).toEqual([
      ["Sam Boss", true],
      ["Dr. Lee", true],
      ["Cole League", true],
    ]);
    expect(await ifsRequirement(owner.user.id, "official-transcript", soon)).toEqual({ status: "met", counted: ["ba"] });
    expect((await ifsRequirement(owner.user.id, "references", soon)).counted).toHaveLength(3);

    const other = await buildApplicant(app, { associationId: owner.associationId, name: "Another Person" });
    const page = await importJson(await app.clientAs(other.user.id), owner.exported);
    expect(page.text).toContain("Added 6 entries.");
    expect(page.text).toContain("3 references were left out");
    expect(page.text).toContain("The file names Sam Boss, Dr. Lee, Cole League.");
    expect(page.text).toContain("1 degree arrived without the official transcript marked as received");
    expect(page.text).toContain("1 entry arrived unconfirmed");

    const { portfolio } = await findPortfolio(app.services.db, other.user.id);
    expect(portfolio.reflectiveSupervision.map((entry) => [entry.id, entry.verified])).toEqual([
      ["r1", false],
      ["r2", false],
    ]);
    expect(portfolio.education.map((entry) => entry.officialTranscript)).toEqual([false]);
    expect(portfolio.references).toEqual([]);
    expect(await ifsRequirement(other.user.id, "official-transcript", soon)).toEqual({ status: "unmet", counted: [] });
    expect((await ifsRequirement(other.user.id, "references", soon)).counted).toEqual([]);
  });

  it("says so in Spanish", async () => {
    const owner = await confirmedAndRated();
    const user = await buildUser(app.services.db, { locale: "es" });
    const page = await importJson(await app.clientAs(user.id), owner.exported);
    expect(page.text).toContain("Se agregaron 6 entradas.");
    expect(page.text).toContain(
      "Algunas cosas solo las puede registrar la asociación, quien evalúa, un supervisor o un proveedor; por eso no se tomaron del archivo:",
    );
    expect(page.text).toContain(
      "Se dejaron fuera 3 referencias: una evaluación cuenta solo cuando quien evalúa se la envía por Cradle. Vuelva a pedirlas desde Mis referencias.",
    );
    expect(page.text).toContain("El archivo nombra a Sam Boss, Dr. Lee, Cole League.");
    expect(page.text).toContain(
      "1 título llegó sin el certificado oficial de notas marcado como recibido: la asociación lo marca cuando le llega el certificado.",
    );
    expect(page.text).toContain(
      "1 entrada llegó sin confirmar: una confirmación se queda en la cuenta donde el supervisor o el proveedor la dio. Vuelva a pedirla desde Mi portafolio si la necesita aquí.",
    );
  });

  it("re-imports one's own export into the same account without duplicates, keeping the confirmations and ratings given there", async () => {
    const owner = await confirmedAndRated();
    const before = await findPortfolio(app.services.db, owner.user.id);
    const page = await importJson(await app.clientAs(owner.user.id), owner.exported);
    expect(page.text).toContain("No entries were added.");
    expect(page.text).toContain("9 entries were already in your portfolio.");
    expect(page.text).not.toContain("left out");
    expect(page.text).not.toContain("unconfirmed");
    expect((await findPortfolio(app.services.db, owner.user.id)).portfolio).toEqual(before.portfolio);
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
