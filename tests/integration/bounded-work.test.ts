import { afterAll, afterEach, describe, expect, it } from "vitest";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { buildUser } from "../setup/builders.ts";
import { slowestHealthAnswerWhile } from "../setup/health-probe.ts";
import type { HttpClient } from "../setup/http-client.ts";
import { destroyOpenRawRequests } from "../setup/raw-http.ts";
import { startTestApp } from "../setup/test-app.ts";

/**
 * One request must not stop the server (issue 15, items 1-4): each bad request is answered with a
 * 400 and a message, while /healthz, asked meanwhile, still answers within a second.
 */
const app = await startTestApp();
afterEach(destroyOpenRawRequests);
afterAll(() => app.close());

const withinASecond = 1000;

async function person(locale?: "en" | "es") {
  const user = await buildUser(app.services.db, locale ? { locale } : {});
  return { user, client: await app.clientAs(user.id) };
}

function trainings(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) => ({ id: `t${from + i}`, title: `Course ${from + i}`, date: "2024-01-10", clockHours: 2 }));
}

function readings(count: number) {
  return Array.from({ length: count }, (_, i) => ({ id: `r${i}`, title: `Book ${i}`, date: "2024-01-10", hours: 1 }));
}

function importFile(client: HttpClient, content: string | Uint8Array<ArrayBuffer>, kind: "json" | "csv" = "json", headers: Record<string, string> = {}) {
  const body = new FormData();
  body.set("csrf", client.csrfToken);
  body.set("kind", kind);
  body.set("file", new File([content], kind === "json" ? "p.json" : "t.csv", { type: kind === "json" ? "application/json" : "text/csv" }));
  return client.request("POST", "/portfolio/import", body, headers);
}

async function draftKeysOf(userId: string) {
  const rows = await app.services.db.selectFrom("form_drafts").select(["form_key", "fields"]).where("user_id", "=", userId).execute();
  return rows.map((row) => row.form_key).sort();
}

describe("importing many entries", () => {
  it("imports 2,000 entries of a list while /healthz answers within a second, and skips them when imported again", async () => {
    const { user, client } = await person();
    const file = JSON.stringify({ training: trainings(2000), reading: readings(500) });
    const { result: page, slowestMs } = await slowestHealthAnswerWhile(app.url, importFile(client, file));
    expect(page.status).toBe(200);
    expect(page.text).toContain("Added 2,500 entries.");
    expect(slowestMs).toBeLessThan(withinASecond);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toHaveLength(2000);

    const { result: again, slowestMs: slowestAgain } = await slowestHealthAnswerWhile(app.url, importFile(client, file));
    expect(again.text).toContain("No entries were added.");
    expect(again.text).toContain("2,500 entries were already in your portfolio.");
    expect(slowestAgain).toBeLessThan(withinASecond);
  });

  it("refuses a file with more than 2,000 entries in a list, naming each list over, in English and in Spanish", async () => {
    const { user, client } = await person();
    const file = JSON.stringify({
      training: trainings(4000),
      work: [],
      reading: readings(2001),
    });
    const { result: page, slowestMs } = await slowestHealthAnswerWhile(app.url, importFile(client, file));
    expect(page.status).toBe(400);
    expect(page.text).toContain("At most 2,000 entries can be in each list of a portfolio. Too many in: training (4,000), reading (2,001).");
    expect(slowestMs).toBeLessThan(withinASecond);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toEqual([]);

    const spanish = await person("es");
    const enEspañol = await importFile(spanish.client, file);
    expect(enEspañol.status).toBe(400);
    expect(enEspañol.text).toContain("Cada lista de un portafolio admite como máximo 2,000 entradas. Hay demasiadas en: training (4,000), reading (2,001).");
  });

  it("refuses to grow a full list, by import or by the entry form", async () => {
    const { user, client } = await person();
    expect((await importFile(client, JSON.stringify({ training: trainings(2000) }))).status).toBe(200);
    const oneMore = await importFile(client, JSON.stringify({ training: trainings(1, 5000) }));
    expect(oneMore.status).toBe(400);
    expect(oneMore.text).toContain("Too many in: training (2,001).");
    const form = await client.post("/portfolio/training/new", { intent: "save", title: "One more", date: "2024-02-01", clockHours: "1" });
    expect(form.status).toBe(400);
    expect(form.text).toContain("This list already has 2,000 entries, the most a list can hold. Delete some before adding more.");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toHaveLength(2000);
  });
});

describe("forms with many fields", () => {
  const manyFields = (count: number) => Array.from({ length: count }, () => "a").join("&");

  it("answers a post of 50,000 fields with 400 before parsing it, while /healthz answers within a second", async () => {
    const browser = await app.client();
    const body = `csrf=${browser.csrfToken}&email=a%40example.org&password=x&${manyFields(50_000)}`;
    const post = browser.request("POST", "/login", body, { "content-type": "application/x-www-form-urlencoded" });
    const { result: page, slowestMs } = await slowestHealthAnswerWhile(app.url, post);
    expect(page.status).toBe(400);
    expect(page.text).toContain("This form has too many fields: at most 400 can be sent.");
    expect(slowestMs).toBeLessThan(withinASecond);

    const spanish = await browser.request("POST", "/login.data", body, { "content-type": "application/x-www-form-urlencoded", "accept-language": "es" });
    expect(spanish.status).toBe(400);
    expect(spanish.text).toContain("Este formulario tiene demasiados campos: se pueden enviar como máximo 400.");
  });

  it("counts the parts of a multipart form too, also on an upload route", async () => {
    const { client } = await person();
    const parts = new FormData();
    parts.set("csrf", client.csrfToken);
    for (let i = 0; i < 5000; i++) parts.append("a", "");
    const { result: page, slowestMs } = await slowestHealthAnswerWhile(app.url, client.request("POST", "/portfolio/statement", parts));
    expect(page.status).toBe(400);
    expect(page.text).toContain("This form has too many fields");
    expect(slowestMs).toBeLessThan(withinASecond);

    parts.set("file", new File(["{}"], "p.json", { type: "application/json" }));
    const upload = await client.request("POST", "/portfolio/import", parts);
    expect(upload.status).toBe(400);
    expect(upload.text).toContain("This form has too many fields");
  });

  it("takes a form of 400 fields as before", async () => {
    const { client } = await person();
    const fields = `csrf=${client.csrfToken}&intent=autosave&text=kept&${manyFields(397)}`;
    const page = await client.request("POST", "/portfolio/statement", fields, { "content-type": "application/x-www-form-urlencoded" });
    expect(page.status).toBe(200);
  });
});

