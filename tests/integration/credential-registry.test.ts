import { afterAll, describe, expect, it } from "vitest";
import { findAssociationById } from "../../src/data/associations.ts";
import { buildCredential, moveCredentialStatus } from "../setup/state-builders.ts";
import { renameBehindTheCommands, untilKept, visitorSees } from "../setup/public-cache.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

/** A holder who ticks "list me in the registry" on My credentials (as a browser without JavaScript sends it). */
async function listed(holder: Awaited<ReturnType<typeof buildCredential>>, fields: string[] = ["registry"]) {
  const client = await app.clientAs(holder.user.id);
  expect((await client.post("/credentials", { credentialId: holder.credential.id, fields })).status).toBe(200);
}

describe("an association's public registry", () => {
  it("lists, by name, the active credentials whose holders chose it, each leading to its verification page, and nothing else of them", async () => {
    const zoe = await buildCredential(app, { name: "Zoe Listed" });
    const { associationId } = zoe;
    const slug = (await findAssociationById(app.services.db, associationId))!.slug;
    const ana = await buildCredential(app, { name: "Ana Listed", associationId });
    const quiet = await buildCredential(app, { name: "Quinn Unlisted", associationId });
    const revoked = await buildCredential(app, { name: "Rory Revoked", associationId });
    const elsewhere = await buildCredential(app, { name: "Elsa Elsewhere" });
    for (const holder of [zoe, ana, revoked, elsewhere]) await listed(holder);
    await listed(quiet, ["email"]);
    await moveCredentialStatus(app, {
      credentialId: revoked.credential.id,
      from: "active",
      to: "revoked",
      effectiveOn: "2026-01-02",
      changedBy: null,
      reason: "test",
    });

    const visitor = await app.client();
    const page = await visitor.get(`/a/${slug}/registry`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(page.text.indexOf("Ana Listed")).toBeGreaterThan(-1);
    expect(page.text.indexOf("Ana Listed")).toBeLessThan(page.text.indexOf("Zoe Listed"));
    expect(page.text).toContain(`href="/verify/${zoe.credential.number}"`);
    expect(page.text).toContain("Infant Family Specialist");
    for (const absent of ["Quinn Unlisted", "Rory Revoked", "Elsa Elsewhere", zoe.user.email, ana.user.email]) expect(page.text).not.toContain(absent);
    // Its data, which anyone may ask for too, holds nothing more: no date of issue, no email.
    const data = await visitor.get(`/a/${slug}/registry.data`);
    expect(data.text).toContain("Zoe Listed");
    for (const absent of ['"issued"', zoe.user.email, "Quinn Unlisted"]) expect(data.text).not.toContain(absent);

    const byName = await visitor.get(`/a/${slug}/registry?search=zoe`);
    expect(byName.text).toContain("Zoe Listed");
    expect(byName.text).not.toContain("Ana Listed");
    expect(byName.text).toContain('value="zoe"');
    const byNumber = await visitor.get(`/a/${slug}/registry?search=${ana.credential.number.toLowerCase()}`);
    expect(byNumber.text).toContain("Ana Listed");
    expect(byNumber.text).not.toContain("Zoe Listed");
    expect((await visitor.get(`/a/${slug}/registry?search=%25`)).text).toContain("Nothing matches these filters.");

    // Withdrawn from My credentials: gone at the next visit.
    await listed(zoe, []);
    expect((await visitor.get(`/a/${slug}/registry`)).text).not.toContain("Zoe Listed");

    const spanish = await visitor.get(`/a/${slug}/registry`, { "accept-language": "es" });
    expect(spanish.text).toContain("profesionales con aval");
    expect(spanish.text).toContain("Especialista Familiar de la Infancia");
    expect((await visitor.get(`/a/${slug}`)).text).toContain(`href="/a/${slug}/registry"`);
    expect((await visitor.get("/a/no-such-association/registry")).status).toBe(404);
  });

  it("serves its first page from the cache until a credential of the association changes, and never a lookup", async () => {
    const kim = await buildCredential(app, { name: "Kim Kept" });
    const { associationId } = kim;
    const slug = (await findAssociationById(app.services.db, associationId))!.slug;
    const other = await buildCredential(app, { name: "Olu Other", associationId });
    const elsewhere = await buildCredential(app, { name: "Elio Elsewhere" });
    await listed(kim);
    const path = `/a/${slug}/registry`;
    await untilKept(app, path, kim.user);

    await renameBehindTheCommands(app, kim.user.id, "Kim Renamed Quietly");
    expect((await visitorSees(app.url, path)).text).toContain("Kim Kept");
    // A lookup has a query: rendered each time.
    expect((await visitorSees(app.url, `${path}?search=kim`)).text).toContain("Kim Renamed Quietly");
    // Another association's change leaves it.
    await listed(elsewhere);
    expect((await visitorSees(app.url, path)).text).toContain("Kim Kept");

    // Another holder of the association lists themselves: the page goes, and the next one is current.
    await listed(other);
    const after = (await visitorSees(app.url, path)).text;
    expect(after).toContain("Olu Other");
    expect(after).toContain("Kim Renamed Quietly");
  });

  it("is offered on My credentials, unticked until the holder chooses it", async () => {
    const holder = await buildCredential(app, { name: "Tess Ticks" });
    const client = await app.clientAs(holder.user.id);
    const box = async () => (await client.get("/credentials")).text.match(new RegExp(`<input[^>]*id="publish-${holder.credential.id}-registry"[^>]*>`))?.[0];
    expect(await box()).toBeDefined();
    expect(await box()).not.toContain("checked");
    expect((await client.get("/credentials")).text).toContain("List me in the public registry of");
    await listed(holder);
    expect(await box()).toContain("checked");
  });
});
