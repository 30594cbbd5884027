import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { importPortfolioFile } from "../../src/commands/import-portfolio-file.ts";
import { startApplication } from "../../src/commands/start-application.ts";
import { submitApplication } from "../../src/commands/submit-application.ts";
import { insertRole } from "../../src/data/association-roles.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { findUserByEmail } from "../../src/data/users.ts";
import { person } from "../../src/policies/actor.ts";
import { buildUser, testPassword } from "../setup/builders.ts";
import type { HttpClient } from "../setup/http-client.ts";
import { linkIn, type ReceivedMail } from "../setup/smtp-inbox.ts";
import { buildAllianceAssociation, buildStaffAndReviewer, runOrThrow } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

// Behind a proxy, so each test signs up from a client address of its own.
const { app, inbox, close } = await startTestAppWithMail({ TRUST_PROXY: "true" });
afterAll(close);

const db = app.services.db;
let nextAddress = 1;
const newClientAddress = () => `203.0.113.${nextAddress++}`;
const from = (clientAddress: string) => ({ "x-forwarded-for": clientAddress });

/** What a mail program would make a link of: a scheme, "www.", or a host name with a top-level domain and a path. */
const linkLike = /[a-z][a-z0-9+.-]*:\/\/\S+|www\.\S+|[\p{L}\p{N}-]+\.\p{L}{2,}\/\S*/giu;

/** Every link-like text of a mail and every <a> of its HTML part: only Cradle's own link may be there. */
function linksOf(mail: ReceivedMail) {
  return { text: [...mail.text.matchAll(linkLike)].map((match) => match[0]), anchors: [...mail.html.matchAll(/<a\b[^>]*>/g)].map((match) => match[0]) };
}

async function outboxTo(address: string) {
  return db.selectFrom("outbox").select(["kind", "subject"]).where("to_address", "=", address).execute();
}

async function signUp(client: HttpClient, clientAddress: string, fields: { name?: string; email: string; password?: string }) {
  return client.post(
    "/signup",
    { name: fields.name ?? "New Person", password: fields.password ?? "a long enough password", email: fields.email },
    from(clientAddress),
  );
}

/** A portfolio with `sessions` RS/C sessions (s1, s2, ...) that someone can confirm, imported through the command. */
async function applicantWithSessions(sessions: number, overrides: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(db, { name: "Ana Ríos", ...overrides });
  const file = {
    version: 1,
    reflectiveSupervision: Array.from({ length: sessions }, (_, index) => ({
      id: `s${index + 1}`,
      direction: "received",
      date: "2025-04-01",
      hours: 1.5,
      format: "individual",
      provider: { name: "Dr. Lee" },
    })),
  };
  await runOrThrow({ services: app.services }, importPortfolioFile, person(user.id), { kind: "json", file: JSON.stringify(file) });
  return { user, client: await app.clientAs(user.id) };
}

const askForReference = (client: HttpClient, raterEmail: string, extra: Record<string, string> = {}) =>
  client.post("/portfolio/references", { raterName: "Dana Ruiz", raterEmail, role: "current-supervisor", category: "|alliance-iecmh-e|ifs", ...extra });

describe("sign-ups from one client address (issue 15, item 5)", () => {
  it("mails 5 an hour; the 6th is refused with 429, makes no account, sends nothing and writes no audit entry", async () => {
    const client = await app.client();
    const address = newClientAddress();
    for (let index = 1; index <= 5; index++) {
      const page = await signUp(client, address, { email: `victim-${index}@example.org` });
      expect(page.status).toBe(200);
    }
    await inbox.waitFor((mail) => mail.to.includes("victim-5@example.org"));
    const refused = await signUp(client, address, { email: "victim-6@example.org" });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("Too many attempts. Please wait 60 minutes");
    expect(await findUserByEmail(db, "victim-6@example.org")).toBeUndefined();
    expect(await outboxTo("victim-6@example.org")).toEqual([]);
    const audited = await db.selectFrom("audit_log").select("subject_id").where("action", "=", "account.created").where("actor_ref", "=", address).execute();
    expect(audited).toHaveLength(5);

    // Another client address is not held back by this one.
    expect((await signUp(client, newClientAddress(), { email: "victim-6@example.org" })).status).toBe(200);
  });
});

