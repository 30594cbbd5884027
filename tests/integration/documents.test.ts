import { afterAll, describe, expect, it } from "vitest";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { runCommand } from "../../src/commands/define-command.ts";
import { uploadDocument } from "../../src/commands/upload-document.ts";
import { person } from "../../src/policies/actor.ts";
import { buildAssociation, buildMember, buildUser } from "../setup/builders.ts";
import { commandsOf } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe("documents", () => {
  it("stores an upload by its content, lists it, and lets only the entitled download it, logging each download", async () => {
    const home = await buildAssociation(app.services.db);
    await setFrameworksOfAssociation(app.services.db, home.id, ["alliance-iecmh-e"]);
    const owner = await buildMember(app.services.db, home.id, "member");
    const client = await app.clientAs(owner.id);
    const uploaded = await client.postFiles(
      "/portfolio/documents",
      { type: "transcript" },
      { file: { name: "transcript.pdf", type: "application/pdf", content: pdf } },
    );
    expect(uploaded.text).toContain("The document was added to your portfolio.");
    const [entry] = (await findPortfolio(app.services.db, owner.id)).portfolio.documents;
    expect(entry).toMatchObject({ type: "transcript" });
    const path = `/documents/${entry!.id}`;

    const download = await client.get(path);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.text.startsWith("%PDF-1.4")).toBe(true);

    const staffHere = await buildMember(app.services.db, home.id, "staff");
    const reviewerHere = await buildMember(app.services.db, home.id, "reviewer");
    const staffElsewhere = await buildMember(app.services.db, (await buildAssociation(app.services.db)).id, "staff");
    const stranger = await buildUser(app.services.db);
    expect((await (await app.clientAs(staffHere.id)).get(path)).status).toBe(404);
    expect((await (await app.client()).get(path)).status).toBe(401);

    const started = await client.post("/applications", { intent: "apply", choice: `${home.id}|alliance-iecmh-e|ifa` });
    await client.post(started.location!, { intent: "submit", attest: "on", ethics: "on" });
    expect((await (await app.clientAs(staffHere.id)).get(path)).status).toBe(200);
    for (const outsider of [reviewerHere, staffElsewhere, stranger]) expect((await (await app.clientAs(outsider.id)).get(path)).status).toBe(404);

    const downloads = (await listAuditOfSubject(app.services.db, "document", entry!.id)).filter((e) => e.action === "document.downloaded");
    expect(downloads.map((e) => ({ actor: e.actor_user_id, details: e.details }))).toEqual([
      { actor: owner.id, details: { owner: owner.id } },
      { actor: staffHere.id, details: { owner: owner.id } },
    ]);
    const uploads = (await listAuditOfSubject(app.services.db, "document", entry!.id)).filter((e) => e.action === "document.uploaded");
    expect(uploads.map((e) => e.actor_user_id)).toEqual([owner.id]);
  });

  it("refuses a file that is not what its name says, and one over 20 MB, keeping nothing", async () => {
    const owner = await buildUser(app.services.db);
    const client = await app.clientAs(owner.id);
    const fake = await client.postFiles(
      "/portfolio/documents",
      { type: "certificate" },
      { file: { name: "certificate.pdf", type: "application/pdf", content: "<html>not a pdf</html>" } },
    );
    expect(fake.status).toBe(400);
    expect(fake.text).toContain("we check the content, not the name");
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(pdf);
    const tooBig = await client.postFiles(
      "/portfolio/documents",
      { type: "certificate" },
      { file: { name: "big.pdf", type: "application/pdf", content: big } },
    );
    expect(tooBig.status).toBe(400);
    expect(tooBig.text).toContain("larger than 20 MB");
    expect((await findPortfolio(app.services.db, owner.id)).portfolio.documents).toEqual([]);
  });

  it("says what is wrong with an upload in a summary and next to the file, keeping the type and the entry chosen", async () => {
    const owner = await buildUser(app.services.db);
    const client = await app.clientAs(owner.id);
    await client.post("/portfolio/training/new", { title: "Attachment basics", date: "2025-03-01", clockHours: "12", intent: "save" });
    const [training] = (await findPortfolio(app.services.db, owner.id)).portfolio.training;
    const chosen = { type: "certificate", about: training!.id };
    const attempts = [
      { file: { name: "", type: "application/octet-stream", content: "" }, message: "Choose a file." },
      { file: { name: "certificate.pdf", type: "application/pdf", content: "<html>not a pdf</html>" }, message: "This file is not a PDF" },
    ];
    for (const { file, message } of attempts) {
      const refused = await client.postFiles("/portfolio/documents", chosen, { file });
      expect(refused.status).toBe(400);
      const summary = refused.text.match(/<div class="error-summary"[^>]*>([\s\S]*?)<\/div>/);
      expect(summary?.[0], message).toMatch(/tabindex="-1"/);
      expect(summary?.[1]).toContain(`<a href="#field-file">File (PDF, JPEG, PNG, DOC or DOCX, up to 20 MB): ${message}`);
      expect(refused.text).toMatch(new RegExp(`<p class="field-error" id="error-file">${message}`));
      expect(refused.text).toMatch(/<input id="field-file"[^>]*aria-invalid="true"[^>]*aria-describedby="error-file"/);
      expect(refused.text).toMatch(/<option value="certificate" selected="">/);
      expect(refused.text).toMatch(new RegExp(`<option value="${training!.id}" selected="">Attachment basics`));
    }
    const spanish = await client.postFiles("/portfolio/documents", chosen, { file: attempts[0]!.file }, { "accept-language": "es" });
    expect(spanish.text).toContain("Corrija los campos señalados.");
    expect(spanish.text).toContain('<p class="field-error" id="error-file">Elija un archivo.</p>');
    expect((await findPortfolio(app.services.db, owner.id)).portfolio.documents).toEqual([]);
  });

  it("attaches a certificate to the training it is for, and says so on both pages", async () => {
    const owner = await buildUser(app.services.db);
    const client = await app.clientAs(owner.id);
    await client.post("/portfolio/training/new", { title: "Attachment basics", date: "2025-03-01", clockHours: "12", intent: "save" });
    const [training] = (await findPortfolio(app.services.db, owner.id)).portfolio.training;
    const portfolioPage = await client.get("/portfolio");
    const attachLink = `/portfolio/documents?about=${training!.id}&amp;type=certificate`;
    expect(portfolioPage.text).toContain(attachLink);
    expect((await client.get(`/portfolio/documents?about=${training!.id}&type=certificate`)).text).toMatch(
      new RegExp(`<option value="${training!.id}" selected="">Attachment basics`),
    );

    const gone = await client.postFiles(
      "/portfolio/documents",
      { type: "certificate", about: "training-deleted" },
      { file: { name: "c.pdf", type: "application/pdf", content: pdf } },
    );
    expect(gone.status).toBe(400);
    expect(gone.text).toContain("This entry no longer exists.");
    expect(gone.text).toMatch(/<option value="certificate" selected="">/);

    await client.postFiles(
      "/portfolio/documents",
      { type: "certificate", about: training!.id },
      { file: { name: "c.pdf", type: "application/pdf", content: pdf } },
    );
    const [document] = (await findPortfolio(app.services.db, owner.id)).portfolio.documents;
    expect(document).toMatchObject({ type: "certificate", about: training!.id });
    expect((await client.get("/portfolio/documents")).text).toContain("for Attachment basics");
    const after = await client.get("/portfolio");
    expect(after.text).toContain("Document attached");
    expect(after.text).not.toContain(attachLink);
  });

  it("dates an upload today where the person's association is, not in UTC", async () => {
    const association = await buildAssociation(app.services.db, { timeZone: "Pacific/Auckland" });
    const inAuckland = await buildMember(app.services.db, association.id, "member");
    const evening = commandsOf(app, () => new Date("2025-03-01T20:00:00Z"));
    const uploaded = await runCommand(evening, uploadDocument, person(inAuckland.id), { type: "certificate", filename: "c.pdf", file: pdf });
    expect(uploaded).toMatchObject({ ok: true });
    expect((await findPortfolio(app.services.db, inAuckland.id)).portfolio.documents).toMatchObject([{ type: "certificate", date: "2025-03-02" }]);
  });
});
