import { afterAll, describe, expect, it } from "vitest";
import { findAssociationById } from "../../src/data/associations.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { listCredentialStatusChanges } from "../../src/data/credentials.ts";
import { prefixCandidates } from "../../src/domain/credential-number.ts";
import { defaultRenewalCycle, firstDueDate } from "../../src/domain/renewal-cycle.ts";
import { buildCredential } from "../setup/state-builders.ts";
import { verifyIndependently } from "../setup/independent-verifier.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());
const { db } = app.services;

/** An IFS application endorsed by staff, the credential it earned and its association. */
async function endorsed(options: { associationId?: string; name?: string } = {}) {
  const built = await buildCredential(app, {
    name: options.name ?? "Celia Credencial",
    ...(options.associationId ? { associationId: options.associationId } : {}),
  });
  return { ...built, association: (await findAssociationById(db, built.associationId))! };
}

describe("credentials", () => {
  it("are issued by the endorse decision: a stable number per association and year, the framework version, the dates", async () => {
    const first = await endorsed();
    const { credential, association } = first;
    const { credential_prefix: prefix } = (await findAssociationById(db, association.id))!;
    expect(prefixCandidates(association.slug)).toContain(prefix);
    const year = credential.issued_on.slice(0, 4);
    expect(credential.number).toBe(`${prefix}-IFS-${year}-0001`);
    expect(credential).toMatchObject({
      status: "active",
      framework_id: "alliance-iecmh-e",
      category_id: "ifs",
      framework_version: "2024-01-01",
      user_id: first.user.id,
    });
    expect(credential.renewal_due).toBe(firstDueDate(defaultRenewalCycle, credential.issued_on));
    const second = await endorsed({ associationId: first.associationId, name: "Segunda Persona" });
    expect(second.credential.number).toBe(`${prefix}-IFS-${year}-0002`);
    const decided = (await listAuditOfSubject(db, "application", first.applicationId)).find((entry) => entry.action === "application.decided");
    expect(decided?.details).toMatchObject({ credentialNumber: credential.number });
    expect(await listCredentialStatusChanges(db, credential.id)).toEqual([
      expect.objectContaining({ from_status: null, to_status: "active", effective_on: credential.issued_on, changed_by: first.staff.actor.userId }),
    ]);
  });

  it("shows the holder their credentials, and the verification page shows only what they publish", async () => {
    const { user, credential } = await endorsed({ name: "Pública Persona" });
    const client = await app.clientAs(user.id);
    const mine = await client.get("/credentials");
    expect(mine.text).toContain(credential.number);
    expect(mine.text).toContain("Infant Family Specialist");
    expect(mine.text).toContain(`/verify/${credential.number}`);

    const visitor = await app.client();
    const page = await visitor.get(`/verify/${credential.number}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(page.text).toContain("Active: this credential is valid.");
    expect(page.text).toContain("Pública Persona");
    expect(page.text).not.toContain(user.email);
    expect(page.text).not.toContain("Family Start");
    expect(page.text).not.toContain(credential.issued_on);
    expect(page.text).not.toContain("<script");

    expect((await client.post("/credentials", { credentialId: credential.id, fields: ["email", "issued"] })).text).toContain(
      "Saved: the verification page shows",
    );
    const published = await visitor.get(`/verify/${credential.number}`);
    expect(published.text).toContain(user.email);
    expect(published.text).toContain(credential.issued_on);
    expect(published.text).not.toContain("Family Start");
    await client.post("/credentials", { credentialId: credential.id, fields: "employer" });
    const employer = await visitor.get(`/verify/${credential.number}`);
    expect(employer.text).toContain("Family Start");
    expect(employer.text).not.toContain(user.email);
    const actions = (await listAuditOfSubject(db, "credential", credential.id)).map((entry) => entry.action);
    expect(actions).toEqual(["credential.published-fields-set", "credential.published-fields-set"]);
  });

  it("answers an unknown or malformed number with 'no such credential', in Spanish too", async () => {
    const visitor = await app.client();
    for (const number of ["SC-IFS-2026-9999", "not-a-number", "%27%3B--"]) {
      const page = await visitor.get(`/verify/${number}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain("No such credential");
    }
    const spanish = await visitor.get("/verify/SC-IFS-2026-9999", { "accept-language": "es" });
    expect(spanish.text).toContain("No existe esa credencial");
  });

  it("takes a visitor from the number typed as on the certificate to its page, and says next to the field when it cannot be one", async () => {
    const { credential } = await endorsed();
    const visitor = await app.client();
    const form = await visitor.get("/verify");
    expect(form.status).toBe(200);
    expect(form.text).toContain('<form class="credential-lookup" action="/verify" method="get">');
    expect((await visitor.get("/")).text).toContain('href="/verify"');

    const typed = ` ${credential.number.toLowerCase().replace(/-(\d{4})$/, " -$1")} `;
    const found = await visitor.get(`/verify?number=${encodeURIComponent(typed)}`);
    expect(found.status).toBe(302);
    expect(found.headers.get("location")).toBe(`/verify/${credential.number}`);

    const wrong = await visitor.get(`/verify?number=${encodeURIComponent("my badge")}`, { "accept-language": "es" });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("Esto no es un número de credencial");
    expect(wrong.text).toContain('value="my badge"');
    expect(wrong.text).toContain('aria-invalid="true"');

    // A well-formed number nobody holds: "no such credential", with the number ready to correct.
    const unknown = await visitor.get("/verify?number=SC-IFS-2026-9999");
    expect(unknown.headers.get("location")).toBe("/verify/SC-IFS-2026-9999");
    const none = await visitor.get("/verify/SC-IFS-2026-9999");
    expect(none.status).toBe(404);
    expect(none.text).toContain('value="SC-IFS-2026-9999"');
  });

  it("lets no one else change what a credential publishes", async () => {
    const { credential, staff } = await endorsed();
    const other = await endorsed({ name: "Otra Persona" });
    expect((await (await app.clientAs(other.user.id)).post("/credentials", { credentialId: credential.id, fields: "email" })).status).toBe(404);
    expect((await (await app.clientAs(staff.user.id)).post("/credentials", { credentialId: credential.id, fields: "email" })).status).toBe(404);
    const row = await db.selectFrom("credentials").select("published").where("id", "=", credential.id).executeTakeFirstOrThrow();
    expect(row.published).toEqual([]);
  });

  it("gives the holder a signed Open Badge that a verifier sharing no code with Cradle accepts, naming them by a hashed email only", async () => {
    const { user, credential, association } = await endorsed({ name: "Badge Holder" });
    const client = await app.clientAs(user.id);
    const answer = await client.get(`/credentials/${credential.id}/badge`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toContain(`${credential.number}-open-badge.json`);
    expect(answer.text).not.toContain(user.email);
    const badge = JSON.parse(answer.text) as Record<string, unknown> & { credentialSubject: { achievement: { name: string } } };
    expect(badge.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(badge.credentialSubject.achievement.name).toBe("Infant Family Specialist");
    const keys = JSON.parse((await (await app.client()).get(`/a/${association.slug}/keys`)).text) as {
      verificationMethod: Array<{ publicKeyMultibase: string }>;
    };
    const publicKey = keys.verificationMethod[0]!.publicKeyMultibase;
    expect(await verifyIndependently(badge, publicKey)).toBe(true);
    const tampered = structuredClone(badge);
    tampered.credentialSubject.achievement.name = "Infant Mental Health Mentor";
    expect(await verifyIndependently(tampered, publicKey)).toBe(false);
    expect((await listAuditOfSubject(db, "credential", credential.id)).map((entry) => entry.action)).toContain("credential.badge-downloaded");

    const other = await endorsed({ name: "Someone Else" });
    expect((await (await app.clientAs(other.user.id)).get(`/credentials/${credential.id}/badge`)).status).toBe(404);
  });
});
