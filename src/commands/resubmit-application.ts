import { z } from "zod";
import { listLiveReviewerIds, updateApplicationStatus } from "../data/applications.ts";
import { findAssociationById } from "../data/associations.ts";
import { noticeMail } from "../mail/templates.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { findCategory } from "./shared/find-category.ts";
import { freezeFile } from "./shared/freeze-file.ts";
import { assertApplicationTransition, assertOwnApplication } from "./guards/lock-application.ts";

/**
 * The applicant resubmits a deferred (or emerging) application after amending their portfolio: the
 * next version of the file is frozen (every earlier version stays as it was), and the application is
 * submitted again. The reviewers keep their assignment and are told, so the review goes on at once
 * (submitted, then in review, as the lifecycle says); without one it waits for staff to assign.
 */
export const resubmitApplication = defineCommand({
  name: "application.resubmitted",
  actors: ["person"],
  input: z.object({ applicationId: z.string() }),
  async run({ tx, actor, input, now, today, context, notify, mail }) {
    const application = await assertOwnApplication(tx, actor, input.applicationId);
    if (application.status !== "deferred" && application.status !== "emerging") refuse({ form: "application.notResubmittable" });
    const submitted = assertApplicationTransition(application, "submitted", { form: "application.notResubmittable" });
    const { framework, category } = findCategory(context, application.framework_id, application.category_id);
    const association = (await findAssociationById(tx, application.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const version = application.file_version + 1;
    const report = await freezeFile(tx, {
      userId: actor.userId,
      applicationId: application.id,
      version,
      framework,
      category,
      signedOn: today(association.time_zone),
      now,
    });
    const reviewers = await listLiveReviewerIds(tx, application.id);
    const to = reviewers.length > 0 ? assertApplicationTransition({ status: "submitted" }, "in-review").to : submitted.to;
    await updateApplicationStatus(tx, application.id, to, now, { submitted_at: now, file_version: version });
    const filePath = `/a/${association.slug}/applications/${application.id}`;
    for (const reviewerId of reviewers)
      await notify(reviewerId, "application-resubmitted", { key: "notice.applicationResubmitted", values: { version } }, filePath, association.locale);
    const values = { category: category.name, association: association.name };
    const person = await notify(actor.userId, "application-submitted", { key: "notice.applicationSubmitted", values }, `/applications/${application.id}`);
    // The association hears of it as of a submission: without a reviewer still assigned, staff assign one.
    const what = { key: "notice.applicationReceived", values: { applicant: person?.name ?? "", category: category.name } } as const;
    await mail({
      kind: "application-received",
      userId: null,
      to: association.contact_email,
      ...noticeMail(association.locale, association.name, what, `${context.baseUrl}${filePath}`),
    });
    return done(
      { type: "application", id: application.id, associationId: application.association_id },
      { version, status: to },
      { from: application.status, to, version, engineStatus: report.status },
    );
  },
});
