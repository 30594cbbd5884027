import { afterAll, describe, expect, it } from "vitest";
import { setLanguage } from "../../src/commands/set-language.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { listCredentialStatusChanges } from "../../src/data/credentials.ts";
import { formatLongDate } from "../../src/i18n/format.ts";
import { buildAssociation, buildMember } from "../setup/builders.ts";
import { readStatusListBit } from "../setup/independent-verifier.ts";
import { buildCredential, runOrThrow } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(() => close());
const { db } = app.services;

type Entry = { type: string; statusPurpose: string; statusListIndex: string; statusListCredential: string };

/** An endorsed holder who has downloaded their badge, and the badge's two status entries. */
async function endorsedWithBadge(name: string) {
  const review = await buildCredential(app, { name });
  const { credential } = review;
  const association = await db.selectFrom("associations").select("slug").where("id", "=", review.associationId).executeTakeFirstOrThrow();
  const badge = JSON.parse((await (await app.clientAs(review.user.id)).get(`/credentials/${credential.id}/badge`)).text) as { credentialStatus: Entry[] };
  const entry = (purpose: string) => badge.credentialStatus.find((each) => each.statusPurpose === purpose)!;
  const bit = async (purpose: string) => {
    const read = await readStatusListBit(entry(purpose).statusListCredential, Number(entry(purpose).statusListIndex));
    expect(read.verified).toBe(true);
    return read.bit;
  };
  const staffClient = await app.clientAs(review.staff.user.id);
  const base = `/a/${association.slug}/credentials/${credential.id}`;
  /** The two posts of a staff action: the first only asks. */
  const act = async (action: string, reason: string) => {
    const asked = await staffClient.post(base, { intent: "ask", action });
    expect(asked.status).toBe(200);
    const confirmed = await staffClient.post(base, { intent: "confirm", action, reason });
    expect(confirmed.status).toBe(302);
  };
  return { ...review, credential, slug: association.slug, badge, entry, bit, staffClient, base, act };
}

describe("the status list", () => {
  it("places each badge in its association's revocation and suspension lists, whose signed credentials verify independently with bit 0", async () => {
    const holder = await endorsedWithBadge("Lista Persona");
    expect(holder.badge.credentialStatus.map((entry) => [entry.type, entry.statusPurpose])).toEqual([
      ["BitstringStatusListEntry", "revocation"],
      ["BitstringStatusListEntry", "suspension"],
    ]);
    expect(holder.entry("revocation").statusListIndex).toBe(String(holder.credential.status_list_index));
    expect(holder.entry("revocation").statusListCredential).toBe(`${app.url}/a/${holder.slug}/status/revocation`);
    const read = await readStatusListBit(holder.entry("revocation").statusListCredential, holder.credential.status_list_index);
    expect(read).toMatchObject({ verified: true, bit: 0, statusPurpose: "revocation", bits: 131072, cacheControl: "no-cache" });
    expect(await holder.bit("suspension")).toBe(0);

    const list = JSON.parse((await (await app.client()).get(`/a/${holder.slug}/status/revocation`)).text) as Record<string, unknown>;
    expect(list.type).toEqual(["VerifiableCredential", "BitstringStatusListCredential"]);
    expect(list.id).toBe(holder.entry("revocation").statusListCredential);
    expect(list.issuer).toBe(`${app.url}/a/${holder.slug}/keys`);
  });

  it("answers 404 for an unknown purpose or association, and for an association that has issued nothing", async () => {
    const visitor = await app.client();
    const empty = await buildAssociation(db);
    expect((await visitor.get(`/a/${empty.slug}/status/revocation`)).status).toBe(404);
    expect((await visitor.get(`/a/no-such-association/status/revocation`)).status).toBe(404);
    const holder = await endorsedWithBadge("Propósito Persona");
    expect((await visitor.get(`/a/${holder.slug}/status/refresh`)).status).toBe(404);
  });

  it("sets the revocation bit the very next request after staff revoke, and the verification page says since when, in both languages", async () => {
    const holder = await endorsedWithBadge("Revocada Persona");
    const first = await readStatusListBit(holder.entry("revocation").statusListCredential, holder.credential.status_list_index);
    await holder.act("revoke", "Practised without supervision.");
    const after = await readStatusListBit(holder.entry("revocation").statusListCredential, holder.credential.status_list_index);
    expect(after).toMatchObject({ verified: true, bit: 1 });
    expect(after.etag).not.toBe(first.etag);
    expect(await holder.bit("suspension")).toBe(0);

    const [change] = (await listCredentialStatusChanges(db, holder.credential.id)).slice(-1);
    expect(change).toMatchObject({ from_status: "active", to_status: "revoked", reason: "Practised without supervision.", changed_by: holder.staff.user.id });
    const visitor = await app.client();
    const english = await visitor.get(`/verify/${holder.credential.number}`);
    expect(english.text).toContain(`Revoked on ${formatLongDate("en", change!.effective_on)}`);
    expect(english.text).toContain("Revoked: this credential is no longer valid.");
    expect(english.text.indexOf("Revoked on")).toBeLessThan(english.text.indexOf("Revocada Persona"));
    const spanish = await visitor.get(`/verify/${holder.credential.number}`, { "accept-language": "es" });
    expect(spanish.text).toContain(`Revocada el ${formatLongDate("es", change!.effective_on)}`);

    const audit = (await listAuditOfSubject(db, "credential", holder.credential.id)).find((entry) => entry.action === "credential.revoked");
    expect(audit?.details).toMatchObject({ from: "active", to: "revoked", reason: "Practised without supervision." });
    const mail = await inbox.waitFor((received) => received.to.includes(holder.user.email) && received.text.includes("revoked your credential"));
    expect(mail.text).toContain("Practised without supervision.");
    // Final: nothing is offered, and a forged reinstatement is refused.
    expect((await holder.staffClient.get(holder.base)).text).toContain("No action applies");
    const forged = await holder.staffClient.post(holder.base, { intent: "confirm", action: "reinstate", reason: "Try" });
    expect(forged.status).toBe(400);
    expect(forged.text).toContain("does not apply to it now");
  });

  it("flips the suspension bit when staff suspend and reinstate, and tells the holder in their language", async () => {
    const holder = await endorsedWithBadge("Suspendida Persona");
    await runOrThrow(app, setLanguage, holder.actor, { locale: "es" });
    await holder.act("suspend", "Queja en investigación.");
    expect(await holder.bit("suspension")).toBe(1);
    expect(await holder.bit("revocation")).toBe(0);
    const suspended = await (await app.client()).get(`/verify/${holder.credential.number}`);
    expect(suspended.text).toContain("Suspended on");
    await inbox.waitFor((received) => received.to.includes(holder.user.email) && received.text.includes("suspendió su credencial"));

    await holder.act("reinstate", "Queja resuelta.");
    expect(await holder.bit("suspension")).toBe(0);
    const active = await (await app.client()).get(`/verify/${holder.credential.number}`);
    expect(active.text).toContain("Active: this credential is valid.");
    expect(active.text).not.toContain(" on ");
    await inbox.waitFor((received) => received.to.includes(holder.user.email) && received.text.includes("restableció su credencial"));

    const history = (await (await app.clientAs(holder.user.id)).get("/credentials")).text;
    expect(history).toContain("Activa a Suspendida");
    expect(history).toContain("Suspendida a Activa");
    const staffPage = (await holder.staffClient.get(holder.base)).text;
    expect(staffPage).toContain("Active to Suspended");
    expect(staffPage).toContain(holder.staff.user.name);
    expect(staffPage).toContain("Reason: Queja resuelta.");
  });
});

