import { afterAll, describe, expect, it } from "vitest";
import { buildUser } from "../setup/builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

describe("a fresh installation says who should act, and the home page gives each visitor a first step", () => {
  it("tells a visitor that whoever installed Cradle creates the first association, and offers sign-up", async () => {
    const page = (await (await app.client()).get("/")).text;
    expect(page).toContain("No association uses this installation yet. Whoever installed Cradle creates the first one");
    expect(page).toMatch(/<a[^>]+href="\/signup"[^>]*>Create your account<\/a>/);
    expect(page).toMatch(/<a[^>]+href="\/login"[^>]*>Log in<\/a>/);
  });

  it("sends the owner to create it", async () => {
    const owner = await buildUser(app.services.db, { isOwner: true });
    const page = (await (await app.clientAs(owner.id)).get("/")).text;
    expect(page).toContain("No association yet: create the first one under Associations");
    expect(page).toMatch(/<a[^>]+href="\/owner\/associations"[^>]*>Associations<\/a>/);
  });

  it("sends a signed-in person to their portfolio and progress", async () => {
    const person = await buildUser(app.services.db);
    const page = (await (await app.clientAs(person.id)).get("/")).text;
    expect(page).toMatch(/<a[^>]+href="\/portfolio"[^>]*>Go to my portfolio<\/a>/);
    expect(page).not.toContain("Create your account");
  });

  it("speaks Spanish", async () => {
    const client = await app.client();
    await client.post("/language", { locale: "es", redirectTo: "/" });
    const page = (await client.get("/")).text;
    expect(page).toContain("Ninguna asociación usa todavía esta instalación.");
    expect(page).toContain("Crear su cuenta");
  });
});
