import { afterAll, describe, expect, it } from "vitest";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findUserByEmail } from "../../src/data/users.ts";
import { buildUser, testPassword } from "../setup/builders.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);

const pathOf = (link: string) => new URL(link).pathname + new URL(link).search;

describe("sign up, confirm, log in, log out", () => {
  it("walks the whole way with a real mail in between", async () => {
    const client = await app.client();
    const signUp = await client.post("/signup", { name: "Rosa Díaz", email: "Rosa@Example.org", password: "a long enough password" });
    expect(signUp.status).toBe(200);
    expect(signUp.text).toContain("rosa@example.org");

    const early = await client.post("/login", { email: "rosa@example.org", password: "a long enough password" });
    expect(early.status).toBe(400);
    expect(early.text).toContain("Please confirm your email first");

    const mail = await inbox.waitFor((m) => m.to.includes("rosa@example.org"));
    expect(mail.subject).toBe("Confirm your email for Cradle");
    expect(mail.text).toContain("Hello Rosa Díaz");
    const verified = await client.get(pathOf(linkIn(mail, "/verify-email?token=")));
    expect(verified.text).toContain("Your email is confirmed");
    const again = await client.get(pathOf(linkIn(mail, "/verify-email?token=")));
    expect(again.text).toContain("not valid or has expired");

    const logIn = await client.post("/login", { email: "ROSA@example.org ", password: "a long enough password", redirectTo: "/account" });
    expect(logIn.status).toBe(302);
    expect(logIn.location).toBe("/account");
    expect(logIn.headers.getSetCookie().join()).toMatch(/cradle_session=[^;]+; Path=\/; SameSite=Lax; Max-Age=\d+; HttpOnly/);
    const account = await client.get("/account");
    expect(account.status).toBe(200);
    expect(account.text).toContain("Rosa Díaz");

    const logOut = await client.post("/logout");
    expect(logOut.status).toBe(302);
    expect((await client.get("/account")).status).toBe(401);
  });

  it("shows each error next to its field and keeps what was typed, but never the password", async () => {
    const client = await app.client();
    const page = await client.post("/signup", { name: "  ", email: "not-an-email", password: "short" });
    expect(page.status).toBe(400);
    expect(page.text).toContain('id="error-name"');
    expect(page.text).toContain("Enter an email address like name@example.org.");
    expect(page.text).toContain("Use at least 10 characters.");
    expect(page.text).toContain('value="not-an-email"');
    expect(page.text).not.toContain('value="short"');
    expect(page.text).toMatch(/aria-invalid="true"[^>]*aria-describedby="hint-email error-email"|aria-describedby="hint-email error-email"/);
  });

  it("makes no second account with the same email, whatever its case, and does not say that it exists", async () => {
    const taken = await buildUser(app.services.db, { email: "taken@example.org" });
    const client = await app.client();
    const page = await client.post("/signup", { name: "Other", email: "TAKEN@example.org", password: "a long enough password" });
    expect(page.status).toBe(200);
    expect(page.text).toContain("We sent a link to taken@example.org");
    expect(page.text).not.toContain("already exists");
    expect(await findUserByEmail(app.services.db, "taken@example.org")).toMatchObject({ id: taken.id, name: "Test Person" });
  });

  it("writes the account, its link, its mail and its audit entry together", async () => {
    const client = await app.client();
    await client.post("/signup", { name: "Ana", email: "ana@example.org", password: "a long enough password" });
    const user = await findUserByEmail(app.services.db, "ana@example.org");
    expect(user?.email_verified_at).toBeNull();
    const outbox = await app.services.db.selectFrom("outbox").select(["kind"]).where("user_id", "=", user!.id).execute();
    expect(outbox.map((row) => row.kind)).toEqual(["verify-email"]);
    expect((await listAuditOfSubject(app.services.db, "user", user!.id)).map((entry) => entry.action)).toEqual(["account.created"]);
  });
});

describe("the audit log of an account", () => {
  async function auditOf(userId: string) {
    return (await listAuditOfSubject(app.services.db, "user", userId)).map(({ action, actor_kind, actor_user_id, details }) => ({
      action,
      actor_kind,
      actor_user_id,
      details,
    }));
  }

  it("records logging in (by the visitor), changing language and logging out (by the person), but not a wrong password", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.client();
    expect((await client.post("/login", { email: user.email, password: "not the password" })).status).toBe(400);
    expect(await auditOf(user.id)).toEqual([]);

    expect((await client.post("/login", { email: user.email, password: testPassword })).status).toBe(302);
    expect((await client.post("/language", { locale: "es", redirectTo: "/account" })).status).toBe(302);
    expect((await client.post("/language", { locale: "es", redirectTo: "/account" })).status).toBe(302);
    expect((await client.post("/logout")).status).toBe(302);
    expect((await client.post("/logout")).status).toBe(302);

    expect(await auditOf(user.id)).toEqual([
      { action: "account.logged-in", actor_kind: "visitor", actor_user_id: null, details: {} },
      { action: "account.language-changed", actor_kind: "person", actor_user_id: user.id, details: { locale: "es" } },
      { action: "account.logged-out", actor_kind: "person", actor_user_id: user.id, details: {} },
    ]);
  });

  it("names the emailed link that confirmed the address", async () => {
    const client = await app.client();
    await client.post("/signup", { name: "Linus", email: "linus@example.org", password: "a long enough password" });
    const mail = await inbox.waitFor((m) => m.to.includes("linus@example.org"));
    expect((await client.get(pathOf(linkIn(mail, "/verify-email?token=")))).text).toContain("Your email is confirmed");
    const user = await findUserByEmail(app.services.db, "linus@example.org");
    const token = await app.services.db.selectFrom("email_tokens").select("id").where("user_id", "=", user!.id).executeTakeFirstOrThrow();
    const entries = (await listAuditOfSubject(app.services.db, "user", user!.id)).map(({ action, actor_kind, actor_ref }) => ({
      action,
      actor_kind,
      actor_ref,
    }));
    expect(entries).toEqual([
      { action: "account.created", actor_kind: "visitor", actor_ref: expect.any(String) },
      { action: "account.email-verified", actor_kind: "link", actor_ref: `verify-email:${token.id}` },
    ]);
  });
});