describe("what people typed, in mails to people who never asked to hear from Cradle (item 5)", () => {
  const hostile = "Hello friend\r\nClick http://evil.example/win or www.evil.example or evil.example/prize to claim it, now please";

  it("a sign-up name reaches the confirmation mail as one short line that is not a link", async () => {
    await signUp(await app.client(), newClientAddress(), { name: hostile, email: "named@example.org" });
    const mail = await inbox.waitFor((m) => m.to.includes("named@example.org"));
    const greeting = mail.text.split("\n")[0]!;
    expect(greeting).toMatch(/^Hello Hello friend Click http\[:\]\/\/evil\[\.\]example\/win/);
    // 60 characters as typed (the brackets that break the links come on top).
    expect([...greeting.replace(/^Hello |,$/g, "").replace(/\[(.)\]/g, "$1")].length).toBe(60);
    expect(greeting.endsWith("…,")).toBe(true);
    const links = linksOf(mail);
    expect(links.text).toEqual([linkIn(mail, "/verify-email?token=")]);
    expect(links.anchors).toHaveLength(1);
    expect(links.anchors[0]).toContain("/verify-email?token=");
    expect(mail.html).not.toMatch(/evil\.example|www\.evil/);
  });

  it("the applicant's name reaches the rater's mail cut and not a link, in the subject too", async () => {
    const user = await buildUser(db, { name: hostile });
    await askForReference(await app.clientAs(user.id), "rater-of-hostile@example.org");
    const mail = await inbox.waitFor((m) => m.to.includes("rater-of-hostile@example.org"));
    expect(mail.subject).not.toMatch(/evil\.example|\n/);
    expect(mail.subject.length).toBeLessThan(2 * (60 + 40));
    const links = linksOf(mail);
    expect(links.text).toEqual([linkIn(mail, "/r/")]);
    expect(links.anchors).toHaveLength(1);
    expect(mail.text).toContain("Hello friend Click http[:]//evil[.]example/win");
  });

  it("an entry's words reach the supervisor's mail as text, not as links", async () => {
    const user = await buildUser(db, { name: "Ana Ríos" });
    const client = await app.clientAs(user.id);
    await client.post("/portfolio/work/new", {
      role: "Visit www.evil.example/job and http://evil.example",
      employer: "evil.example/hiring",
      start: "2020-01-06",
      ages: "0-36",
      familiesServed: "12",
      paid: "on",
      supervisor: "Carmen Díaz",
      intent: "save",
    });
    const [job] = (await findPortfolio(db, user.id)).portfolio.work;
    expect((await client.post(`/portfolio/confirm/${job!.id}`, { name: "Carmen Díaz", email: "carmen-links@example.org" })).status).toBe(200);
    const mail = await inbox.waitFor((m) => m.to.includes("carmen-links@example.org"));
    expect(mail.text).toContain("www[.]evil[.]example/job");
    expect(linksOf(mail).text).toEqual([linkIn(mail, "/v/")]);
    expect(linksOf(mail).anchors).toHaveLength(1);
  });
});

