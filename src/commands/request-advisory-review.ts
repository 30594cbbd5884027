import { z } from "zod";
import { insertAdvisoryReview } from "../data/advisory-reviews.ts";
import { listFrameworkIdsOfAssociation } from "../data/association-frameworks.ts";
import { findAssociationById } from "../data/associations.ts";
import { noticeMail } from "../mail/templates.ts";
import { hasRole } from "../policies/actor.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { findCategory } from "./shared/find-category.ts";

/**
 * A member asks their association for an advisory review of the portfolio before applying (EASy's
 * "advisory review"): one open request per association at a time; the association is told by mail.
 */
export const requestAdvisoryReview = defineCommand({
  name: "advisory.requested",
  actors: ["person"],
  input: z.object({ associationId: z.uuid(), frameworkId: z.string(), categoryId: z.string(), question: z.string().max(2000) }),
  policy: (actor, input) => hasRole(actor, input.associationId, "member"),
  async run({ tx, actor, input, context, mail }) {
    const { category } = findCategory(context, input.frameworkId, input.categoryId);
    const association = await findAssociationById(tx, input.associationId);
    if (!association || !(await listFrameworkIdsOfAssociation(tx, association.id)).includes(input.frameworkId)) refuse({ form: "portfolio.notFound" });
    const id = await insertAdvisoryReview(tx, {
      associationId: association.id,
      applicantUserId: actor.userId,
      frameworkId: input.frameworkId,
      categoryId: category.id,
      question: input.question,
    });
    if (!id) refuse({ choice: "advisory.alreadyOpen" });
    const what = { key: "notice.advisoryRequested", values: { category: category.name } } as const;
    await mail({
      kind: "advisory-requested",
      userId: null,
      to: association.contact_email,
      ...noticeMail(association.locale, association.name, what, `${context.baseUrl}/a/${association.slug}/advisory`),
    });
    return done({ type: "advisory-review", id, associationId: association.id }, { advisoryReviewId: id }, { category: category.id });
  },
});
