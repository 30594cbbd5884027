import { findApplicationOfUser, findSnapshot, pageApplicationsOfUser } from "../data/applications.ts";
import { findAssociationById } from "../data/associations.ts";
import { listCandidaciesOfUser } from "../data/candidacies.ts";
import { findJudgedPortfolio } from "../data/hour-audits.ts";
import { today } from "../domain/dates.ts";
import { examApprovalExpired } from "../domain/decision-windows.ts";
import { evaluate } from "../domain/evaluate.ts";
import type { RequirementReport } from "../domain/report.ts";
import type { SessionActor } from "../policies/actor.ts";
import { applicationHistory } from "./application-history.ts";
import { lettersOfApplication } from "./letters.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";
import { categoryName, hidden, isoDay, type Reader } from "./reader.ts";

/** The person's own applications and candidacies, newest first. */
export async function ownApplications(reader: Reader, actor: SessionActor, list: ListQuery) {
  const [page, candidacies] = await Promise.all([
    pageApplicationsOfUser(reader.db, actor.userId, pageRequest(list.query)),
    listCandidaciesOfUser(reader.db, actor.userId),
  ]);
  return {
    page: listPage(page, list.misread),
    applications: page.rows.map((application) => ({
      id: application.id,
      association: application.associationName,
      category: categoryName(reader, application.framework_id, application.category_id),
      status: application.status,
    })),
    candidacies: candidacies.map((candidacy) => ({
      id: candidacy.id,
      category: categoryName(reader, candidacy.framework_id, candidacy.category_id),
      until: isoDay(candidacy.expires_at) ?? "",
      hasAdvisor: candidacy.advisor_user_id !== null,
    })),
  };
}

/** That the application is the person's own (404 for anyone else's), before its form is read. */
export async function ownApplicationStatus(reader: Reader, actor: SessionActor, applicationId: string) {
  const application = (await findApplicationOfUser(reader.db, actor.userId, applicationId)) ?? hidden();
  return application.status;
}

/**
 * One of the person's own applications (anyone else's does not exist for them): its history with
 * each version of the file, the fingerprint of what was frozen, and for a draft what is still
 * unmet on the association's today, assuming the code of ethics that submitting signs.
 */
export async function ownApplication(reader: Reader, actor: SessionActor, applicationId: string) {
  const application = (await findApplicationOfUser(reader.db, actor.userId, applicationId)) ?? hidden();
  const framework = reader.frameworks.find((candidate) => candidate.id === application.framework_id) ?? hidden();
  const category = framework.categories.find((candidate) => candidate.id === application.category_id) ?? hidden();
  const [association, history, snapshot] = await Promise.all([
    findAssociationById(reader.db, application.association_id),
    applicationHistory(reader.db, application.id, { applicantId: actor.userId }),
    findSnapshot(reader.db, application.id),
  ]);
  let unmet: Array<Pick<RequirementReport, "id" | "label" | "missing">> = [];
  if (application.status === "draft") {
    const portfolio = await findJudgedPortfolio(reader.db, actor.userId);
    const day = today(association?.time_zone ?? "UTC", reader.now());
    const report = evaluate(framework, category, { ...portfolio, attestations: { ...portfolio.attestations, codeOfEthicsSigned: day } }, day);
    unmet = report.requirements
      .filter((r) => r.stage === "application" && r.status !== "met" && r.status !== "needs-review")
      .map((r) => ({ id: r.id, label: r.label, missing: r.missing }));
  }
  return {
    id: application.id,
    status: application.status,
    category: category.name,
    association: association?.name ?? "",
    feeCents: application.fee_cents,
    unmet,
    history,
    snapshotHash: snapshot?.sha256 ?? null,
    examApprovedUntil: application.status === "approved-for-exam" ? application.exam_approved_until : null,
    examExpired: examApprovalExpired(application, today(association?.time_zone ?? "UTC", reader.now())),
    emergingUntil: application.status === "emerging" ? application.emerging_until : null,
    letters: await lettersOfApplication(reader, application.id),
  };
}
