import { hashToken } from "../auth/tokens.ts";
import { findAccessLinkByToken, listAccessLinkEntries } from "../data/access-links.ts";
import { findAssociationById } from "../data/associations.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { findUserById } from "../data/users.ts";
import { type LinkState, linkState } from "../domain/link-state.ts";
import { ratingFormFor, ratingFrameworkOf } from "../domain/rating-form.ts";
import type { LinkHolder } from "../policies/actor.ts";
import type { Reader } from "./reader.ts";
import { type ConfirmableEntry, confirmableEntryIn } from "./references.ts";

type LinkPagePurpose = "reference" | "verify-entry" | "confirm-entries";

/**
 * The pages reached through an emailed link, where the token is the permission. They show the
 * applicant's name and what is asked, never the applicant's address or anything else of theirs.
 */
async function linkOfToken(reader: Reader, purpose: LinkPagePurpose, token: string) {
  const link = await findAccessLinkByToken(reader.db, purpose, hashToken(token));
  return { link, state: linkState(link, reader.now()) };
}

/**
 * Who acts through the token, for the commands (which lock the link and check it again). An unknown
 * token gives a holder of no link, whom every command refuses as "unknown".
 */
export async function linkHolder(reader: Reader, purpose: LinkPagePurpose, token: string): Promise<LinkHolder> {
  const { link } = await linkOfToken(reader, purpose, token);
  return { kind: "link", purpose, linkId: link?.id ?? null };
}

/**
 * The rater's form: the applicant's name, what they seek (the category and the association, when
 * the request named them), the areas to rate with what each means, the endorsements the rater may
 * say they hold, their draft.
 */
export async function ratingPage(reader: Reader, token: string) {
  const { link, state } = await linkOfToken(reader, "reference", token);
  const framework = ratingFrameworkOf(reader.frameworks, link?.framework_id ?? null);
  const form = ratingFormFor(framework, link?.category_id ?? null);
  const credentialOptions = framework.categories.map((category) => ({
    value: `${framework.id}/${category.id}`,
    label: category.name,
    abbreviation: category.abbreviation,
  }));
  if (state !== "open" || !link) return { state, applicant: "", sought: null, form, credentialOptions, draft: {} as Record<string, string> };
  const [applicant, association] = await Promise.all([
    findUserById(reader.db, link.user_id),
    link.association_id ? findAssociationById(reader.db, link.association_id) : undefined,
  ]);
  const category = framework.categories.find((candidate) => candidate.id === link.category_id);
  const sought = {
    category: category ? { name: category.name, abbreviation: category.abbreviation } : null,
    framework: framework.shortName,
    association: association?.name ?? null,
  };
  return { state, applicant: applicant?.name ?? "", sought, form, credentialOptions, draft: link.draft ?? {} };
}

/** The provider's or supervisor's page: the applicant's name and the one entry to confirm. */
export async function confirmationPage(reader: Reader, token: string): Promise<{ state: LinkState; applicant: string; entry: ConfirmableEntry | null }> {
  const { link, state } = await linkOfToken(reader, "verify-entry", token);
  if (state !== "open" || !link) return { state, applicant: "", entry: null };
  const [applicant, { portfolio }] = await Promise.all([findUserById(reader.db, link.user_id), findPortfolio(reader.db, link.user_id)]);
  return { state, applicant: applicant?.name ?? "", entry: confirmableEntryIn(portfolio, link.entry_id) ?? null };
}

/**
 * The page of one link for several entries: the applicant's name and every entry the link was sent
 * for that is still in the portfolio (one deleted since is left out), oldest first.
 */
export async function confirmEntriesPage(
  reader: Reader,
  token: string,
): Promise<{ state: LinkState; applicant: string; entries: Array<ConfirmableEntry & { id: string }> }> {
  const { link, state } = await linkOfToken(reader, "confirm-entries", token);
  if (state !== "open" || !link) return { state, applicant: "", entries: [] };
  const [applicant, { portfolio }, entryIds] = await Promise.all([
    findUserById(reader.db, link.user_id),
    findPortfolio(reader.db, link.user_id),
    listAccessLinkEntries(reader.db, link.id),
  ]);
  const entries = entryIds
    .flatMap((id) => {
      const entry = confirmableEntryIn(portfolio, id);
      return entry ? [{ id, ...entry }] : [];
    })
    .sort((a, b) => sortDate(a.fields).localeCompare(sortDate(b.fields)));
  return { state, applicant: applicant?.name ?? "", entries };
}

function sortDate(fields: ConfirmableEntry["fields"]): string {
  const date = fields.date ?? fields.start;
  return typeof date === "string" ? date : "";
}
