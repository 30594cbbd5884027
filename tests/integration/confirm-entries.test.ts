import { afterAll, describe, expect, it } from "vitest";
import { answerConfirmations } from "../../src/commands/answer-confirmations.ts";
import { runCommand } from "../../src/commands/define-command.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { sendConfirmationReminders } from "../../src/jobs/confirmation-reminders.ts";
import { commandContext } from "../../src/server/services.ts";
import { buildUser } from "../setup/builders.ts";
import type { HttpClient } from "../setup/http-client.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);

const day = 24 * 3600 * 1000;

async function addSession(client: HttpClient, providerName: string, date: string, extra: Record<string, string> = {}) {
  const saved = await client.post("/portfolio/reflective-supervision/new", {
    direction: "received",
    date,
    hours: "1.5",
    format: "individual",
    providerName,
    providerCredential: "alliance-iecmh-e/imhs",
    providerEarned: "2015-01-01",
    intent: "save",
    ...extra,
  });
  expect(saved.status).toBe(302);
}

async function sessionsOf(userId: string) {
  return (await findPortfolio(app.services.db, userId)).portfolio.reflectiveSupervision;
}

/** A person with `count` sessions from Dr. Lee (the name typed in several ways), one group session among them, and one from Dr. Kim. */
async function applicantWithSessions(count: number) {
  const user = await buildUser(app.services.db, { name: "Ana Ríos" });
  const client = await app.clientAs(user.id);
  const spellings = ["Dr. Lee", " dr. lee", "DR.  LEE "];
  for (let index = 0; index < count; index++) {
    const date = `2025-0${1 + (index % 9)}-${String(10 + index).padStart(2, "0")}`;
    await addSession(client, spellings[index % spellings.length]!, date, index === 1 ? { format: "group", groupSize: "6" } : {});
  }
  await addSession(client, "Dr. Kim", "2025-03-03");
  const sessions = await sessionsOf(user.id);
  return {
    user,
    client,
    sessions,
    lee: sessions.filter((session) => session.provider?.name !== "Dr. Kim"),
    kim: sessions.find((session) => session.provider?.name === "Dr. Kim")!,
  };
}

async function askAll(client: HttpClient, entryId: string, email: string) {
  return client.post(`/portfolio/confirm/${entryId}`, { name: "Dr. Lee", email, scope: "all" });
}

async function providerLink(email: string) {
  const mail = await inbox.waitFor((m) => m.to.includes(email));
  return { mail, path: new URL(linkIn(mail, "/c/")).pathname };
}

const mailsTo = (email: string) => inbox.received.filter((m) => m.to.includes(email));

