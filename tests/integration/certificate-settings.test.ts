import { afterAll, describe, expect, it } from "vitest";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { maxLogoBytes } from "../../src/limits.ts";
import { pdfImages } from "../setup/read-certificate.ts";
import { solidPng } from "../setup/solid-png.ts";
import { buildCredential } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());
const { db } = app.services;

/** A holder's credential, and a signed-in browser for their association's staff on its settings page. */
async function settingsOfHolderAssociation() {
  const endorsed = await buildCredential(app);
  const { slug } = await db.selectFrom("associations").select("slug").where("id", "=", endorsed.associationId).executeTakeFirstOrThrow();
  const staff = await app.clientAs(endorsed.staff.user.id);
  return { ...endorsed, staff, page: `/a/${slug}/certificate-settings` };
}

const png = (content: Uint8Array, name = "logo.png") => ({ logo: { name, type: "image/png", content: new Uint8Array(content) } });

describe("the certificate settings page", () => {
  it("takes a PNG logo from staff, which the association's certificates then show, and takes it off again", async () => {
    const { staff, page, user, credential, associationId } = await settingsOfHolderAssociation();
    expect((await staff.get(page)).text).toContain("No logo is set");
    const saved = await staff.postFiles(page, {}, png(solidPng(48, 24, [10, 120, 60])));
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`${page}?saved=logo`);
    const after = await staff.get(saved.location!);
    expect(after.text).toContain("The logo is saved");
    expect(after.text).toContain("A logo is set (PNG, 1 KB).");

    const holder = await app.clientAs(user.id);
    const certificate = await holder.getBytes(`/credentials/${credential.id}/certificate`);
    expect((await pdfImages(certificate.bytes)).some(({ width, height }) => width === 48 && height === 24)).toBe(true);

    const removed = await staff.post(page, { intent: "remove-logo" });
    expect((await staff.get(removed.location!)).text).toContain("The logo is removed");
    const without = await holder.getBytes(`/credentials/${credential.id}/certificate`);
    expect((await pdfImages(without.bytes)).some(({ width }) => width === 48)).toBe(false);
    const actions = (await listAuditOfSubject(db, "association", associationId)).map((entry) => [entry.action, entry.details]);
    expect(actions).toContainEqual(["association.logo-set", { mediaType: "image/png", sizeBytes: solidPng(48, 24, [10, 120, 60]).length }]);
    expect(actions.map(([action]) => action)).toContain("association.logo-removed");
  });

  it.each([
    ["a PDF named .png", new TextEncoder().encode("%PDF-1.7 not an image"), "Choose a PNG or JPEG image."],
    [
      "PNG's first bytes and then nothing an image is made of",
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      "Choose a PNG or JPEG image.",
    ],
    ["a PNG over the limit", new Uint8Array(maxLogoBytes + 1), "The logo is larger than 256 KB"],
    ["no file", new Uint8Array(0), "Choose a file"],
  ])("refuses %s, saying why next to the field, and keeps no logo", async (_, content, message) => {
    const { staff, page, associationId } = await settingsOfHolderAssociation();
    const refused = await staff.postFiles(page, {}, png(content));
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(new RegExp(`id="error-logo">${message}`));
    expect(refused.text).toContain('aria-invalid="true"');
    expect(await db.selectFrom("association_logos").select("association_id").where("association_id", "=", associationId).executeTakeFirst()).toBeUndefined();
  });

  it("sets the LinkedIn organization id, which the holders' add-to-profile links then name, and refuses anything but digits", async () => {
    const { staff, page, user, associationId } = await settingsOfHolderAssociation();
    const holder = await app.clientAs(user.id);
    const { name } = await db.selectFrom("associations").select("name").where("id", "=", associationId).executeTakeFirstOrThrow();
    const linkedInLink = async () => {
      const href = (await holder.get("/credentials")).text.match(/href="(https:\/\/www\.linkedin\.com\/profile\/add\?[^"]+)"/)![1]!;
      return new URL(href.replaceAll("&amp;", "&")).searchParams;
    };
    expect((await linkedInLink()).get("organizationName")).toBe(name);

    const refused = await staff.post(page, { linkedinOrganizationId: "acme-123" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('id="error-linkedinOrganizationId">Enter the organization id as digits only');
    expect(refused.text).toContain('value="acme-123"');

    const saved = await staff.post(page, { linkedinOrganizationId: " 1234567 " });
    expect(saved.location).toBe(`${page}?saved=linkedin`);
    expect((await staff.get(page)).text).toContain('value="1234567"');
    const link = await linkedInLink();
    expect(link.get("organizationId")).toBe("1234567");
    expect(link.has("organizationName")).toBe(false);

    await staff.post(page, { linkedinOrganizationId: "" });
    expect((await linkedInLink()).get("organizationName")).toBe(name);
    const details = (await listAuditOfSubject(db, "association", associationId))
      .filter((entry) => entry.action === "association.linkedin-organization-set")
      .map((entry) => entry.details);
    expect(details).toEqual([
      { from: null, to: "1234567" },
      { from: "1234567", to: null },
    ]);
  });

  it("is for the association's staff only", async () => {
    const { page, reviewer, user } = await settingsOfHolderAssociation();
    for (const userId of [reviewer.user.id, user.id]) {
      const client = await app.clientAs(userId);
      expect((await client.get(page)).status).toBe(403);
      expect((await client.post(page, { linkedinOrganizationId: "1" })).status).toBe(403);
    }
  });
});
