import { z } from "zod";
import { findAssociationById } from "../data/associations.ts";
import { approveReinstatement as markApproved, findReinstatementOfAssociationForUpdate } from "../data/credential-reinstatements.ts";
import { changeCredentialStatus, setRenewalDue } from "../data/credentials.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { findRenewalCycle } from "../data/renewal-cycles.ts";
import { newRatingsReport, reinstatedDueDate } from "../domain/renewal-decision.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertStaffCredential } from "./guards/lock-credential.ts";
import { findCategory } from "./shared/find-category.ts";

/**
 * Staff approve a reinstatement once three ratings completed since the request count: the credential is
 * active again with the same number and history, due at the cycle's next due date, and the holder is told.
 */
export const approveReinstatement = defineCommand({
  name: "credential.reinstatement-approved",
  actors: ["person"],
  input: z.object({ associationId: z.string(), reinstatementId: z.string() }),
  async run({ tx, actor, input, now, today, context, notify }) {
    const request = (await findReinstatementOfAssociationForUpdate(tx, input.reinstatementId, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    const credential = await assertStaffCredential(tx, actor, request.credential_id, input.associationId);
    if (request.status !== "requested" || credential.status !== "removed") refuse({ form: "reinstatement.notOpen" });
    const association = (await findAssociationById(tx, credential.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const { framework, category } = findCategory(context, credential.framework_id, credential.category_id);
    const day = today(association.time_zone);
    const ratings = newRatingsReport(framework, category, (await findPortfolio(tx, credential.user_id)).portfolio, request.requested_on, day);
    if (ratings.status !== "met") refuse({ form: "reinstatement.ratingsShort" });
    const due = reinstatedDueDate(await findRenewalCycle(tx, association.id), day);
    await markApproved(tx, request.id, actor.userId, now);
    await changeCredentialStatus(tx, {
      credentialId: credential.id,
      from: "removed",
      to: "active",
      effectiveOn: day,
      changedBy: actor.userId,
      reason: "reinstatement",
      now,
    });
    await setRenewalDue(tx, credential.id, due, now);
    const what = { key: "notice.reinstated", values: { category: category.name, number: credential.number, due } } as const;
    await notify(credential.user_id, "credential-reinstated", what, "/credentials", association.locale);
    return done(
      { type: "credential", id: credential.id, associationId: association.id },
      { renewalDue: due },
      {
        reinstatementId: request.id,
        number: credential.number,
        from: "removed",
        to: "active",
        renewalDue: due,
      },
    );
  },
});
