import { afterAll, describe, expect, it } from "vitest";
import { assignReviewer } from "../../src/commands/assign-reviewer.ts";
import { submitReview } from "../../src/commands/submit-review.ts";
import { insertRole } from "../../src/data/association-roles.ts";
import { findAssociationById } from "../../src/data/associations.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio, writePortfolio } from "../../src/data/portfolios.ts";
import { person } from "../../src/policies/actor.ts";
import { completeReviewOf } from "../setup/command-scenarios/reviews.ts";
import { verifyIndependently } from "../setup/independent-verifier.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { buildApplicationInReview, buildCredential, runOrThrow } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);
const { db } = app.services;

type Signed = Record<string, unknown> & { proof: unknown };
type HoursBadge = Signed & {
  credentialSubject: { achievement: { name: string }; source?: { name: string }; result?: Array<{ value: string }>; activityStartDate?: string };
};
type Record_ = Signed & { credentialSubject: { type: string[]; verifiableCredential: HoursBadge[] } };

/** An IFS applicant endorsed by staff, with the association that endorsed them. */
async function endorsed(options: { associationId?: string; name: string }) {
  const review = await buildCredential(app, options);
  return { ...review, association: (await findAssociationById(db, review.associationId))! };
}

/** An RS/C session the holder records; when `confirmedBy` is given, that provider confirms it through the emailed link. */
async function session(userId: string, providerName: string, hours: string, confirmedBy?: string) {
  const client = await app.clientAs(userId);
  const before = new Set((await findPortfolio(db, userId)).portfolio.reflectiveSupervision.map((entry) => entry.id));
  await client.post("/portfolio/reflective-supervision/new", {
    direction: "received",
    date: "2026-03-02",
    hours,
    format: "individual",
    providerName,
    providerCredential: "alliance-iecmh-e/imhs",
    providerEarned: "2015-01-01",
    intent: "save",
  });
  const added = (await findPortfolio(db, userId)).portfolio.reflectiveSupervision.find((entry) => !before.has(entry.id))!;
  if (!confirmedBy) return;
  await client.post(`/portfolio/confirm/${added.id}`, { name: providerName, email: confirmedBy });
  const path = new URL(linkIn(await inbox.waitFor((mail) => mail.to.includes(confirmedBy)), "/v/")).pathname;
  expect((await (await app.client()).post(path, { answer: "yes" })).text).toContain("Thank you. Your answer is recorded.");
}

async function publicKeyOf(slug: string): Promise<string> {
  const keys = JSON.parse((await (await app.client()).get(`/a/${slug}/keys`)).text) as { verificationMethod: Array<{ publicKeyMultibase: string }> };
  return keys.verificationMethod[0]!.publicKeyMultibase;
}