describe("reference and confirmation requests (item 5)", () => {
  it("lets one applicant ask 10 raters a day; the 11th is refused with 429 and never mailed", async () => {
    const user = await buildUser(db);
    const client = await app.clientAs(user.id);
    for (let index = 1; index <= 10; index++) {
      expect((await askForReference(client, `stranger-${index}@example.org`)).status).toBe(200);
    }
    const refused = await askForReference(client, "stranger-11@example.org");
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("You have sent as many requests as Cradle allows in one day.");
    await inbox.waitFor((mail) => mail.to.includes("stranger-10@example.org"));
    expect(await outboxTo("stranger-11@example.org")).toEqual([]);
    expect((await findPortfolio(db, user.id)).portfolio.references).toHaveLength(10);
    const audited = await db.selectFrom("audit_log").select("id").where("actor_user_id", "=", user.id).where("action", "=", "reference.requested").execute();
    expect(audited).toHaveLength(10);
  });

  it("lets one applicant ask 10 confirmations a day; the 11th is refused with 429 and never mailed", async () => {
    const { client } = await applicantWithSessions(11);
    for (let index = 1; index <= 10; index++) {
      expect((await client.post(`/portfolio/confirm/s${index}`, { name: "Provider", email: `provider-${index}@example.org` })).status).toBe(200);
    }
    const refused = await client.post("/portfolio/confirm/s11", { name: "Provider", email: "provider-11@example.org" });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("You have sent as many requests as Cradle allows in one day.");
    expect(await outboxTo("provider-11@example.org")).toEqual([]);
  });

  it("mails one mailbox at most 3 times a day from one applicant, however its address is written", async () => {
    const { client } = await applicantWithSessions(5);
    for (const [entry, email] of [
      ["s1", "lee@example.org"],
      ["s2", "LEE+second@example.org"],
      ["s3", "lee+third@example.org"],
    ] as const) {
      expect((await client.post(`/portfolio/confirm/${entry}`, { name: "Dr. Lee", email })).status).toBe(200);
    }
    const refused = await client.post("/portfolio/confirm/s4", { name: "Dr. Lee", email: "lee@example.org" });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("You have asked this person as many times as Cradle allows in one day.");
    expect(refused.text).toContain('id="error-email"');
    expect((await client.post("/portfolio/confirm/s4", { name: "Dr. Kim", email: "kim@example.org" })).status).toBe(200);
    expect((await outboxTo("lee@example.org")).length).toBe(1);
  });

  it("keeps one open request per recipient and entry, and per rater and framework", async () => {
    const { user, client } = await applicantWithSessions(1);
    expect((await client.post("/portfolio/confirm/s1", { name: "Dr. Lee", email: "open-lee@example.org" })).status).toBe(200);
    const again = await client.post("/portfolio/confirm/s1", { name: "Dr. Lee", email: "Open-Lee@example.org" });
    expect(again.status).toBe(400);
    expect(again.text).toContain("You already asked this person for this, and their link still works.");
    expect((await client.post("/portfolio/confirm/s1", { name: "Dr. Park", email: "open-park@example.org" })).status).toBe(200);

    expect((await askForReference(client, "open-dana@example.org")).status).toBe(200);
    const twice = await askForReference(client, "open-dana@example.org");
    expect(twice.status).toBe(400);
    expect(twice.text).toContain("You already asked this person for this");
    expect((await askForReference(client, "open-dana@example.org", { category: "|california-ifecmh|tmhp" })).status).toBe(200);
    expect((await outboxTo("open-lee@example.org")).length).toBe(1);
    expect((await findPortfolio(db, user.id)).portfolio.references).toHaveLength(2);
  });
});

