import { z } from "zod";
import { updateApplicationStatus } from "../data/applications.ts";
import { findAssociationById } from "../data/associations.ts";
import { noticeMail } from "../mail/templates.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { findCategory } from "./shared/find-category.ts";
import { freezeFile } from "./shared/freeze-file.ts";
import { assertApplicationTransition, assertOwnApplication } from "./guards/lock-application.ts";

/**
 * Submits: signs the code of ethics, freezes the portfolio and the engine's report as they are
 * now (later edits do not change what is reviewed), and tells the applicant and the association;
 * all in one transaction, so a crash leaves a draft or a whole submission.
 */
export const submitApplication = defineCommand({
  name: "application.submitted",
  actors: ["person"],
  input: z.object({ applicationId: z.string(), attests: z.boolean(), signsEthics: z.boolean() }),
  async run({ tx, actor, input, now, today, context, notify, mail }) {
    if (!input.attests || !input.signsEthics)
      refuse({ ...(input.attests ? {} : { attest: "application.tickAttest" }), ...(input.signsEthics ? {} : { ethics: "application.tickEthics" }) });
    const application = await assertOwnApplication(tx, actor, input.applicationId);
    const move = assertApplicationTransition(application, "submitted", { form: "application.notDraft" });
    const { framework, category } = findCategory(context, application.framework_id, application.category_id);
    const association = (await findAssociationById(tx, application.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const report = await freezeFile(tx, {
      userId: actor.userId,
      applicationId: application.id,
      version: application.file_version,
      framework,
      category,
      signedOn: today(association.time_zone),
      now,
    });
    await updateApplicationStatus(tx, application.id, "submitted", now, { attested_at: now, submitted_at: now });
    const submitted = { key: "notice.applicationSubmitted", values: { category: category.name, association: association.name } } as const;
    const person = await notify(actor.userId, "application-submitted", submitted, `/applications/${application.id}`);
    const what = { key: "notice.applicationReceived", values: { applicant: person?.name ?? "", category: category.name } } as const;
    await mail({
      kind: "application-received",
      userId: null,
      to: association.contact_email,
      ...noticeMail(association.locale, association.name, what, `${context.baseUrl}/a/${association.slug}`),
    });
    return done(
      { type: "application", id: application.id, associationId: application.association_id },
      { status: "submitted" as const },
      { ...move, category: category.id, engineStatus: report.status },
    );
  },
});
