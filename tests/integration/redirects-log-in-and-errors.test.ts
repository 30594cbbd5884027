import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { enrolCandidate } from "../../src/commands/enrol-candidate.ts";
import { readConfig } from "../../src/config.ts";
import { startCradle } from "../../src/server/start-cradle.ts";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { person } from "../../src/policies/actor.ts";
import { buildAssociation, buildMember, buildUser, signIn, testPassword } from "../setup/builders.ts";
import { HttpClient } from "../setup/http-client.ts";
import { internalDetail } from "../setup/internal-detail.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { runOrThrow } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail({ TRUST_PROXY: "true" });
afterAll(close);

/** Another server with other settings, on this file's database (one test database per file). */
async function startNextToApp(env: Record<string, string>) {
  const config = readConfig({ PORT: "0", DATA_DIR: mkdtempSync(path.join(tmpdir(), "cradle-test-")), LOG_LEVEL: "silent", ...env });
  const database = { db: app.services.db, driver: app.services.driver, description: "this file's database", close: async () => {} };
  return startCradle({ config, database, logger: pino({ level: "silent" }) });
}

/** Where a browser on the site would go with this Location header. */
const hostOf = (location: string | null) => new URL(location ?? "", app.url).host;
const siteHost = new URL(app.url).host;

/** Each log-in comes from its own client address (X-Forwarded-For, with TRUST_PROXY), so tests do not share the per-address count. */
let addresses = 0;
const newAddress = () => `198.51.100.${++addresses}`;
const logIn = (client: HttpClient, email: string, password: string, address: string, extra: Record<string, string> = {}) =>
  client.post("/login", { email, password, ...extra }, { "x-forwarded-for": address });

describe("redirects go only to this site (issue 15, item 8)", () => {
  const hostile = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/.//evil.example",
  ];

  it.each(hostile)("after log-in, %j leads to the account, never elsewhere and never a 500", async (target) => {
    const user = await buildUser(app.services.db);
    const client = await app.client();
    const page = await logIn(client, user.email, testPassword, newAddress(), { redirectTo: target });
    expect(page.status).toBe(302);
    expect(page.location).toBe("/account");
  });

  it("GET /login?redirectTo=%2F%09%2Fevil.example, signed in, stays on the site; %0A and %0D are no 500", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.clientAs(user.id);
    for (const encoded of ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%0D%2Fevil.example", "%2F%5Cevil.example"]) {
      const page = await client.get(`/login?redirectTo=${encoded}`);
      expect(page.status, encoded).toBe(302);
      expect(hostOf(page.location), encoded).toBe(siteHost);
      expect(page.location, encoded).toBe("/account");
    }
  });

  it("the log-in form carries the cleaned target, not the raw one", async () => {
    const client = await app.client();
    const page = await client.get("/login?redirectTo=%2F%0A%2Fevil.example");
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="redirectTo" value="/account"');
    const kept = await client.get("/login?redirectTo=%2Fportfolio%3Fsaved%3D1%23training");
    expect(kept.text).toContain('name="redirectTo" value="/portfolio?saved=1#training"');
  });

  it("the language switch goes back only to a path of this site", async () => {
    const client = await app.client();
    for (const target of hostile) {
      const page = await client.post("/language", { locale: "es", redirectTo: target });
      expect(page.status, JSON.stringify(target)).toBe(302);
      expect(page.location, JSON.stringify(target)).toBe("/");
    }
    const back = await client.post("/language", { locale: "en", redirectTo: "/portfolio?x=1" });
    expect(back.location).toBe("/portfolio?x=1");
  });
});

