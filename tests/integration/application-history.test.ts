import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { findAssociationById } from "../../src/data/associations.ts";
import { buildMember } from "../setup/builders.ts";
import { buildApplicationInReview } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

/** An application in review whose applicant's name a spreadsheet would run as a formula. */
async function inReview() {
  const application = await buildApplicationInReview(app, { name: '=HYPERLINK("http://evil.example","Ana")' });
  const association = (await findAssociationById(app.services.db, application.associationId))!;
  return { ...application, association, filePath: `/a/${association.slug}/applications/${application.applicationId}` };
}

describe("an application's history and audit trail", () => {
  it("shows each status with who and when: the applicant sees 'you' and 'the association', staff see names, both see the versions of the file", async () => {
    const { applicationId, user, staff, filePath } = await inReview();
    const mine = await (await app.clientAs(user.id)).get(`/applications/${applicationId}`);
    expect(mine.text).toMatch(/UTC: Submitted, by you/);
    expect(mine.text).toMatch(/UTC: In review, by the association/);
    expect(mine.text).not.toContain(staff.user.name);
    expect(mine.text).toMatch(/Version 1, frozen [0-9-]+ [0-9:]+ UTC/);

    const staffPage = await (await app.clientAs(staff.user.id)).get(filePath);
    expect(staffPage.text).toContain(`In review, by ${staff.user.name}`);
    expect(staffPage.text).toContain("Download the audit trail (CSV)");
  });

  it("gives staff the trail as CSV, every entry with its actor, cells a spreadsheet would run made inert", async () => {
    const { staff, reviewer, filePath, applicationId } = await inReview();
    const answer = await (await app.clientAs(staff.user.id)).get(`${filePath}/audit.csv`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toContain(`cradle-application-${applicationId}-audit.csv`);
    const rows = parse<Record<string, string>>(answer.text, { columns: true });
    expect(rows.map((row) => row.action)).toEqual(["application.started", "application.submitted", "application.reviewer-assigned"]);
    expect(rows.map((row) => row.to)).toEqual(["draft", "submitted", "in-review"]);
    expect(rows[2]!.actor_name).toBe(staff.user.name);
    expect(rows[0]!.actor_name).toBe('\'=HYPERLINK("http://evil.example","Ana")');
    expect(JSON.parse(rows[2]!.details!)).toMatchObject({ reviewerUserId: reviewer.user.id });

    const reviewerAnswer = await (await app.clientAs(reviewer.user.id)).get(`${filePath}/audit.csv`);
    expect(reviewerAnswer.status).toBe(404);
    expect((await (await app.clientAs(reviewer.user.id)).get(filePath)).text).not.toContain("Download the audit trail");
  });

  it("hides the trail from staff of another association", async () => {
    const { filePath } = await inReview();
    const { association } = await inReview();
    const otherStaff = await buildMember(app.services.db, association.id, "staff");
    expect((await (await app.clientAs(otherStaff.id)).get(`${filePath}/audit.csv`)).status).toBe(404);
  });
});