describe("drafts", () => {
  it("keeps drafts only for entries that exist, or a new one, in known sections", async () => {
    const { user, client } = await person();
    const unknownEntry = await client.post("/portfolio/training/made-up-id", { intent: "autosave", title: "x" });
    expect(unknownEntry.status).toBe(404);
    const unknownSection = await client.post("/portfolio/nonsense/new", { intent: "autosave", title: "x" });
    expect(unknownSection.status).toBe(404);
    const newOne = await client.post("/portfolio/training/new", { intent: "autosave", title: "x" });
    expect(newOne.status).toBe(200);
    expect(await draftKeysOf(user.id)).toEqual(["portfolio:training:new"]);
  });

  it("refuses a draft over 64 KB, with a message, while /healthz answers within a second", async () => {
    const { user, client } = await person();
    const post = client.post("/portfolio/training/new", { intent: "autosave", title: "x".repeat(70 * 1024) });
    const { result: page, slowestMs } = await slowestHealthAnswerWhile(app.url, post);
    expect(page.status).toBe(400);
    expect(page.text).toContain("This form holds too much text to keep as a draft (at most 64 KB).");
    expect(slowestMs).toBeLessThan(withinASecond);
    const statement = await client.post("/portfolio/statement", { intent: "autosave", text: "x".repeat(70 * 1024) });
    expect(statement.status).toBe(400);
    expect(await draftKeysOf(user.id)).toEqual([]);
  });

  it("keeps at most 50 drafts a person, dropping the oldest", async () => {
    const { user, client } = await person();
    expect((await importFile(client, JSON.stringify({ training: trainings(60) }))).status).toBe(200);
    for (let i = 0; i < 60; i++) expect((await client.post(`/portfolio/training/t${i}`, { intent: "autosave", title: `Draft ${i}` })).status).toBe(200);
    const keys = await draftKeysOf(user.id);
    expect(keys).toHaveLength(50);
    expect(keys).not.toContain("portfolio:training:t9");
    expect(keys).toContain("portfolio:training:t10");
    expect(keys).toContain("portfolio:training:t59");
  });
});

describe("NUL bytes and lone surrogates", () => {
  it("answers a NUL in a form field with 400 and a message, in English and Spanish, while /healthz answers", async () => {
    const browser = await app.client();
    const post = browser.post("/login", { email: "someone\u0000@example.org", password: "whatever-password" });
    const { result: page, slowestMs } = await slowestHealthAnswerWhile(app.url, post);
    expect(page.status).toBe(400);
    expect(page.text).toContain("Some of what was sent contains characters that cannot be kept (a NUL character or a broken one).");
    expect(slowestMs).toBeLessThan(withinASecond);
    const { client } = await person("es");
    const statement = await client.post("/portfolio/statement", { intent: "save", text: "hola\u0000" });
    expect(statement.status).toBe(400);
    expect(statement.text).toContain("Parte de lo enviado contiene caracteres que no se pueden guardar (un carácter NUL o uno roto).");
  });

  it("answers a NUL in the address or its query with 400", async () => {
    const browser = await app.client();
    for (const address of ["/a/%00", "/a/x%00y", "/reset-password?token=%00", "/portfolio?saved=%00"]) {
      const page = await browser.get(address);
      expect(page.status, address).toBe(400);
      expect(page.text, address).toContain("This address contains a NUL character (%00), which is not allowed.");
    }
  });

  it("answers a NUL or a lone surrogate in an imported JSON file, or a NUL in a CSV, with 400 and a message", async () => {
    const { user, client } = await person();
    const files = [
      '{"training":[{"title":"A\\u0000B","date":"2024-01-10","clockHours":2}]}',
      '{"training":[{"title":"A\\ud800B","date":"2024-01-10","clockHours":2}]}',
      '{"training":[{"title":"A","date":"2024-01-10","clockHours":2,"\\udc00":1}]}',
    ];
    for (const file of files) {
      const { result: page, slowestMs } = await slowestHealthAnswerWhile(app.url, importFile(client, file));
      expect(page.status, file).toBe(400);
      expect(page.text, file).toContain("The file contains characters that cannot be kept (a NUL character or a broken one)");
      expect(slowestMs).toBeLessThan(withinASecond);
    }
    const csv = await importFile(client, "title,date,hours\nA\u0000B,2024-01-10,2\n", "csv");
    expect(csv.status).toBe(400);
    expect(csv.text).toContain("The file contains characters that cannot be kept");
    const utf16 = await importFile(client, Uint8Array.from(Buffer.from("\uFEFFtitle,date,hours\nA\u0000B,2024-01-10,2\n", "utf16le")), "csv", {
      "accept-language": "es",
    });
    expect(utf16.status).toBe(400);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toEqual([]);
  });
});