describe("log-in limits count failures only (issue 15, item 9)", () => {
  it("a training room behind one address logs in 60 times in a row", async () => {
    const room = newAddress();
    const people = await Promise.all(Array.from({ length: 6 }, () => buildUser(app.services.db)));
    for (let round = 0; round < 10; round++) {
      for (const user of people) {
        const page = await logIn(await app.client(), user.email, testPassword, room);
        expect(page.status, `log-in ${round * people.length + 1}`).toBe(302);
      }
    }
  });

  it("wrong passwords from one address still run into the per-address limit (50 per 15 minutes)", async () => {
    const attacker = newAddress();
    const client = await app.client();
    for (let attempt = 0; attempt < 50; attempt++) {
      expect((await logIn(client, `nobody-${attempt}@example.org`, "a guess", attacker)).status).toBe(400);
    }
    const user = await buildUser(app.services.db);
    expect((await logIn(client, user.email, testPassword, attacker)).status).toBe(429);
    // Someone at another address is not concerned.
    expect((await logIn(await app.client(), user.email, testPassword, newAddress())).status).toBe(302);
  });

  it("ten wrong passwords for an email do not lock its owner out on a browser they logged in on before", async () => {
    const user = await buildUser(app.services.db);
    const owner = await app.client();
    const home = newAddress();
    const first = await logIn(owner, user.email, testPassword, home);
    expect(first.status).toBe(302);
    expect(first.headers.getSetCookie().join("\n")).toMatch(/cradle_device=[^;]+; Path=\/; SameSite=Lax; Max-Age=\d+; HttpOnly/);
    await owner.post("/logout");

    const attacker = await app.client();
    const elsewhere = newAddress();
    for (let attempt = 0; attempt < 10; attempt++) expect((await logIn(attacker, user.email, `guess ${attempt}`, elsewhere)).status).toBe(400);
    // The guesser, even with the right password now, and any new browser wait.
    expect((await logIn(attacker, user.email, testPassword, elsewhere)).status).toBe(429);
    expect((await logIn(await app.client(), user.email, testPassword, home)).status).toBe(429);

    // The owner's own browser gets in, and the count stays against the guesser.
    const back = await logIn(owner, user.email, testPassword, home);
    expect(back.status).toBe(302);
    expect(back.location).toBe("/account");
    expect((await logIn(attacker, user.email, testPassword, elsewhere)).status).toBe(429);
  });

  it("a device cookie of another person, or a forged one, does not lift the limit", async () => {
    const victim = await buildUser(app.services.db);
    const attacker = await app.client();
    const address = newAddress();
    const own = await buildUser(app.services.db);
    expect((await logIn(attacker, own.email, testPassword, address)).status).toBe(302);
    await attacker.post("/logout");
    const ownDevice = attacker.cookies.get("cradle_device")!;
    for (let attempt = 0; attempt < 10; attempt++) expect((await logIn(attacker, victim.email, `guess ${attempt}`, address)).status).toBe(400);
    expect((await logIn(attacker, victim.email, testPassword, address)).status).toBe(429);

    const [, , issued, mac] = ownDevice.split(".");
    attacker.cookies.set("cradle_device", `v1.${victim.id}.${issued}.${mac}`);
    expect((await logIn(attacker, victim.email, testPassword, address)).status).toBe(429);
  });

  it("a right password clears the email's failures: nine wrong, one right, nine wrong again are all still answered", async () => {
    const user = await buildUser(app.services.db);
    const address = newAddress();
    for (let attempt = 0; attempt < 9; attempt++) expect((await logIn(await app.client(), user.email, `guess ${attempt}`, address)).status).toBe(400);
    expect((await logIn(await app.client(), user.email, testPassword, address)).status).toBe(302);
    for (let attempt = 0; attempt < 9; attempt++) expect((await logIn(await app.client(), user.email, `again ${attempt}`, address)).status).toBe(400);
    expect((await logIn(await app.client(), user.email, testPassword, address)).status).toBe(302);
  });
});

describe("pages of a signed-in person are not cached (issue 15, item 10)", () => {
  it("answers them with Cache-Control: private, no-store; public pages keep theirs", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.clientAs(user.id);
    for (const path of ["/", "/account", "/portfolio", "/inbox", "/no-such-page"]) {
      expect((await client.get(path)).headers.get("cache-control"), path).toBe("private, no-store");
    }
    const visitor = await app.client();
    expect((await visitor.get("/")).headers.get("cache-control") ?? "").not.toContain("no-store");
    expect((await visitor.get("/healthz")).headers.get("cache-control")).toBe("no-store");
  });
});

