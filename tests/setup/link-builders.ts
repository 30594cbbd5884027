import { askForConfirmation } from "../../src/commands/ask-for-confirmation.ts";
import { askForReference } from "../../src/commands/ask-for-reference.ts";
import { askToConfirmEntries } from "../../src/commands/ask-to-confirm-entries.ts";
import { hashToken } from "../../src/auth/tokens.ts";
import { ratingFormFor } from "../../src/domain/rating-form.ts";
import { runCommand } from "../../src/commands/define-command.ts";
import { submitRating } from "../../src/commands/submit-rating.ts";
import type { Actor, LinkHolder } from "../../src/policies/actor.ts";
import type { RunningCradle } from "../../src/server/start-cradle.ts";
import { buildApplicant, commandsOf, runOrThrow } from "./state-builders.ts";

/**
 * Emailed links in a named state, reached through the commands: a rater asked for a reference, a
 * provider asked to confirm an RS/C session. Each returns the link's holder, as the link page acts.
 */
type App = Pick<RunningCradle, "services">;

async function linkOfEntry(app: App, userId: string, entryId: string) {
  const link = await app.services.db
    .selectFrom("access_links")
    .select("id")
    .where("user_id", "=", userId)
    .where("entry_id", "=", entryId)
    .executeTakeFirstOrThrow();
  return link.id;
}

/**
 * The token the link's mail carries (only its hash is stored): read from the outbox, as the
 * recipient would from their mail, and checked against the link's stored hash.
 */
async function emailedToken(app: App, linkId: string, pagePrefix: "/r/" | "/v/" | "/c/") {
  const { db } = app.services;
  const hashes = new Set((await db.selectFrom("access_link_tokens").select("token_hash").where("link_id", "=", linkId).execute()).map((row) => row.token_hash));
  const bodies = await db.selectFrom("outbox").select("text_body").where("text_body", "like", `%${pagePrefix}%`).execute();
  const pattern = new RegExp(`${pagePrefix}([A-Za-z0-9_-]+)`, "g");
  const token = bodies.flatMap((row) => [...row.text_body.matchAll(pattern)].map((match) => match[1]!)).find((candidate) => hashes.has(hashToken(candidate)));
  if (!token) throw new Error(`No mail in the outbox carries a ${pagePrefix} token of link ${linkId}`);
  return token;
}

/** The items of the Alliance's rating form for a category (its competency domains), as the framework file names them. */
export function allianceRatingItems(app: App, categoryId = "ifs"): string[] {
  return ratingFormFor(
    app.services.frameworks.find((framework) => framework.id === "alliance-iecmh-e")!,
    categoryId,
  ).items.map((item) => item.id);
}

/** An applicant who asked a rater (Rae Rater) for a reference for IFS through their association, not answered yet. */
export async function buildReferenceRequest(app: App, options: Parameters<typeof buildApplicant>[1] = {}) {
  const applicant = await buildApplicant(app, options);
  const request = {
    raterName: "Rae Rater",
    raterEmail: "rae@example.org",
    role: "supervisor" as const,
    frameworkId: "alliance-iecmh-e",
    categoryId: "ifs",
    associationId: applicant.associationId,
    waived: false,
    locale: "en" as const,
  };
  const { referenceId } = await runOrThrow(app, askForReference, applicant.actor, request);
  const linkId = await linkOfEntry(app, applicant.user.id, referenceId);
  const holder: LinkHolder = { kind: "link", purpose: "reference", linkId };
  return { ...applicant, referenceId, linkId, holder, token: await emailedToken(app, linkId, "/r/") };
}

/** An applicant whose portfolio meets IFS and who asked Dr. Lee to confirm their first RS/C session ("r1"). */
export async function buildConfirmationRequest(app: App, options: Parameters<typeof buildApplicant>[1] = {}) {
  const applicant = await buildApplicant(app, { meets: "ifs", ...options });
  const entryId = "r1";
  await runOrThrow(app, askForConfirmation, applicant.actor, {
    entryId,
    name: "Dr. Lee",
    email: "lee@example.org",
    summary: "I received it · 2024-06-01 · 12 h",
    locale: "en" as const,
  });
  const linkId = await linkOfEntry(app, applicant.user.id, entryId);
  const holder: LinkHolder = { kind: "link", purpose: "verify-entry", linkId };
  return { ...applicant, entryId, linkId, holder, token: await emailedToken(app, linkId, "/v/") };
}

/** An applicant whose portfolio meets IFS and who asked Dr. Lee, in one link, to confirm both RS/C sessions that name them ("r1", "r2"). */
export async function buildConfirmEntriesRequest(app: App, options: Parameters<typeof buildApplicant>[1] = {}) {
  const applicant = await buildApplicant(app, { meets: "ifs", ...options });
  const { linkId } = await runOrThrow(app, askToConfirmEntries, applicant.actor, {
    entryId: "r1",
    name: "Dr. Lee",
    email: "lee@example.org",
    locale: "en" as const,
  });
  const holder: LinkHolder = { kind: "link", purpose: "confirm-entries", linkId };
  return { ...applicant, entryIds: ["r1", "r2"], linkId, holder, token: await emailedToken(app, linkId, "/c/") };
}

/**
 * Three ratings for IFS asked and answered through the rating links (on `now`, else today): a current
 * supervisor, an RS/C provider and an endorsed rater, so they meet the category's rating rules.
 */
export async function buildThreeRatings(app: App, applicant: { actor: Actor; associationId: string; user: { id: string } }, now?: () => Date) {
  const context = commandsOf(app, now);
  const raters = [
    { raterName: "Cora Current", role: "current-supervisor" as const, extra: {} },
    { raterName: "Pablo Provider", role: "rsc-provider" as const, extra: {} },
    { raterName: "Elena Endorsed", role: "supervisor" as const, extra: { raterCredential: "alliance-iecmh-e/imhs", raterEarned: "2015-01-01" } },
  ];
  for (const [index, rater] of raters.entries()) {
    const asked = await runCommand(context, askForReference, applicant.actor, {
      raterName: rater.raterName,
      raterEmail: `rater-${index}-${applicant.user.id.slice(0, 8)}@example.org`,
      role: rater.role,
      frameworkId: "alliance-iecmh-e",
      categoryId: "ifs",
      associationId: applicant.associationId,
      waived: false,
      locale: "en",
    });
    if (!asked.ok) throw new Error(`reference.requested refused: ${JSON.stringify(asked.errors)}`);
    const holder: LinkHolder = { kind: "link", purpose: "reference", linkId: await linkOfEntry(app, applicant.user.id, asked.value.referenceId) };
    const answers = { ...Object.fromEntries(allianceRatingItems(app).map((item) => [item, "4"])), ...rater.extra };
    const rated = await runCommand(context, submitRating, holder, { answers });
    if (!rated.ok) throw new Error(`reference.submitted refused: ${JSON.stringify(rated.errors)}`);
  }
}
