import { afterAll, describe, expect, it } from "vitest";
import { creditServiceHours } from "../../src/commands/shared/credit-service-hours.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { buildMember } from "../setup/builders.ts";
import { buildAllianceAssociation } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

const credit = (userId: string, service: Parameters<typeof creditServiceHours>[2]) =>
  app.services.db.transaction().execute((tx) => creditServiceHours(tx, userId, service, new Date()));

describe("service hours in the portfolio", () => {
  it("lists the hours Cradle recorded, newest first with the total, and never offers a form for them", async () => {
    const association = await buildAllianceAssociation(app);
    const reviewer = await buildMember(app.services.db, association.id, "reviewer");
    await credit(reviewer.id, { workId: "review-1", role: "application-reviewer", date: "2026-03-02", hours: 2 });
    await credit(reviewer.id, { workId: "exam-rating-1", role: "exam-reviewer", date: "2026-05-10", hours: 1.5 });
    // Recording the same work again replaces its hours.
    await credit(reviewer.id, { workId: "review-1", role: "application-reviewer", date: "2026-03-02", hours: 3 });

    const page = (await (await app.clientAs(reviewer.id)).get("/portfolio")).text;
    const service = page.slice(page.indexOf('id="service"'));
    expect(service).toContain("Service to the association");
    expect(service).toContain("4.5 hours in 2 pieces of work.");
    expect(service.indexOf("2026-05-10: exam rating, 1.5 h")).toBeLessThan(service.indexOf("2026-03-02: application review, 3 h"));
    expect(service).not.toContain("<form");
  });

  it("does not take service hours from an imported portfolio file", async () => {
    const association = await buildAllianceAssociation(app);
    const member = await buildMember(app.services.db, association.id, "member");
    const client = await app.clientAs(member.id);
    const file = JSON.stringify({ reviewerHours: [{ id: "forged", date: "2026-01-01", hours: 7, role: "application-reviewer" }] });
    await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: file } });
    expect((await findPortfolio(app.services.db, member.id)).portfolio.reviewerHours).toEqual([]);
    expect((await client.get("/portfolio")).text).not.toContain("Service to the association");
  });
});
