import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/define-command.ts";
import { enrolCandidate } from "../../src/commands/enrol-candidate.ts";
import { submitApplication } from "../../src/commands/submit-application.ts";
import { findCandidacy } from "../../src/data/candidacies.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { sendCandidacyReminders } from "../../src/jobs/candidacy-reminders.ts";
import { buildApplicant, buildAssociationOf, buildDraftApplication, commandsOf } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

// 9 pm on 1 December in California is 5 am on 2 December in UTC.
const californiaEvening = () => new Date("2026-12-02T05:00:00Z");

describe("today is the association's day, not UTC's", () => {
  it("signs the code of ethics on the association's date", async () => {
    const association = await buildAssociationOf(app, "alliance-iecmh-e", { timeZone: "America/Los_Angeles" });
    const draft = await buildDraftApplication(app, { associationId: association.id });
    const result = await runCommand(commandsOf(app, californiaEvening), submitApplication, draft.actor, {
      applicationId: draft.applicationId,
      attests: true,
      signsEthics: true,
    });
    expect(result.ok).toBe(true);
    const { portfolio } = await findPortfolio(app.services.db, draft.user.id);
    expect(portfolio.attestations.codeOfEthicsSigned).toBe("2026-12-01");
  });

  it("counts candidate status and its reminders from the association's date", async () => {
    const association = await buildAssociationOf(app, "california-ifecmh", { timeZone: "America/Los_Angeles" });
    const applicant = await buildApplicant(app, { associationId: association.id });
    const enrolled = await runCommand(commandsOf(app, californiaEvening), enrolCandidate, applicant.actor, {
      associationId: association.id,
      frameworkId: "california-ifecmh",
      categoryId: "mhs",
    });
    if (!enrolled.ok) expect.fail(JSON.stringify(enrolled.errors));
    const candidacy = await findCandidacy(app.services.db, enrolled.value.candidacyId);
    expect(candidacy?.expires_at.toISOString().slice(0, 10)).toBe("2031-12-01");

    const reminders = async () =>
      (await app.services.db.selectFrom("outbox").select("id").where("user_id", "=", applicant.user.id).where("kind", "=", "candidacy-reminder").execute())
        .length;
    // A year before the end, in California: 2030-12-01 at 9 pm there is already 2 December in UTC.
    await sendCandidacyReminders(commandsOf(app, () => new Date("2030-12-01T07:59:00Z")));
    expect(await reminders()).toBe(0);
    await sendCandidacyReminders(commandsOf(app, () => new Date("2030-12-01T08:01:00Z")));
    expect(await reminders()).toBe(1);
  });
});