describe("staff actions on a credential", () => {
  it("change nothing on the first post, which names the person, number and consequence; the confirmation needs a reason", async () => {
    const holder = await endorsedWithBadge("Confirmar Persona");
    const asked = await holder.staffClient.post(holder.base, { intent: "ask", action: "revoke" });
    expect(asked.text).toContain(`Revoke credential ${holder.credential.number}, held by Confirmar Persona?`);
    expect(asked.text).toContain("nothing undoes this");
    const noReason = await holder.staffClient.post(holder.base, { intent: "confirm", action: "revoke", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain("Give the reason");
    expect(noReason.text).toContain(`Revoke credential ${holder.credential.number}`);
    const row = await db.selectFrom("credentials").select("status").where("id", "=", holder.credential.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("active");
    expect(await holder.bit("revocation")).toBe(0);
  });

  it("are for the credential's association's staff only", async () => {
    const holder = await endorsedWithBadge("Ajena Persona");
    const elsewhere = await buildAssociation(db);
    const otherStaff = await app.clientAs((await buildMember(db, elsewhere.id, "staff")).id);
    expect((await otherStaff.post(holder.base, { intent: "confirm", action: "revoke", reason: "No" })).status).toBe(403);
    expect((await otherStaff.get(holder.base)).status).toBe(403);
    const holderClient = await app.clientAs(holder.user.id);
    expect((await holderClient.post(holder.base, { intent: "confirm", action: "revoke", reason: "No" })).status).toBe(403);
    // Staff of the holder's association asking for another association's credential: not found.
    const stranger = await endorsedWithBadge("Otra Asociación");
    expect((await holder.staffClient.get(`/a/${holder.slug}/credentials/${stranger.credential.id}`)).status).toBe(404);
    expect(await holder.bit("revocation")).toBe(0);
  });

  it("lists the association's credentials by status and by number or name", async () => {
    const holder = await endorsedWithBadge("Buscada Persona");
    const list = await holder.staffClient.get(`/a/${holder.slug}/credentials?search=buscada`);
    expect(list.text).toContain(holder.credential.number);
    expect(list.text).toContain(holder.base);
    const byNumber = await holder.staffClient.get(`/a/${holder.slug}/credentials?search=${holder.credential.number}`);
    expect(byNumber.text).toContain("Buscada Persona");
    const revoked = await holder.staffClient.get(`/a/${holder.slug}/credentials?status=revoked`);
    expect(revoked.text).not.toContain(holder.credential.number);
    const wildcard = await holder.staffClient.get(`/a/${holder.slug}/credentials?search=%25`);
    expect(wildcard.text).not.toContain(holder.credential.number);
  });
});