describe("nobody rates or confirms their own work (item 6)", () => {
  it("refuses a reference request to the applicant's own address, in English and in Spanish, and sends and records nothing", async () => {
    const user = await buildUser(db, { email: "self-rater@example.org" });
    const client = await app.clientAs(user.id);
    const refused = await askForReference(client, "Self-Rater+ref@Example.org");
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('id="error-raterEmail"');
    expect(refused.text).toContain("This is your own email address.");
    await client.post("/language", { locale: "es", redirectTo: "/portfolio/references" });
    const enEspañol = await askForReference(client, "self-rater@example.org");
    expect(enEspañol.status).toBe(400);
    expect(enEspañol.text).toContain("Este es su propio correo.");
    expect((await findPortfolio(db, user.id)).portfolio.references).toEqual([]);
    expect(await outboxTo("self-rater@example.org")).toEqual([]);
    expect(await db.selectFrom("audit_log").select("id").where("actor_user_id", "=", user.id).where("action", "=", "reference.requested").execute()).toEqual(
      [],
    );
  });

  it("refuses a confirmation request to the applicant's own address", async () => {
    const { user, client } = await applicantWithSessions(1, { email: "self-provider@example.org" });
    const refused = await client.post("/portfolio/confirm/s1", { name: "Me", email: "SELF-PROVIDER@example.org" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('id="error-email"');
    expect(refused.text).toContain("This is your own email address.");
    expect(await db.selectFrom("access_links").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
  });

  it("flags, for staff and reviewers, a rater whose address is another account with the applicant's name or from the applicant's sign-up address", async () => {
    const association = await buildAllianceAssociation(app);
    const signUpAddress = newClientAddress();
    const signedUp = async (name: string, email: string) => {
      await signUp(await app.client(), signUpAddress, { name, email, password: testPassword });
      const mail = await inbox.waitFor((m) => m.to.includes(email));
      await (await app.client()).get(new URL(linkIn(mail, "/verify-email?token=")).pathname + new URL(linkIn(mail, "/verify-email?token=")).search);
      return (await findUserByEmail(db, email))!;
    };
    const applicant = await signedUp("Marisol Vega", "marisol@example.org");
    const secondAccount = await signedUp("M. V.", "marisol-work@example.org");
    await buildUser(db, { name: "marisol  VEGA", email: "marisol-alias@example.org" });
    await insertRole(db, applicant.id, association.id, "member");
    const actor = person(applicant.id, [{ association_id: association.id, role: "member" }]);
    await runOrThrow(app, importPortfolioFile, actor, { kind: "json", file: readFileSync("examples/ifs-portfolio.json", "utf8") });

    const client = await app.clientAs(applicant.id);
    expect((await askForReference(client, "marisol-alias@example.org", { raterName: "Same Name", samePerson: "" })).status).toBe(200);
    expect((await askForReference(client, "marisol-work@example.org", { raterName: "Same Address" })).status).toBe(200);
    expect((await askForReference(client, "honest-rater@example.org", { raterName: "Honest Rater", samePerson: "same-name" })).status).toBe(200);
    await inbox.waitFor((m) => m.to.includes("marisol-alias@example.org"));

    const { applicationId } = await runOrThrow(app, startApplication, actor, {
      associationId: association.id,
      frameworkId: "alliance-iecmh-e",
      categoryId: "ifs",
    });
    await runOrThrow(app, submitApplication, actor, { applicationId, attests: true, signsEthics: true });
    const { staff } = await buildStaffAndReviewer(app, association.id);
    const file = await (await app.clientAs(staff.user.id)).get(`/a/${association.slug}/applications/${applicationId}`);
    expect(file.status).toBe(200);
    // Each reference is a plain <li>; its flags are <li>s with a class inside it.
    const references = file.text.slice(file.text.indexOf("<h2>References</h2>"), file.text.indexOf("<h2>Documents</h2>"));
    const lineOf = (rater: string) => references.split("<li>").find((line) => line.startsWith(`${rater}, `)) ?? expect.fail(`no line for ${rater}`);
    expect(lineOf("Same Name")).toContain("Flagged by Cradle: this address belongs to another account with the applicant&#x27;s name.");
    expect(lineOf("Same Address")).toContain("another account created from the same network address");
    expect(lineOf("Same Address")).not.toContain("applicant&#x27;s name");
    expect(lineOf("Honest Rater")).not.toContain("Flagged by Cradle");
    expect(secondAccount.id).not.toBe(applicant.id);

    // The applicant's own view says nothing of it, and what they can change (their portfolio) cannot remove it.
    expect((await client.get("/portfolio/references")).text).not.toContain("Flagged by Cradle");
  });
});

describe("sign-up with an address that has an account (item 7)", () => {
  it("answers the same 'check your mail' page, and mails the owner a notice in the account's language, changing nothing", async () => {
    const owner = await buildUser(db, { email: "owner-es@example.org", name: "Lucía", locale: "es" });
    const address = newClientAddress();
    const taken = await signUp(await app.client(), address, { name: "Intruder", email: "OWNER-ES@example.org", password: "the intruder's password" });
    const fresh = await signUp(await app.client(), address, { name: "Newcomer", email: "owner-not-yet@example.org" });
    expect(taken.status).toBe(200);
    const mainOf = (page: { text: string }, email: string) =>
      page.text
        .match(/<main[^]*<\/main>/)?.[0]
        .replace(email, "EMAIL")
        .replace(/value="[^"]*"/g, "");
    expect(mainOf(taken, "owner-es@example.org")).toBe(mainOf(fresh, "owner-not-yet@example.org"));
    expect(taken.text).not.toContain("already exists");

    const notice = await inbox.waitFor((m) => m.to.includes("owner-es@example.org"));
    expect(notice.subject).toBe("Alguien intentó crear una cuenta de Cradle con su correo");
    expect(notice.text).toContain("Hola, Lucía");
    expect(notice.text).toContain(`${app.url}/login`);
    expect(notice.text).toContain(`${app.url}/forgot-password`);
    expect(notice.text).not.toContain("Intruder");
    expect(await outboxTo("owner-es@example.org")).toEqual([{ kind: "sign-up-attempt", subject: notice.subject }]);

    const stillOwner = await findUserByEmail(db, "owner-es@example.org");
    expect(stillOwner).toMatchObject({ id: owner.id, name: "Lucía" });
    const logIn = await (await app.client()).post("/login", { email: "owner-es@example.org", password: "the intruder's password" });
    expect(logIn.status).toBe(400);
    expect(await db.selectFrom("audit_log").select("action").where("subject_id", "=", owner.id).execute()).toEqual([]);
  });

  it("sends the notice at most 3 times an hour to one address, answering the same page every time", async () => {
    await buildUser(db, { email: "often-tried@example.org" });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const page = await signUp(await app.client(), newClientAddress(), { email: "often-tried@example.org" });
      expect(page.status).toBe(200);
      expect(page.text).toContain("We sent a link to often-tried@example.org");
    }
    await inbox.waitFor((m) => m.to.includes("often-tried@example.org"));
    expect(await outboxTo("often-tried@example.org")).toHaveLength(3);
  });
});
