import { sql } from "kysely";
import type { ConflictFacts } from "../domain/conflicts-of-interest.ts";
import type { Db } from "./database.ts";

const names = (values: unknown): string[] => (Array.isArray(values) ? values.filter((value): value is string => typeof value === "string") : []);

/**
 * What the conflict rule needs about some applications and some reviewers, per application and
 * then per reviewer, in five queries whatever the number of either: the staff list asks for a
 * page of applications at once. Only the names the rule compares are read out of the frozen
 * file (its newest version), not the whole document. An application without a snapshot (a
 * draft) is left out: nothing to review, nothing to compare.
 */
export async function findConflictFacts(db: Db, applicationIds: readonly string[], reviewerUserIds: readonly string[]): Promise<Map<string, Map<string, ConflictFacts>>> {
  const facts = new Map<string, Map<string, ConflictFacts>>();
  if (applicationIds.length === 0 || reviewerUserIds.length === 0) return facts;
  const applications = await db
    .selectFrom("applications")
    .innerJoin("application_snapshots", (join) =>
      join.onRef("application_snapshots.application_id", "=", "applications.id").onRef("application_snapshots.version", "=", "applications.file_version"),
    )
    .innerJoin("users", "users.id", "applications.user_id")
    .select(["applications.id", "applications.user_id", "applications.association_id", "users.name", "users.email", "users.email_verified_at"])
    .select([
      sql<unknown>`jsonb_path_query_array(application_snapshots.portfolio, '$.references[*].raterName')`.as("raters"),
      sql<unknown>`jsonb_path_query_array(application_snapshots.portfolio, '$.work[*].supervisor')`.as("supervisors"),
      sql<unknown>`jsonb_path_query_array(application_snapshots.portfolio, '$.work[*].employer')`.as("employers"),
      sql<unknown>`jsonb_path_query_array(application_snapshots.portfolio, '$.reflectiveSupervision[*].provider.name')`.as("providers"),
    ])
    .where("applications.id", "in", applicationIds)
    .execute();
  if (applications.length === 0) return facts;
  const applicantIds = [...new Set(applications.map((application) => application.user_id))];
  const associationIds = [...new Set(applications.map((application) => application.association_id))];
  const [links, reviewers, declared, reviewerEmployers] = await Promise.all([
    db.selectFrom("access_links").select(["user_id", "recipient_email"]).distinct().where("user_id", "in", applicantIds).execute(),
    db.selectFrom("users").select(["id", "name", "email", "email_verified_at"]).where("id", "in", reviewerUserIds).execute(),
    db
      .selectFrom("declared_conflicts")
      .select(["user_id", "association_id", "kind", "value"])
      .where("user_id", "in", reviewerUserIds)
      .where("association_id", "in", associationIds)
      .execute(),
    // A reviewer's employers come from their own portfolio as it is now: where they work today counts.
    db
      .selectFrom("portfolios")
      .select(["user_id", sql<unknown>`jsonb_path_query_array(document, '$.work[*].employer')`.as("employers")])
      .where("user_id", "in", reviewerUserIds)
      .execute(),
  ]);
  for (const application of applications) {
    const portfolio = {
      references: names(application.raters).map((raterName) => ({ raterName })),
      work: [...names(application.supervisors).map((supervisor) => ({ supervisor })), ...names(application.employers).map((employer) => ({ employer }))],
      reflectiveSupervision: names(application.providers).map((name) => ({ provider: { name } })),
    };
    const linkEmails = links.filter((link) => link.user_id === application.user_id).map((link) => link.recipient_email);
    const perReviewer = new Map<string, ConflictFacts>();
    for (const reviewer of reviewers) {
      perReviewer.set(reviewer.id, {
        portfolio,
        applicantEmail: application.email_verified_at ? application.email : null,
        applicantName: application.name,
        linkEmails,
        reviewer: {
          name: reviewer.name,
          email: reviewer.email_verified_at ? reviewer.email : null,
          employers: names(reviewerEmployers.find((row) => row.user_id === reviewer.id)?.employers),
          declared: declared.filter((row) => row.user_id === reviewer.id && row.association_id === application.association_id),
        },
      });
    }
    facts.set(application.id, perReviewer);
  }
  return facts;
}
