import type { ConflictFacts } from "../domain/conflicts-of-interest.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { Db } from "./database.ts";
import { findPortfolio } from "./portfolios.ts";

/**
 * What the conflict rule needs about one application and some reviewers, per reviewer. Undefined
 * when the application has no snapshot yet (a draft): nothing to review, nothing to compare.
 */
export async function findConflictFacts(db: Db, applicationId: string, reviewerUserIds: readonly string[]): Promise<Map<string, ConflictFacts> | undefined> {
  const application = await db
    .selectFrom("applications")
    .innerJoin("application_snapshots", "application_snapshots.application_id", "applications.id")
    .innerJoin("users", "users.id", "applications.user_id")
    .select(["applications.user_id", "applications.association_id", "users.name", "users.email", "users.email_verified_at", "application_snapshots.portfolio"])
    .where("applications.id", "=", applicationId)
    .executeTakeFirst();
  if (!application) return undefined;
  const links = await db.selectFrom("access_links").select("recipient_email").distinct().where("user_id", "=", application.user_id).execute();
  const reviewers = reviewerUserIds.length === 0 ? [] : await db.selectFrom("users").select(["id", "name", "email", "email_verified_at"]).where("id", "in", reviewerUserIds).execute();
  const declared =
    reviewerUserIds.length === 0
      ? []
      : await db
          .selectFrom("declared_conflicts")
          .select(["user_id", "kind", "value"]).where("user_id", "in", reviewerUserIds)
          .where("association_id", "=", application.association_id)
          .execute();
  const portfolio = application.portfolio as Portfolio;
  const facts = new Map<string, ConflictFacts>();
  for (const reviewer of reviewers) {
    // A reviewer's employers come from their own portfolio as it is now: where they work today counts.
    const own = await findPortfolio(db, reviewer.id);
    facts.set(reviewer.id, {
      portfolio,
      applicantEmail: application.email_verified_at ? application.email : null,
      applicantName: application.name,
      linkEmails: links.map((link) => link.recipient_email),
      reviewer: {
        name: reviewer.name,
        email: reviewer.email_verified_at ? reviewer.email : null,
        employers: own.portfolio.work.flatMap((work) => (work.employer ? [work.employer] : [])),
        declared: declared.filter((row) => row.user_id === reviewer.id),
      },
    });
  }
  return facts;
}
