import { afterAll, describe, expect, it } from "vitest";
import { findAssociationBySlug } from "../../src/data/associations.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { buildAssociation, buildMember, buildUser } from "../setup/builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);

const validFields = {
  name: "South Carolina Infant Mental Health Association",
  slug: "sc-imh",
  locale: "en",
  timeZone: "America/New_York",
  contactEmail: "hello@sc.example.org",
  contactPhone: "",
  website: "https://sc.example.org",
};

async function ownerClient() {
  const owner = await buildUser(app.services.db, { isOwner: true });
  const client = await app.clientAs(owner.id);
  return { owner, client };
}

describe("owner screen for associations", () => {
  it("creates an association, lists it, and records who did it", async () => {
    const { owner, client } = await ownerClient();
    const page = await client.post("/owner/associations", validFields);
    expect(page.status).toBe(200);
    expect(page.text).toContain("The association South Carolina Infant Mental Health Association was created.");
    const stored = await findAssociationBySlug(app.services.db, "sc-imh");
    expect(stored).toMatchObject({ name: validFields.name, time_zone: "America/New_York", contact_phone: null, website: "https://sc.example.org" });
    const audit = await listAuditOfSubject(app.services.db, "association", stored!.id);
    expect(audit).toMatchObject([{ action: "association.created", actor_user_id: owner.id }]);
    expect((await client.get("/")).text).toContain('href="/a/sc-imh"');
  });

  it("explains each bad field, keeps the typed values, and saves nothing", async () => {
    const { client } = await ownerClient();
    const page = await client.post("/owner/associations", {
      ...validFields,
      name: "Bad One",
      slug: "Bad Slug!",
      timeZone: "Mars/Olympus",
      contactEmail: "nope",
      website: "ftp://x",
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain("Use lowercase letters, numbers and single hyphens");
    expect(page.text).toContain("Choose a time zone from the list");
    expect(page.text).toContain("Enter an email address like name@example.org.");
    expect(page.text).toContain("Enter a web address starting with https://.");
    expect(page.text).toContain('value="Bad One"');
    expect(page.text).toContain('value="Bad Slug!"');
    expect(await app.services.db.selectFrom("associations").select("id").where("name", "=", "Bad One").execute()).toEqual([]);
  });

  it("refuses a slug that another association uses, on create and on edit", async () => {
    const { client } = await ownerClient();
    await buildAssociation(app.services.db, { slug: "mi-imh" });
    const mine = await buildAssociation(app.services.db, { slug: "ca-center" });
    const create = await client.post("/owner/associations", { ...validFields, slug: "mi-imh" });
    expect(create.status).toBe(400);
    expect(create.text).toContain("Another association already uses this address.");
    const edit = await client.post("/owner/associations/ca-center", { ...validFields, slug: "mi-imh" });
    expect(edit.status).toBe(400);
    expect((await findAssociationBySlug(app.services.db, "ca-center"))?.id).toBe(mine.id);
  });

  it("edits an association and shows the saved values", async () => {
    const { client } = await ownerClient();
    await buildAssociation(app.services.db, { slug: "edit-me" });
    const saved = await client.post("/owner/associations/edit-me", { ...validFields, name: "Renamed", slug: "edited", locale: "es" });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/owner/associations/edited?saved=1");
    const page = await client.get(saved.location!);
    expect(page.text).toContain("The association was updated.");
    expect(page.text).toContain('value="Renamed"');
    expect((await client.get("/owner/associations/edit-me")).status).toBe(404);
  });
});

describe("people and roles of an association", () => {
  it("lets its admin give and remove roles, mails the person, and audits both", async () => {
    const association = await buildAssociation(app.services.db, { slug: "roles-home", name: "Roles Home" });
    const admin = await buildMember(app.services.db, association.id, "admin");
    const reviewer = await buildUser(app.services.db, { email: "new-reviewer@example.org", name: "Nueva Revisora", locale: "es" });
    const client = await app.clientAs(admin.id);

    const unknown = await client.post("/a/roles-home/people", { intent: "grant", email: "ghost@example.org", role: "reviewer" });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain("No Cradle account uses this email");
    expect(unknown.text).toContain('value="ghost@example.org"');

    const granted = await client.post("/a/roles-home/people", { intent: "grant", email: "new-reviewer@example.org", role: "reviewer" });
    expect(granted.status).toBe(200);
    expect(granted.text).toContain("new-reviewer@example.org is now Reviewer.");
    const mail = await inbox.waitFor((m) => m.to.includes("new-reviewer@example.org"));
    expect(mail.subject).toBe("Tiene un rol nuevo en Roles Home");

    const revoked = await client.post("/a/roles-home/people", { intent: "revoke", userId: reviewer.id, role: "reviewer" });
    expect(revoked.text).toContain("The role was removed.");
    const audit = await listAuditOfSubject(app.services.db, "user", reviewer.id);
    expect(audit.map((entry) => [entry.action, entry.actor_user_id])).toEqual([
      ["role.granted", admin.id],
      ["role.revoked", admin.id],
    ]);
  });

  it("shows staff the people but not the controls to change roles", async () => {
    const association = await buildAssociation(app.services.db, { slug: "staff-home" });
    const staff = await buildMember(app.services.db, association.id, "staff", { name: "Staff Person" });
    const client = await app.clientAs(staff.id);
    const page = await client.get("/a/staff-home/people");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Staff Person");
    expect(page.text).not.toContain('name="intent"');
  });

  it("does not let an admin of one association change another's roles", async () => {
    const home = await buildAssociation(app.services.db, { slug: "guarded" });
    const otherAdmin = await buildMember(app.services.db, (await buildAssociation(app.services.db)).id, "admin");
    const target = await buildMember(app.services.db, home.id, "member");
    const client = await app.clientAs(otherAdmin.id);
    const page = await client.post("/a/guarded/people", { intent: "grant", email: target.email, role: "admin" });
    expect(page.status).toBe(403);
    const roles = await app.services.db.selectFrom("association_roles").select("role").where("user_id", "=", target.id).execute();
    expect(roles).toEqual([{ role: "member" }]);
  });
});
