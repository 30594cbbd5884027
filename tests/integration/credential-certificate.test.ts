import { afterAll, describe, expect, it } from "vitest";
import { saveAssociationLogo } from "../../src/data/association-logos.ts";
import { changeCredentialStatus } from "../../src/data/credentials.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { pdfImages, pdfQrCodes, pdfText } from "../setup/read-certificate.ts";
import { solidPng } from "../setup/solid-png.ts";
import { buildCredential } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());
const { db } = app.services;

describe("a credential's certificate", () => {
  it("names the holder, category, association, number and dates, and its QR code leads to the verification page", async () => {
    const { user, credential, associationId } = await buildCredential(app, { name: "Celia Certificada" });
    await saveAssociationLogo(db, associationId, { mediaType: "image/png", bytes: solidPng(40, 20, [200, 30, 30]) }, new Date());
    const client = await app.clientAs(user.id);
    const mine = (await client.get("/credentials")).text;
    expect(mine).toContain(`href="/credentials/${credential.id}/certificate?lang=en"`);
    expect(mine).toContain("Download the certificate in Spanish (PDF)");
    expect(mine).toContain(`href="/credentials/${credential.id}/certificate?lang=es"`);
    const download = await client.getBytes(`/credentials/${credential.id}/certificate`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain(`${credential.number}-certificate-en.pdf`);
    const association = await db.selectFrom("associations").select("name").where("id", "=", associationId).executeTakeFirstOrThrow();
    const text = await pdfText(download.bytes);
    for (const part of [
      "Certificate of Endorsement",
      "Celia Certificada",
      "Infant Family Specialist",
      association.name,
      `Credential number ${credential.number}`,
      "Issued on",
      "Renewal due on",
    ])
      expect(text).toContain(part);
    expect(text).not.toMatch(/REVOKED|LAPSED|SUSPENDED|REMOVED/);

    const images = await pdfImages(download.bytes);
    expect(images.some(({ width, height }) => width === 40 && height === 20)).toBe(true);
    const verifyUrl = `${app.url}/verify/${credential.number}`;
    expect(await pdfQrCodes(download.bytes)).toEqual([verifyUrl]);
    const page = await (await app.client()).get(new URL(verifyUrl).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain(credential.number);

    const audit = await listAuditOfSubject(db, "credential", credential.id);
    expect(audit.map((entry) => [entry.action, entry.details])).toContainEqual([
      "credential.certificate-downloaded",
      { number: credential.number, locale: "en" },
    ]);
  });

  it("is written in Spanish when asked, or when the holder's language is Spanish, dates in words", async () => {
    const { user, credential } = await buildCredential(app, { name: "Lucía Española" });
    const client = await app.clientAs(user.id);
    const asked = await pdfText((await client.getBytes(`/credentials/${credential.id}/certificate?lang=es`)).bytes);
    for (const part of [
      "Certificado de Respaldo",
      "Se certifica que",
      "Lucía Española",
      "Especialista Familiar de la Infancia",
      `Credencial número ${credential.number}`,
      "Emitida el",
    ])
      expect(asked).toContain(part);
    const [year, month] = credential.issued_on.split("-");
    const monthName = new Intl.DateTimeFormat("es-MX", { month: "long", timeZone: "UTC" }).format(new Date(`${year}-${month}-01T00:00:00Z`));
    expect(asked).toContain(`de ${monthName} de ${year}`);
    expect(asked).not.toContain("Certificate of Endorsement");

    await db.updateTable("users").set({ locale: "es" }).where("id", "=", user.id).execute();
    expect(await pdfText((await client.getBytes(`/credentials/${credential.id}/certificate`)).bytes)).toContain("Certificado de Respaldo");
    expect(await pdfText((await client.getBytes(`/credentials/${credential.id}/certificate?lang=en`)).bytes)).toContain("Certificate of Endorsement");
  });

  it("carries a stamp saying it is revoked, and since when, in the language of the certificate", async () => {
    const { user, credential, staff } = await buildCredential(app, { name: "Rosa Revocada" });
    // Suspended, then revoked in one transaction: both changes have the same time, the stamp the revocation's day.
    const now = new Date();
    await db.transaction().execute(async (tx) => {
      const change = { credentialId: credential.id, changedBy: staff.user.id, reason: "Ethics finding", now };
      await changeCredentialStatus(tx, { ...change, from: "active", to: "suspended", effectiveOn: "2027-03-01" });
      await changeCredentialStatus(tx, { ...change, from: "suspended", to: "revoked", effectiveOn: "2027-03-15" });
    });
    const client = await app.clientAs(user.id);
    const english = await pdfText((await client.getBytes(`/credentials/${credential.id}/certificate`)).bytes);
    expect(english).toContain("REVOKED");
    expect(english).toContain("since March 15, 2027: not valid");
    expect(english).toContain("Rosa Revocada");
    const spanish = await pdfText((await client.getBytes(`/credentials/${credential.id}/certificate?lang=es`)).bytes);
    expect(spanish).toContain("REVOCADA");
    expect(spanish).toContain("desde el 15 de marzo de 2027: no válida");
  });

  it("is not found for another person's credential, or for a credential that does not exist", async () => {
    const { credential } = await buildCredential(app);
    const other = await buildCredential(app, { name: "Otra Persona" });
    const client = await app.clientAs(other.user.id);
    expect((await client.getBytes(`/credentials/${credential.id}/certificate`)).status).toBe(404);
    expect((await client.getBytes(`/credentials/not-an-id/certificate`)).status).toBe(404);
    expect((await client.getBytes(`/credentials/00000000-0000-4000-8000-000000000000/certificate`)).status).toBe(404);
    const audit = await listAuditOfSubject(db, "credential", credential.id);
    expect(audit.map((entry) => entry.action)).not.toContain("credential.certificate-downloaded");
  });
});
