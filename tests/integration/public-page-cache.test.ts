import { afterAll, describe, expect, it } from "vitest";
import { associationFormFields, buildAssociation, buildUser } from "../setup/builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

const owner = await buildUser(app.services.db, { isOwner: true });
const ownerBrowser = await app.clientAs(owner.id);

/** What a visitor without a session sees, in a language. */
async function visitorSees(path: string, language = "en") {
  const response = await fetch(`${app.url}${path}`, { headers: { "accept-language": language } });
  return { status: response.status, text: await response.text() };
}

/** Changes the name behind the commands' back: a page still showing the old name came from the cache. */
const renameBehindTheCommands = (slug: string, name: string) => app.services.db.updateTable("associations").set({ name }).where("slug", "=", slug).execute();

describe("public pages from the cache", () => {
  it("serves a public page again from the cache, per language, and never to a signed-in person", async () => {
    const association = await buildAssociation(app.services.db, { name: "Kept Association" });
    expect((await visitorSees(`/a/${association.slug}`)).text).toContain("Kept Association");
    expect((await visitorSees(`/a/${association.slug}`, "es")).text).toContain('<html lang="es">');
    expect((await visitorSees(`/a/${association.slug}.data`)).text).toContain("Kept Association");
    await renameBehindTheCommands(association.slug, "Renamed Quietly");
    expect((await visitorSees(`/a/${association.slug}.data`)).text).toContain("Kept Association");

    const english = await visitorSees(`/a/${association.slug}`);
    expect(english.text).toContain("Kept Association");
    expect(english.text).toContain('<html lang="en">');
    const spanish = await visitorSees(`/a/${association.slug}`, "es");
    expect(spanish.text).toContain("Kept Association");
    expect(spanish.text).toContain('<html lang="es">');
    // With a session the page is rendered for the person, from the database as it is.
    expect((await ownerBrowser.get(`/a/${association.slug}`)).text).toContain("Renamed Quietly");
    // A language nobody asked for yet is rendered, and so current.
    const chosenSpanish = await fetch(`${app.url}/a/${association.slug}`, { headers: { cookie: "cradle_lang=es" } });
    expect(await chosenSpanish.text()).toContain("Kept Association");
  });

  it("shows an association's edited name and contact at the next anonymous request, on its page and on the home page", async () => {
    const slug = "edited-here";
    expect((await ownerBrowser.post("/owner/associations", associationFormFields(slug, "Before The Edit"))).status).toBe(200);
    expect((await visitorSees(`/a/${slug}`)).text).toContain("Before The Edit");
    expect((await visitorSees("/")).text).toContain("Before The Edit");
    expect((await visitorSees(`/a/${slug}`, "es")).text).toContain("Before The Edit");
    expect((await visitorSees(`/a/${slug}.data`)).text).toContain("Before The Edit");
    expect((await visitorSees("/_.data")).text).toContain("Before The Edit");

    const saved = await ownerBrowser.post(`/owner/associations/${slug}`, { ...associationFormFields(slug, "After The Edit"), contactPhone: "555-0100" });
    expect(saved.status).toBe(302);

    for (const language of ["en", "es"]) {
      const page = await visitorSees(`/a/${slug}`, language);
      expect(page.text).toContain("After The Edit");
      expect(page.text).toContain("555-0100");
      expect(page.text).not.toContain("Before The Edit");
      expect((await visitorSees("/", language)).text).toContain("After The Edit");
    }
    expect((await visitorSees(`/a/${slug}.data`)).text).toContain("After The Edit");
    expect((await visitorSees("/_.data")).text).toContain("After The Edit");
  });

  it("lists a newly created association on the home page, and answers its address that was a 404 before", async () => {
    const slug = "published-now";
    expect((await visitorSees("/")).text).not.toContain("Published Now");
    expect((await visitorSees(`/a/${slug}`)).status).toBe(404);
    expect((await ownerBrowser.post("/owner/associations", associationFormFields(slug, "Published Now"))).status).toBe(200);
    expect((await visitorSees("/")).text).toContain("Published Now");
    const page = await visitorSees(`/a/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Published Now");
  });

  it("moves a page with its association's new address: the old one is gone at once", async () => {
    const slug = "moving-out";
    expect((await ownerBrowser.post("/owner/associations", associationFormFields(slug, "Moving Association"))).status).toBe(200);
    expect((await visitorSees(`/a/${slug}`)).status).toBe(200);
    expect((await ownerBrowser.post(`/owner/associations/${slug}`, associationFormFields("moved-in", "Moving Association"))).status).toBe(302);
    expect((await visitorSees(`/a/${slug}`)).status).toBe(404);
    expect((await visitorSees("/a/moved-in")).text).toContain("Moving Association");
  });

  it("keeps no answer that sets a cookie or that a session shaped", async () => {
    const association = await buildAssociation(app.services.db, { name: "Personal Association" });
    // Rendered for the owner first: that answer must not become the visitors' copy.
    expect((await ownerBrowser.get(`/a/${association.slug}`)).text).toContain("Personal Association");
    const visitor = await fetch(`${app.url}/a/${association.slug}`);
    expect(visitor.headers.getSetCookie()).toEqual([]);
    expect(await visitor.text()).not.toContain(owner.name);
  });
});

describe("a public page's language switch", () => {
  const switchLanguage = (headers: Record<string, string>) =>
    fetch(`${app.url}/language`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ csrf: "", locale: "es", redirectTo: "/" }),
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });

  it("works without a token for a visitor, as the browser posts it from our own page", async () => {
    const fromOurPages: Array<Record<string, string>> = [{ origin: app.url }, { "sec-fetch-site": "same-origin", origin: app.url }];
    for (const headers of fromOurPages) {
      const answer = await switchLanguage(headers);
      expect(answer.status).toBe(302);
      expect(answer.headers.getSetCookie().join()).toContain("cradle_lang=es");
    }
  });

  it("is refused from another site", async () => {
    const fromElsewhere: Array<Record<string, string>> = [
      { origin: "https://elsewhere.example" },
      { "sec-fetch-site": "cross-site", origin: "https://elsewhere.example" },
      { origin: "null" },
    ];
    for (const headers of fromElsewhere) {
      const answer = await switchLanguage(headers);
      expect(answer.status).toBe(403);
      expect(answer.headers.getSetCookie().join()).not.toContain("cradle_lang=");
    }
  });

  it("still needs the token from a signed-in person, whose account it changes", async () => {
    const person = await buildUser(app.services.db);
    const client = await app.clientAs(person.id);
    const answer = await fetch(`${app.url}/language`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ csrf: "", locale: "es", redirectTo: "/" }),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, cookie: client.cookieHeader() },
    });
    expect(answer.status).toBe(403);
  });
});
