import { z } from "zod";
import { findAssociationById } from "../data/associations.ts";
import { insertCandidacy } from "../data/candidacies.ts";
import { addMonths, toDay, toIso } from "../domain/dates.ts";
import { hasRole } from "../policies/actor.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { findCategory } from "./shared/find-category.ts";

/** A member enrols as a candidate for a category that offers it: valid for the category's years from today (the association's day), with its fee. */
export const enrolCandidate = defineCommand({
  name: "candidacy.enrolled",
  actors: ["person"],
  input: z.object({ associationId: z.uuid(), frameworkId: z.string(), categoryId: z.string() }),
  policy: (actor, input) => hasRole(actor, input.associationId, "member"),
  async run({ tx, actor, input, now, today, context, notify }) {
    const { category } = findCategory(context, input.frameworkId, input.categoryId);
    const years = category.candidateStatusYears;
    if (!years) refuse({ form: "candidacy.notOffered" });
    const association = (await findAssociationById(tx, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    const until = toIso(addMonths(toDay(today(association.time_zone)), years * 12));
    const inserted = await insertCandidacy(tx, {
      userId: actor.userId,
      associationId: association.id,
      frameworkId: input.frameworkId,
      categoryId: category.id,
      enrolledAt: now,
      expiresAt: new Date(`${until}T00:00:00Z`),
      feeCents: association.candidate_fee_cents,
    });
    if (!inserted) refuse({ form: "candidacy.already" });
    const what = { key: "notice.candidacyEnrolled", values: { category: category.name, until } } as const;
    await notify(actor.userId, "candidacy-enrolled", what, "/applications");
    return done({ type: "candidacy", id: inserted.id, associationId: association.id }, { candidacyId: inserted.id }, { category: category.id, expires: until });
  },
});
