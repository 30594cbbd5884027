import { afterAll, describe, expect, it } from "vitest";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { buildUser } from "../setup/builders.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);

async function applicantWithSession(providerEmail: string) {
  const user = await buildUser(app.services.db, { name: "Ana Ríos" });
  const client = await app.clientAs(user.id);
  await client.post("/portfolio/reflective-supervision/new", {
    direction: "received",
    date: "2025-04-01",
    hours: "1.5",
    format: "individual",
    providerName: "Dr. Lee",
    providerCredential: "alliance-iecmh-e/imhs",
    providerEarned: "2015-01-01",
    intent: "save",
  });
  const [session] = (await findPortfolio(app.services.db, user.id)).portfolio.reflectiveSupervision;
  const asked = await client.post(`/portfolio/confirm/${session!.id}`, { name: "Dr. Lee", email: providerEmail });
  expect(asked.text).toContain("We emailed Dr. Lee a link to confirm this entry.");
  const mail = await inbox.waitFor((m) => m.to.includes(providerEmail));
  return { user, client, session: session!, path: new URL(linkIn(mail, "/v/")).pathname, mail };
}

describe("confirmation of hours by the provider, through an emailed link", () => {
  it("marks the session verified when the provider confirms, and tells the applicant", async () => {
    const { user, client, session, path, mail } = await applicantWithSession("lee@example.org");
    expect(mail.text).toContain("I received it · 2025-04-01 · 1.5 h · Individual");
    const provider = await app.client();
    const page = await provider.get(path);
    expect(page.text).toContain("Please confirm an entry for Ana Ríos");
    expect((await provider.post(path, { answer: "yes" })).text).toContain("Thank you. Your answer is recorded.");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.reflectiveSupervision[0]).toMatchObject({ id: session.id, verified: true });
    expect((await client.get("/portfolio")).text).toContain("Confirmed");
    await inbox.waitFor((m) => m.to.includes(user.email) && m.subject.includes("Dr. Lee confirmed an entry"));
    expect((await provider.get(path)).text).toContain("already been sent");
  });

  it("refuses an answer that is neither yes nor no with 400, recording nothing", async () => {
    const { user, path } = await applicantWithSession("lee-unknown@example.org");
    const provider = await app.client();
    const refused = await provider.post(path, { answer: "maybe", comment: "Not sure." });
    expect(refused.status).toBe(400);
    const link = await app.services.db.selectFrom("access_links").select(["answers", "completed_at"]).where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(link).toEqual({ answers: null, completed_at: null });
    expect((await findPortfolio(app.services.db, user.id)).portfolio.reflectiveSupervision[0]!.verified).toBe(false);
    expect((await provider.get(path)).text).toContain("Please confirm an entry for Ana Ríos");
  });

  it("leaves the entry unverified and passes on the provider's comment when it is not right", async () => {
    const { user, path } = await applicantWithSession("lee2@example.org");
    await (await app.client()).post(path, { answer: "no", comment: "It was 1 hour, not 1.5." });
    expect((await findPortfolio(app.services.db, user.id)).portfolio.reflectiveSupervision[0]!.verified).toBe(false);
    await inbox.waitFor((m) => m.to.includes(user.email) && m.text.includes("It was 1 hour, not 1.5."));
  });

  it("asks the supervisor named on a job, whose verification marks the work verified", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.clientAs(user.id);
    await client.post("/portfolio/work/new", {
      role: "Home visitor",
      employer: "Early Head Start",
      start: "2020-01-06",
      ages: "0-36",
      familiesServed: "12",
      paid: "on",
      supervisor: "Carmen Díaz",
      intent: "save",
    });
    const [job] = (await findPortfolio(app.services.db, user.id)).portfolio.work;
    expect(job).toMatchObject({ supervisor: "Carmen Díaz", verified: false });
    expect((await client.get(`/portfolio/confirm/${job!.id}`)).text).toContain('value="Carmen Díaz"');
    await client.post(`/portfolio/confirm/${job!.id}`, { name: "Carmen Díaz", email: "carmen@example.org" });
    const mail = await inbox.waitFor((m) => m.to.includes("carmen@example.org"));
    await (await app.client()).post(new URL(linkIn(mail, "/v/")).pathname, { answer: "yes" });
    expect((await findPortfolio(app.services.db, user.id)).portfolio.work[0]!.verified).toBe(true);
  });

  it("lets nobody else ask about someone's entry", async () => {
    const { session } = await applicantWithSession("lee3@example.org");
    const stranger = await app.clientAs((await buildUser(app.services.db)).id);
    expect((await stranger.get(`/portfolio/confirm/${session.id}`)).status).toBe(404);
  });

  it("answers who confirmed these hours, and when: the link, its recipient's name and address, the entry and the answer", async () => {
    const { user, session, path } = await applicantWithSession("lee-audit@example.org");
    const before = Date.now();
    expect((await (await app.client()).post(path, { answer: "yes" })).text).toContain("Thank you. Your answer is recorded.");
    const after = Date.now();
    const link = await app.services.db.selectFrom("access_links").select("id").where("recipient_email", "=", "lee-audit@example.org").executeTakeFirstOrThrow();
    const history = await listAuditOfSubject(app.services.db, "portfolio-entry", `${user.id}/${session.id}`);
    expect(history.map((entry) => entry.action)).toEqual(["confirmation.requested", "confirmation.answered"]);
    const answered = history[1]!;
    expect(answered).toMatchObject({
      actor_kind: "link",
      actor_ref: `verify-entry:${link.id}`,
      actor_user_id: null,
      details: {
        recipientName: "Dr. Lee",
        recipientEmail: "lee-audit@example.org",
        entryId: session.id,
        confirmed: true,
        list: "reflectiveSupervision",
        entry: { id: session.id, date: "2025-04-01", hours: 1.5 },
      },
    });
    expect(new Date(answered.created_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(answered.created_at).getTime()).toBeLessThanOrEqual(after + 1000);
    expect(history[0]).toMatchObject({
      actor_kind: "person",
      actor_user_id: user.id,
      details: { linkId: link.id, recipientEmail: "lee-audit@example.org", entryId: session.id },
    });
  });

  it("records one answer when two arrive at once through the same link", async () => {
    const { user, session, path } = await applicantWithSession("lee-twice@example.org");
    const [yes, no] = await Promise.all([
      (await app.client()).post(path, { answer: "yes" }),
      (await app.client()).post(path, { answer: "no", comment: "Not me." }),
    ]);
    const pages = [yes.text, no.text];
    expect(pages.filter((text) => text.includes("Thank you. Your answer is recorded."))).toHaveLength(1);
    expect(pages.filter((text) => text.includes("already been sent"))).toHaveLength(1);
    const answers = (await listAuditOfSubject(app.services.db, "portfolio-entry", `${user.id}/${session.id}`)).filter(
      (entry) => entry.action === "confirmation.answered",
    );
    expect(answers).toHaveLength(1);
    const confirmed = answers[0]!.details.confirmed;
    expect((await findPortfolio(app.services.db, user.id)).portfolio.reflectiveSupervision[0]!.verified).toBe(confirmed);
    const link = await app.services.db
      .selectFrom("access_links")
      .select("answers")
      .where("recipient_email", "=", "lee-twice@example.org")
      .executeTakeFirstOrThrow();
    expect(link.answers).toMatchObject({ confirmed });
  });
});