describe("log-in protection", () => {
  it("refuses a form without the CSRF token or with a forged one", async () => {
    const client = await app.client();
    expect((await client.post("/login", { email: "x@example.org", password: "whatever", csrf: "" })).status).toBe(403);
    const forged = await client.post("/login", { email: "x@example.org", password: "whatever", csrf: "forged" });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain("This form could not be sent because the page had expired.");
    const stranger = await app.client();
    expect((await stranger.post("/login", { email: "x@example.org", password: "whatever", csrf: client.csrfToken })).status).toBe(403);
  });

  it("says the same for an unknown email and a wrong password", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.client();
    const wrong = await client.post("/login", { email: user.email, password: "not the password" });
    const unknown = await client.post("/login", { email: "nobody@example.org", password: "not the password" });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.text).toContain("The email or password is not right.");
    expect(unknown.text).toContain("The email or password is not right.");
  });

  it("slows down guessing: the 11th try within 15 minutes is refused even with the right password", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.client();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await client.post("/login", { email: user.email, password: "guess " + attempt })).status).toBe(400);
    }
    const blocked = await client.post("/login", { email: user.email, password: testPassword });
    expect(blocked.status).toBe(429);
    expect(blocked.text).toContain("Too many attempts. Please wait 15 minutes");
  });

  it("only redirects to paths on this site after log-in", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.client();
    const page = await client.post("/login", { email: user.email, password: testPassword, redirectTo: "//evil.example.org/x" });
    expect(page.location).toBe("/account");
  });
});

describe("password reset", () => {
  it("mails a link that sets a new password once and ends the old sessions", async () => {
    const user = await buildUser(app.services.db, { email: "forgetful@example.org", name: "Forgetful" });
    const oldSession = await app.client();
    await oldSession.post("/login", { email: user.email, password: testPassword });
    expect((await oldSession.get("/account")).status).toBe(200);

    const client = await app.client();
    const asked = await client.post("/forgot-password", { email: "forgetful@example.org" });
    expect(asked.text).toContain("a reset link is on its way");
    const unknown = await client.post("/forgot-password", { email: "nobody-here@example.org" });
    expect(unknown.text).toContain("a reset link is on its way");

    const mail = await inbox.waitFor((m) => m.to.includes("forgetful@example.org") && m.subject.includes("Reset"));
    const link = pathOf(linkIn(mail, "/reset-password?token="));
    const form = await client.get(link);
    expect(form.text).toContain("Choose a new password");
    const tooShort = await client.post(link, { token: new URL(link, app.url).searchParams.get("token")!, password: "short" });
    expect(tooShort.status).toBe(400);
    const done = await client.post(link, { token: new URL(link, app.url).searchParams.get("token")!, password: "my brand new password" });
    expect(done.text).toContain("Your password is changed");

    expect((await oldSession.get("/account")).status).toBe(401);
    expect((await client.post("/login", { email: user.email, password: testPassword })).status).toBe(400);
    expect((await client.post("/login", { email: user.email, password: "my brand new password" })).status).toBe(302);
    expect((await client.get(link)).text).toContain("not valid or has expired");
  });

  it("limits reset requests for one address to 3 an hour", async () => {
    const client = await app.client();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await client.post("/forgot-password", { email: "limited@example.org" })).status).toBe(200);
    }
    expect((await client.post("/forgot-password", { email: "limited@example.org" })).status).toBe(429);
  });
});

describe("language", () => {
  it("follows Accept-Language, then the switch, and remembers a signed-in person's choice", async () => {
    const client = await app.client();
    expect((await client.get("/", { "accept-language": "es-MX,es;q=0.9,en;q=0.5" })).text).toContain('<html lang="es">');
    expect((await client.get("/", { "accept-language": "fr, en;q=0.8" })).text).toContain('<html lang="en">');

    const switched = await client.post("/language", { locale: "es", redirectTo: "/login" });
    expect(switched.location).toBe("/login");
    expect((await client.get("/login")).text).toContain("Iniciar sesión");

    const user = await buildUser(app.services.db);
    const signedIn = await app.client();
    await signedIn.post("/login", { email: user.email, password: testPassword });
    await signedIn.post("/language", { locale: "es", redirectTo: "/account" });
    const stored = await findUserByEmail(app.services.db, user.email);
    expect(stored?.locale).toBe("es");
    signedIn.cookies.delete("cradle_lang");
    expect((await signedIn.get("/account", { "accept-language": "en" })).text).toContain("Mi cuenta");
  });
});
