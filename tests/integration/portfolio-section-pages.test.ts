import { afterAll, describe, expect, it } from "vitest";
import { findPortfolioForUpdate, writePortfolio } from "../../src/data/portfolios.ts";
import { storedPortfolioSchema } from "../../src/domain/portfolio-schema.ts";
import { entriesPreviewed } from "../../src/queries/portfolio.ts";
import { listPageSize } from "../../src/queries/list-page.ts";
import { buildAssociation, buildMember } from "../setup/builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

const trainingCount = listPageSize + 7;
/** Training entries added in order "Course 0" first: the newest is the last one. */
const longPortfolio = storedPortfolioSchema.parse({
  training: Array.from({ length: trainingCount }, (_, i) => ({ id: `t${i}`, title: `Course ${i}.`, date: "2025-03-01", clockHours: 2, domains: [] })),
  reading: [{ id: "r0", date: "2025-03-01", hours: 2, topics: [] }],
});

async function personWithLongPortfolio() {
  const association = await buildAssociation(app.services.db);
  const user = await buildMember(app.services.db, association.id, "member");
  await findPortfolioForUpdate(app.services.db, user.id);
  await writePortfolio(app.services.db, user.id, longPortfolio, new Date());
  return app.clientAs(user.id);
}

/** The courses a page lists, in order (each entry's line is also in its buttons' names: counted once). */
const coursesIn = (html: string) => [...new Set([...html.matchAll(/Course (\d+)\./g)].map((match) => Number(match[1])))];

describe("a long portfolio section", () => {
  it("shows its newest entries on the whole portfolio, with a link to all of them", async () => {
    const client = await personWithLongPortfolio();
    const page = (await client.get("/portfolio")).text;
    const newest = Array.from({ length: entriesPreviewed }, (_, i) => trainingCount - 1 - i);
    expect(new Set(coursesIn(page))).toEqual(new Set(newest));
    expect(coursesIn(page)[0]).toBe(trainingCount - 1);
    expect(page).toContain(`See all ${trainingCount} entries of Training`);
    expect(page).toContain('href="/portfolio?show=training"');
    // A short section shows everything it has, with no link.
    expect(page).not.toContain("entries of Reading");
  });

  it("has a page of its own that shows every entry a page at a time, newest first, and only that section", async () => {
    const client = await personWithLongPortfolio();
    const first = await client.get("/portfolio?show=training");
    expect(first.status).toBe(200);
    expect(first.text).toContain(`Showing 1–${listPageSize} of ${trainingCount}`);
    expect(first.text).not.toContain('id="heading-reading"');
    expect(first.text).toContain("Back to the whole portfolio");
    const next = /<a[^>]*href="([^"]*after=[^"]*)"[^>]*>Next page/.exec(first.text)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toBeDefined();
    const second = (await client.get(next!)).text;
    expect(second).toContain(`Showing ${listPageSize + 1}–${trainingCount} of ${trainingCount}`);
    const seen = [...coursesIn(first.text), ...coursesIn(second)];
    expect(seen).toEqual(Array.from({ length: trainingCount }, (_, i) => trainingCount - 1 - i));
    const last = (await client.get("/portfolio?show=training&page=last")).text;
    expect(coursesIn(last)).toEqual(coursesIn(second));
  });

  it("shows the whole portfolio for a section it does not know, and the first page for an entry no longer there", async () => {
    const client = await personWithLongPortfolio();
    const unknown = await client.get("/portfolio?show=nonsense");
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('id="heading-reading"');
    const gone = await client.get("/portfolio?show=training&after=deleted-entry");
    expect(gone.status).toBe(200);
    expect(gone.text).toContain("Cradle does not recognise");
    expect(coursesIn(gone.text)[0]).toBe(trainingCount - 1);
  });

  it("is in Spanish for a person who reads Spanish", async () => {
    const client = await personWithLongPortfolio();
    await client.post("/language", { locale: "es", redirectTo: "/portfolio" });
    const page = (await client.get("/portfolio")).text;
    expect(page).toContain(`Ver las ${trainingCount} entradas de`);
  });
});
