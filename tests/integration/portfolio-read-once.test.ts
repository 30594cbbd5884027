import { afterAll, describe, expect, it } from "vitest";
import { findPortfolio, findPortfolioForUpdate, writePortfolio } from "../../src/data/portfolios.ts";
import { judgedOnce } from "../../src/domain/judged-once.ts";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";
import { generatePortfolio } from "../../bench/generate-portfolios.ts";
import { buildUser } from "../setup/builders.ts";
import { createTestDatabase } from "../setup/test-database.ts";

const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;
const [framework] = loadFrameworks();

async function personWithPortfolio(seed: number) {
  const user = await buildUser(db);
  await findPortfolioForUpdate(db, user.id);
  await writePortfolio(db, user.id, generatePortfolio(seed), new Date());
  return user.id;
}

describe("a portfolio read by pages", () => {
  it("is checked once per stored version: a second read of the same version is the same frozen object", async () => {
    const userId = await personWithPortfolio(1);
    const first = await findPortfolio(db, userId);
    const second = await findPortfolio(db, userId);
    expect(second.portfolio).toBe(first.portfolio);
    expect(second.version).toBe(first.version);
    expect(Object.isFrozen(first.portfolio.training[0])).toBe(true);
    expect(() => (first.portfolio.training as unknown[]).push({})).toThrow(TypeError);
  });

  it("is read again as soon as any writer stores a new version", async () => {
    const userId = await personWithPortfolio(2);
    const before = await findPortfolio(db, userId);
    await writePortfolio(db, userId, generatePortfolio(3), new Date());
    const after = await findPortfolio(db, userId);
    expect(after.version).toBe(before.version + 1);
    expect(after.portfolio).toEqual(generatePortfolio(3));
    // A write that did not go through this module (another process, an operator's SQL) bumps the version too.
    await db
      .updateTable("portfolios")
      .set({ document: JSON.stringify(generatePortfolio(4)), version: after.version + 1 })
      .where("user_id", "=", userId)
      .execute();
    expect((await findPortfolio(db, userId)).portfolio).toEqual(generatePortfolio(4));
  });

  it("is a private, changeable copy inside a transaction", async () => {
    const userId = await personWithPortfolio(5);
    const shared = await findPortfolio(db, userId);
    const inTransaction = await db.transaction().execute((tx) => findPortfolio(tx, userId));
    expect(inTransaction.portfolio).not.toBe(shared.portfolio);
    expect(Object.isFrozen(inTransaction.portfolio)).toBe(false);
    expect(inTransaction.portfolio).toEqual(shared.portfolio);
  });

  it("is an empty portfolio for a person who has none yet", async () => {
    const user = await buildUser(db);
    expect(await findPortfolio(db, user.id)).toMatchObject({ version: 0, portfolio: { training: [] } });
  });
});

describe("the engine's answers about a stored version", () => {
  it("are worked out once for a shared portfolio, and agree with a fresh evaluation", async () => {
    const userId = await personWithPortfolio(6);
    const { portfolio } = await findPortfolio(db, userId);
    const category = framework!.categories[0]!;
    const first = judgedOnce(portfolio).evaluate(framework!, category, "2026-12-07");
    expect(judgedOnce(portfolio).evaluate(framework!, category, "2026-12-07")).toBe(first);
    expect(judgedOnce(portfolio).recommend(framework!, "2026-12-07")).toBe(judgedOnce(portfolio).recommend(framework!, "2026-12-07"));
    const copy = structuredClone(portfolio);
    expect(judgedOnce(copy).evaluate(framework!, category, "2026-12-07")).toEqual(first);
    // Another day is another question.
    expect(judgedOnce(portfolio).evaluate(framework!, category, "2027-12-07")).not.toBe(first);
  });

  it("are worked out afresh for a portfolio that can still change", () => {
    const portfolio = generatePortfolio(7);
    const category = framework!.categories[0]!;
    const first = judgedOnce(portfolio).evaluate(framework!, category, "2026-12-07");
    portfolio.training.length = 0;
    const after = judgedOnce(portfolio).evaluate(framework!, category, "2026-12-07");
    expect(after).not.toBe(first);
    expect(after.requirements.find((requirement) => requirement.kind === "training")?.status).not.toBe("met");
  });
});
