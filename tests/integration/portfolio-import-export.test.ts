import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { buildUser, signIn } from "../setup/builders.ts";
import { startTestApp, type TestApp } from "../setup/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function person() {
  const user = await buildUser(app.services.db, { name: "Lupe Ortega" });
  const client = await app.client();
  await signIn(app.services.db, client, user.id);
  return { user, client };
}

const example = readFileSync("examples/ifs-portfolio.json", "utf8");

describe("portfolio import and export", () => {
  it("imports a portable portfolio, and exports it back as the same entries", async () => {
    const { user, client } = await person();
    const page = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: example } });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Added 9 entries.");
    const { portfolio } = await findPortfolio(app.services.db, user.id);
    expect(portfolio.training.map((entry) => entry.id)).toEqual(["t1", "t2"]);

    const again = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: example } });
    expect(again.text).toContain("Added 0 entries.");
    expect(again.text).toContain("9 entries were already in your portfolio.");

    const exported = await client.get("/portfolio/export");
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="cradle-portfolio-\d{4}-\d{2}-\d{2}\.json"$/);
    const file = JSON.parse(exported.text);
    expect(file.person).toEqual({ name: "Lupe Ortega", email: user.email });
    expect(file.reflectiveSupervision).toEqual(portfolio.reflectiveSupervision);
  });

  it("adds the good entries of a file, and says which were left out and why", async () => {
    const { user, client } = await person();
    const file = JSON.stringify({
      training: [
        { id: "ok", title: "Good course", date: "2024-01-10", clockHours: 3 },
        { id: "bad", title: "Bad date", date: "10/01/2024", clockHours: 3 },
      ],
      work: [{ start: "2020-01-01", kind: "astronaut" }],
    });
    const page = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: file } });
    expect(page.text).toContain("Added 1 entries.");
    expect(page.text).toContain("training.1.date: must be a date written YYYY-MM-DD");
    expect(page.text).toContain("work.0.kind");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training.map((entry) => entry.id)).toEqual(["ok"]);
  });

  it("imports a provider's training CSV, in Spanish column names too", async () => {
    const { user, client } = await person();
    const csv = '\uFEFFCurso;Fecha;Horas;Proveedor;Temas\n"Apego; vínculo y cultura";2024-05-02;6,5;Centro;dei\nSin fecha;;2;Centro;\n';
    const page = await client.postFiles("/portfolio/import", { kind: "csv" }, { file: { name: "t.csv", type: "text/csv", content: csv } });
    expect(page.text).toContain("Added 1 entries.");
    expect(page.text).toContain("line 3.date");
    const { portfolio } = await findPortfolio(app.services.db, user.id);
    expect(portfolio.training).toMatchObject([{ title: "Apego; vínculo y cultura", date: "2024-05-02", clockHours: 6.5, provider: "Centro", topics: ["dei"] }]);
  });

  it("says what is wrong with a file it cannot read", async () => {
    const { client } = await person();
    const notJson = await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: "{ nope" } });
    expect(notJson.text).toContain("file: not valid JSON");
    const csv = await client.postFiles("/portfolio/import", { kind: "csv" }, { file: { name: "t.csv", type: "text/csv", content: "a,b\n1,2\n" } });
    expect(csv.text).toContain("The CSV has no title, date, clockHours column");
    const none = await client.postFiles("/portfolio/import", { kind: "csv" }, {});
    expect(none.status).toBe(400);
    expect(none.text).toContain("Choose a file.");
  });
});