describe("the learner record (CLR 2.0)", () => {
  it("gathers the holder's signed badge and the hours others confirmed, signed by the association; hours only the holder entered are left out", async () => {
    const holder = await endorsed({ name: "Rosa Registro" });
    const slug = holder.association.slug;
    await session(holder.user.id, "Dr. Lee", "1.5", "lee-record-1@example.org");
    await session(holder.user.id, " dr.  LEE", "2", "lee-record-2@example.org");
    await session(holder.user.id, "Nadie Confirmó", "9");

    const client = await app.clientAs(holder.user.id);
    const page = await client.get("/credentials");
    expect(page.text).toContain(`/credentials/record/${slug}`);
    expect(page.text).toContain(`Download the signed learner record from ${holder.association.name} (JSON)`);
    const answer = await client.get(`/credentials/record/${slug}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    expect(answer.headers.get("content-disposition")).toContain(`${slug}-learner-record.json`);
    // No plain email anywhere: neither the holder's nor the provider's.
    expect(answer.text).not.toMatch(/@example\.(org|com)/i);
    expect(answer.text).not.toContain(holder.user.email);
    expect(answer.text).not.toContain("Nadie Confirmó");

    const record = JSON.parse(answer.text) as Record_;
    expect(record.type).toEqual(["VerifiableCredential", "ClrCredential"]);
    expect(record.credentialSubject.type).toEqual(["ClrSubject"]);
    const [badge, ...hours] = record.credentialSubject.verifiableCredential;
    expect(badge!.credentialSubject.achievement.name).toBe("Infant Family Specialist");
    expect(hours).toHaveLength(1);
    expect(hours[0]!.credentialSubject).toMatchObject({
      achievement: { name: "Reflective supervision/consultation received" },
      source: { name: "Dr. Lee" },
      result: [{ value: "3.5" }],
      activityStartDate: "2026-03-02",
    });

    const publicKey = await publicKeyOf(slug);
    expect(await verifyIndependently(record, publicKey)).toBe(true);
    for (const inside of record.credentialSubject.verifiableCredential) expect(await verifyIndependently(inside, publicKey)).toBe(true);
    const tampered = structuredClone(record);
    tampered.credentialSubject.verifiableCredential[1]!.credentialSubject.result![0]!.value = "35";
    expect(await verifyIndependently(tampered, publicKey)).toBe(false);

    const audit = await listAuditOfSubject(db, "user", holder.user.id);
    expect(audit.find((entry) => entry.action === "credential.record-downloaded")?.details).toMatchObject({
      verifiedHours: [{ kind: "rsc-received", hours: 3.5 }],
    });
  });

  it("credits the service the holder gave this association, named as its verifier", async () => {
    const holder = await endorsed({ name: "Rita Revisora" });
    await insertRole(db, holder.user.id, holder.associationId, "reviewer");
    // Both portfolios are the same example file: another employer keeps the review free of conflict.
    const { portfolio } = await findPortfolio(db, holder.user.id);
    await writePortfolio(
      db,
      holder.user.id,
      { ...portfolio, work: portfolio.work.map((job) => ({ ...job, employer: "Elsewhere Family Services" })) },
      new Date(),
    );
    const other = await buildApplicationInReview(app, { associationId: holder.associationId, name: "Otra Solicitante" });
    await runOrThrow(app, assignReviewer, other.staff.actor, {
      associationId: holder.associationId,
      associationSlug: "any",
      applicationId: other.applicationId,
      reviewerUserId: holder.user.id,
    });
    const reviewer = person(holder.user.id, [{ association_id: holder.associationId, role: "reviewer" }]);
    await runOrThrow(app, submitReview, reviewer, await completeReviewOf(app, other.applicationId));

    const answer = await (await app.clientAs(holder.user.id)).get(`/credentials/record/${holder.association.slug}`);
    const record = JSON.parse(answer.text) as Record_;
    const service = record.credentialSubject.verifiableCredential.find(
      (inside) => inside.credentialSubject.achievement.name === "Service as an application reviewer",
    );
    expect(service?.credentialSubject).toMatchObject({ source: { name: holder.association.name }, result: [{ value: "2" }] });
    expect(await verifyIndependently(record, await publicKeyOf(holder.association.slug))).toBe(true);
  });

  it("is not found for anyone without an active credential with that association, and for an unknown one", async () => {
    const holder = await endorsed({ name: "Dueña Registro" });
    const elsewhere = await endorsed({ name: "Otra Asociación" });
    expect((await (await app.clientAs(elsewhere.user.id)).get(`/credentials/record/${holder.association.slug}`)).status).toBe(404);
    expect((await (await app.clientAs(holder.staff.user.id)).get(`/credentials/record/${holder.association.slug}`)).status).toBe(404);
    expect((await (await app.clientAs(holder.user.id)).get("/credentials/record/no-such-association")).status).toBe(404);
    expect((await (await app.client()).get(`/credentials/record/${holder.association.slug}`)).status).toBe(401);
    expect((await (await app.clientAs(elsewhere.user.id)).get(`/credentials/record/${elsewhere.association.slug}`)).status).toBe(200);
  });
});