describe("confirmation links after a resend (issue 15, item 11)", () => {
  it("the older link still confirms the address right after a new one was sent", async () => {
    const client = await app.client();
    const email = "late-mail@example.org";
    expect((await client.post("/signup", { name: "Late Mail", email, password: "a long enough password" })).status).toBe(200);
    const first = await inbox.waitFor((mail) => mail.to.includes(email));
    expect((await client.post("/verify-email", { email })).status).toBe(200);
    await inbox.waitFor((mail) => mail.to.includes(email) && mail !== first);
    const links = inbox.received.filter((mail) => mail.to.includes(email)).map((mail) => linkIn(mail, "/verify-email?token="));
    expect(links).toHaveLength(2);

    const pathOf = (link: string) => new URL(link).pathname + new URL(link).search;
    const confirmed = await client.get(pathOf(links[0]!));
    expect(confirmed.text).toContain("Your email is confirmed");
    // Once confirmed, the newer link has nothing left to do.
    expect((await client.get(pathOf(links[1]!))).text).toContain("not valid or has expired");
  });
});

describe("success notices only on success (issue 15, item 12)", () => {
  it("a refused advisor assignment says why, and not that the advisor was assigned", async () => {
    const association = await buildAssociation(app.services.db);
    await setFrameworksOfAssociation(app.services.db, association.id, ["california-ifecmh"]);
    const candidate = await buildMember(app.services.db, association.id, "member");
    await runOrThrow(app, enrolCandidate, person(candidate.id, [{ association_id: association.id, role: "member" }]), {
      associationId: association.id,
      frameworkId: "california-ifecmh",
      categoryId: "tmhp",
    });
    const staff = await buildMember(app.services.db, association.id, "staff");
    const outsider = await buildUser(app.services.db);
    const client = await app.clientAs(staff.id);
    const page = await client.get(`/a/${association.slug}/candidates`);
    const candidacyId = page.text.match(/name="candidacyId" value="([^"]+)"/)![1]!;

    const refused = await client.post(`/a/${association.slug}/candidates`, { candidacyId, advisorEmail: outsider.email });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("This person has no role in the association.");
    expect(refused.text).not.toContain("The advisor was assigned.");

    const assigned = await client.post(`/a/${association.slug}/candidates`, { candidacyId, advisorEmail: staff.email });
    expect(assigned.status).toBe(200);
    expect(assigned.text).toContain("The advisor was assigned.");
  });
});

describe("no internal detail in an error page (issue 15, item 10)", () => {
  it("a failing loader answers 500 without the database's message, SQL, stack frames or file paths, in development mode too", async () => {
    expect(app.services.config.isProduction).toBe(false);
    const user = await buildUser(app.services.db);
    const client = await app.clientAs(user.id);
    await app.services.db.schema.alterTable("portfolios").renameTo("portfolios_gone").execute();
    try {
      for (const path of ["/portfolio", "/portfolio.data", "/progress"]) {
        const page = await client.get(path);
        expect(page.status, path).toBe(500);
        for (const leak of internalDetail) {
          expect(page.text, `${path} shows ${leak}`).not.toMatch(leak);
        }
      }
    } finally {
      await app.services.db.schema.alterTable("portfolios_gone").renameTo("portfolios").execute();
    }
  });

  it("the dev mailbox is closed when mail leaves by SMTP, even for an owner", async () => {
    const owner = await buildUser(app.services.db, { isOwner: true });
    const client = await app.clientAs(owner.id);
    expect((await client.get("/dev/mail")).status).toBe(404);
    expect((await client.get("/")).text).not.toContain('href="/dev/mail"');
  });

  it("and on a public BASE_URL without SMTP; on this machine without SMTP it opens for owners", async () => {
    const publicSite = await startNextToApp({ BASE_URL: "https://cradle.example.org" });
    const local = await startNextToApp({});
    try {
      for (const [site, status] of [
        [publicSite, 404],
        [local, 200],
      ] as const) {
        const owner = await buildUser(site.services.db, { isOwner: true });
        // The address it listens on (a public BASE_URL is not this machine).
        const client = await HttpClient.open(`http://localhost:${(site.server.address() as AddressInfo).port}`);
        await signIn(site.services.db, client, owner.id);
        expect((await client.get("/dev/mail")).status, site.url).toBe(status);
      }
    } finally {
      await publicSite.close();
      await local.close();
    }
  });
});
