import { listMembershipsWithFrameworks } from "../data/association-frameworks.ts";
import { findAssociationById, findTimeZoneOfPerson } from "../data/associations.ts";
import { findCandidacy } from "../data/candidacies.ts";
import { listCategoryTargets } from "../data/category-targets.ts";
import { findJudgedPortfolio } from "../data/hour-audits.ts";
import { findUserById } from "../data/users.ts";
import { today } from "../domain/dates.ts";
import { judgedOnce } from "../domain/judged-once.ts";
import type { Framework, Requirement } from "../domain/framework-schema.ts";
import { withHoursEntered } from "../domain/hours-entered.ts";
import type { MaybeActor, SessionActor } from "../policies/actor.ts";
import { candidacyPolicy } from "../policies/candidacy.ts";
import { hidden, type Reader } from "./reader.ts";

/** The associations a person belongs to, each with its frameworks; and all those frameworks (every published one when none yet). */
export async function frameworksOfPerson(read: Reader, userId: string) {
  const memberships = await listMembershipsWithFrameworks(read.db, userId);
  const byId = new Map(read.frameworks.map((framework) => [framework.id, framework]));
  const associations = memberships.map((membership) => ({
    ...membership,
    frameworks: membership.frameworkIds.map((id) => byId.get(id)).filter((framework): framework is Framework => framework !== undefined),
  }));
  const used = [...new Set(associations.flatMap((association) => association.frameworks))];
  return { associations, frameworks: used.length > 0 ? used : [...read.frameworks] };
}

/** Today for a person, where they live (their first association's time zone, else UTC). */
export async function todayOfPerson(read: Reader, userId: string): Promise<string> {
  return today(await findTimeZoneOfPerson(read.db, userId), read.now());
}

/** How many categories of a framework are explained at once, closest first; the others are placed and can be opened one by one. */
export const explainedAtOnce = 3;

/**
 * The person's own progress: for each association they belong to, every category of its
 * frameworks, those they work toward first, then closest first (ranked by the engine's summary
 * path), with what is met and missing spelled out for their targets, the closest few (when they
 * have no target in that framework) and the category they open (`open`: "framework/category").
 */
export async function progressOf(read: Reader, actor: SessionActor, open: string | null = null) {
  const [portfolio, { associations }, asOf, targets] = await Promise.all([
    findJudgedPortfolio(read.db, actor.userId),
    frameworksOfPerson(read, actor.userId),
    todayOfPerson(read, actor.userId),
    listCategoryTargets(read.db, actor.userId),
  ]);
  const isTarget = (frameworkId: string, categoryId: string) =>
    targets.some((target) => target.frameworkId === frameworkId && target.categoryId === categoryId);
  const judged = judgedOnce(portfolio);
  return {
    today: asOf,
    associations: associations.map((association) => ({
      slug: association.slug,
      name: association.name,
      frameworks: association.frameworks.map((framework) => ({
        id: framework.id,
        name: framework.shortName,
        categories: targetsFirst(judged.recommend(framework, asOf), (ranked) => isTarget(framework.id, ranked.category.id)).map((ranked, index, all) => {
          const hasTargets = all.some((other) => isTarget(framework.id, other.category.id));
          const isWorkedToward = isTarget(framework.id, ranked.category.id);
          const isExplained = isWorkedToward || (!hasTargets && index < explainedAtOnce) || open === `${framework.id}/${ranked.category.id}`;
          const category = framework.categories.find((candidate) => candidate.id === ranked.category.id)!;
          return {
            id: ranked.category.id,
            name: ranked.category.name,
            abbreviation: ranked.category.abbreviation,
            status: ranked.status,
            progress: ranked.progress,
            remaining: ranked.remaining,
            isTarget: isWorkedToward,
            requirements: isExplained
              ? judged.evaluate(framework, category, asOf).requirements.map((requirement) => ({
                  id: requirement.id,
                  label: requirement.label,
                  status: requirement.status,
                  stage: requirement.stage,
                  ...withHoursEntered(requirement, portfolio, framework.academicCourseHourFactor),
                  portfolioSection: portfolioSectionOf(category.requirements.find((rule) => rule.id === requirement.id && rule.kind === requirement.kind)),
                  missing: requirement.missing,
                }))
              : null,
          };
        }),
      })),
    })),
  };
}

/** Where in My portfolio the entries of an hour-based requirement are, each saying whether it counted and why not. */
function portfolioSectionOf(requirement: Requirement | undefined): string | null {
  switch (requirement?.kind) {
    case "training":
      return "training";
    case "rsc-received":
    case "rsc-provided":
      return "reflective-supervision";
    case "activity":
      return requirement.activity;
    default:
      return null;
  }
}

/** The categories a person works toward first, each group in the ranking's order. */
function targetsFirst<T>(ranked: T[], isTarget: (item: T) => boolean): T[] {
  return [...ranked.filter(isTarget), ...ranked.filter((item) => !isTarget(item))];
}

/**
 * A candidate's progress in their category, for the candidate, their advisor and the association's
 * staff, judged on today's date where the association is. Anyone else is told it does not exist, as
 * for another person's application: whether someone is a candidate is theirs to tell.
 */
export async function candidateProgress(read: Reader, actor: MaybeActor, candidacyId: string) {
  const candidacy = (await findCandidacy(read.db, candidacyId)) ?? hidden();
  if (!candidacyPolicy.viewProgress(actor, candidacy)) hidden();
  const framework = read.frameworks.find((candidate) => candidate.id === candidacy.framework_id) ?? hidden();
  const category = framework.categories.find((candidate) => candidate.id === candidacy.category_id) ?? hidden();
  const [portfolio, person, advisor, association] = await Promise.all([
    findJudgedPortfolio(read.db, candidacy.user_id),
    findUserById(read.db, candidacy.user_id),
    candidacy.advisor_user_id ? findUserById(read.db, candidacy.advisor_user_id) : undefined,
    findAssociationById(read.db, candidacy.association_id),
  ]);
  const report = judgedOnce(portfolio).evaluate(framework, category, today(association?.time_zone ?? "UTC", read.now()));
  return {
    name: person?.name ?? "",
    category: category.name,
    until: candidacy.expires_at.toISOString().slice(0, 10),
    advisor: advisor?.name ?? null,
    fee: candidacy.fee_cents,
    requirements: report.requirements.map((r) => ({ id: `${r.id}-${r.stage}`, label: r.label, status: r.status, missing: r.missing })),
  };
}