describe("one confirmation per provider", () => {
  it("asks once, mails once, and the provider confirms every session through one page", async () => {
    const { user, client, lee, kim } = await applicantWithSessions(5);
    const page = await client.get(`/portfolio/confirm/${lee[0]!.id}`);
    expect(page.text).toContain("Ask Dr. Lee to confirm all 5 entries awaiting them");
    expect((await askAll(client, lee[0]!.id, "lee@example.org")).text).toContain("We emailed Dr. Lee one link to confirm 5 entries.");
    const { mail, path } = await providerLink("lee@example.org");
    expect(mail.subject).toContain("Ana Ríos asks you to confirm 5 entries");
    await app.services.mailWorker.runOnce();
    expect(mailsTo("lee@example.org")).toHaveLength(1);

    const provider = await app.client();
    const form = await provider.get(path);
    expect(form.text).toContain("Please confirm entries for Ana Ríos");
    expect(form.text).toContain("1.5 h · Group (group of 6)");
    expect(form.text).not.toContain("2025-03-03");
    expect((await provider.post(path, { intent: "all" })).text).toContain("5 of 5 confirmed");
    const after = await sessionsOf(user.id);
    expect(after.filter((session) => session.verified).map((session) => session.id)).toEqual(lee.map((session) => session.id));
    expect(after.find((session) => session.id === kim.id)!.verified).toBe(false);
    expect((await client.get("/portfolio")).text.match(/Confirmed/g)).toHaveLength(5);
    await inbox.waitFor((m) => m.to.includes(user.email) && m.text.includes("Dr. Lee confirmed 5 entries of your portfolio"));
    expect((await provider.get(path)).text).toContain("already been sent");
    const audit = await listAuditOfSubject(app.services.db, "portfolio", user.id);
    expect(audit.find((entry) => entry.action === "confirmations.answered")).toMatchObject({
      actor_kind: "link",
      details: { recipientEmail: "lee@example.org", answers: expect.arrayContaining([expect.objectContaining({ entryId: lee[0]!.id, confirmed: true })]) },
    });
  });

  it("confirms some, leaves the declined one unconfirmed, and passes its note on", async () => {
    const { user, client, lee } = await applicantWithSessions(3);
    await askAll(client, lee[0]!.id, "lee-some@example.org");
    const { path } = await providerLink("lee-some@example.org");
    const provider = await app.client();
    const [first, second, third] = lee.map((session) => session.id);
    const answers = { intent: "each", [`answer-${first}`]: "yes", [`answer-${second}`]: "no", [`answer-${third}`]: "yes" };
    const missingNote = await provider.post(path, answers);
    expect(missingNote.status).toBe(400);
    expect(missingNote.text).toContain("Say what is not right, so it can be corrected.");
    expect(missingNote.text).toContain(`id="error-note-${second}"`);
    expect(missingNote.text).toContain(`name="answer-${second}" checked="" value="no"`);
    expect((await sessionsOf(user.id)).some((session) => session.verified)).toBe(false);

    const recorded = await provider.post(path, { ...answers, [`note-${second}`]: "It was 1 hour, not 1.5." });
    expect(recorded.text).toContain("2 of 3 confirmed");
    const after = new Map((await sessionsOf(user.id)).map((session) => [session.id, session.verified]));
    expect([after.get(first!), after.get(second!), after.get(third!)]).toEqual([true, false, true]);
    await inbox.waitFor((m) => m.to.includes(user.email) && m.text.includes("It was 1 hour, not 1.5."));
    expect((await client.get("/inbox")).text).toContain("It was 1 hour, not 1.5.");
  });

  it("confirms only the sessions the link was sent for: not another provider's, not another person's", async () => {
    const { user, client, lee, kim } = await applicantWithSessions(2);
    const other = await applicantWithSessions(1);
    await askAll(client, lee[0]!.id, "lee-scope@example.org");
    const { path } = await providerLink("lee-scope@example.org");
    const provider = await app.client();
    const forged = {
      intent: "each",
      ...Object.fromEntries(lee.map((session) => [`answer-${session.id}`, "yes"])),
      [`answer-${kim.id}`]: "yes",
      [`answer-${other.lee[0]!.id}`]: "yes",
    };
    expect((await provider.post(path, forged)).text).toContain("2 of 2 confirmed");
    expect((await sessionsOf(user.id)).find((session) => session.id === kim.id)!.verified).toBe(false);
    expect((await sessionsOf(other.user.id)).some((session) => session.verified)).toBe(false);

    // Through the command itself, an entry the link was not sent for refuses the whole answer.
    await askAll(other.client, other.lee[0]!.id, "lee-scope2@example.org");
    const link = await app.services.db
      .selectFrom("access_links")
      .select("id")
      .where("recipient_email", "=", "lee-scope2@example.org")
      .executeTakeFirstOrThrow();
    const result = await runCommand(
      commandContext(app.services),
      answerConfirmations,
      { kind: "link", purpose: "confirm-entries", linkId: link.id },
      { answers: [{ entryId: kim.id, confirmed: true, comment: "" }] },
    );
    expect(result).toMatchObject({ ok: false });
    expect((await sessionsOf(user.id)).find((session) => session.id === kim.id)!.verified).toBe(false);
  });

  it("records one answer when two arrive at once through the same link", async () => {
    const { user, client, lee } = await applicantWithSessions(2);
    await askAll(client, lee[0]!.id, "lee-twice@example.org");
    const { path } = await providerLink("lee-twice@example.org");
    const declineFirst = { intent: "each", [`answer-${lee[0]!.id}`]: "no", [`note-${lee[0]!.id}`]: "Not me.", [`answer-${lee[1]!.id}`]: "yes" };
    const pages = await Promise.all([(await app.client()).post(path, { intent: "all" }), (await app.client()).post(path, declineFirst)]);
    expect(pages.filter((page) => page.text.includes("Your answers are recorded"))).toHaveLength(1);
    expect(pages.filter((page) => page.text.includes("already been sent"))).toHaveLength(1);
    const answered = (await listAuditOfSubject(app.services.db, "portfolio", user.id)).filter((entry) => entry.action === "confirmations.answered");
    expect(answered).toHaveLength(1);
  });

  it("answers plainly when the link is used, expired or not valid", async () => {
    const { client, lee } = await applicantWithSessions(2);
    await askAll(client, lee[0]!.id, "lee-late@example.org");
    const { path } = await providerLink("lee-late@example.org");
    await app.services.db
      .updateTable("access_links")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("recipient_email", "=", "lee-late@example.org")
      .execute();
    const provider = await app.client();
    expect((await provider.get(path)).text).toContain("This link has expired.");
    expect((await provider.post(path, { intent: "all" })).text).toContain("This link has expired.");
    expect((await provider.get("/c/forged")).text).toContain("This link is not valid.");
    expect((await provider.post("/c/forged", { intent: "all" })).text).toContain("This link is not valid.");
  });

  it("asks again only about what is not already asked: a session added later gets a request of its own", async () => {
    const { user, client, lee } = await applicantWithSessions(2);
    await askAll(client, lee[0]!.id, "lee-again@example.org");
    const single = await client.post(`/portfolio/confirm/${lee[1]!.id}`, { name: "Dr. Lee", email: "lee-again@example.org", scope: "one" });
    expect(single.status).toBe(400);
    expect(single.text).toContain("You already asked this person for this");
    await addSession(client, "Dr. Lee", "2025-11-01");
    const added = (await sessionsOf(user.id)).at(-1)!;
    expect(added.date).toBe("2025-11-01");
    expect((await askAll(client, added.id, "lee-again@example.org")).text).toContain("We emailed Dr. Lee a link to confirm this entry.");
    const links = await app.services.db.selectFrom("access_links").select("id").where("recipient_email", "=", "lee-again@example.org").execute();
    expect(links).toHaveLength(2);
    // Each try counted once against the daily limit to that mailbox (3), however many entries it asked about.
    const hits = await app.services.db.selectFrom("rate_limits").select("hits").where("key", "=", `ask:recipient:${user.id}:lee-again@example.org`).execute();
    expect(hits.map((row) => row.hits)).toEqual([3]);
  });

  it("reminds the provider after 7 and 14 days, one mail per list, with a link that also works", async () => {
    const { client, lee } = await applicantWithSessions(4);
    await askAll(client, lee[0]!.id, "lee-slow@example.org");
    const { path } = await providerLink("lee-slow@example.org");
    const week = { ...commandContext(app.services), now: () => new Date(Date.now() + 8 * day) };
    expect(await sendConfirmationReminders(week)).toBeGreaterThanOrEqual(1);
    expect(await sendConfirmationReminders(week)).toBe(0);
    await app.services.mailWorker.runOnce();
    const reminder = await inbox.waitFor((m) => m.to.includes("lee-slow@example.org") && m.subject.startsWith("Reminder"));
    expect(reminder.subject).toContain("asks you to confirm 4 entries");
    expect(mailsTo("lee-slow@example.org")).toHaveLength(2);
    const second = new URL(linkIn(reminder, "/c/")).pathname;
    expect(second).not.toBe(path);
    expect((await (await app.client()).get(second)).text).toContain("Please confirm entries for Ana Ríos");
    const fortnight = { ...commandContext(app.services), now: () => new Date(Date.now() + 15 * day) };
    expect(await sendConfirmationReminders(fortnight)).toBeGreaterThanOrEqual(1);
    await app.services.mailWorker.runOnce();
    await inbox.waitFor(() => mailsTo("lee-slow@example.org").length === 3);
    expect(await sendConfirmationReminders({ ...commandContext(app.services), now: () => new Date(Date.now() + 22 * day) })).toBe(0);
  });
});
