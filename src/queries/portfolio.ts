import { listDocumentsOfUser } from "../data/documents.ts";
import { listCategoryTargets } from "../data/category-targets.ts";
import { findFormDraft } from "../data/form-drafts.ts";
import { listDisallowances } from "../data/hour-audits.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { withoutDisallowed } from "../domain/hour-audits.ts";
import type { Locale } from "../data/schema.ts";
import { wordLimit } from "../domain/count-words.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import { entryVerdicts } from "../domain/entry-verdicts.ts";
import type { Framework } from "../domain/framework-schema.ts";
import { sectionTotals } from "../domain/hours-entered.ts";
import { judgedOnce } from "../domain/judged-once.ts";
import { archiveName } from "../files/zip-stream.ts";
import { draftKey, statementDraftKey, writtenStatementId } from "../forms/portfolio-drafts.ts";
import { entriesOf, findSection, sections } from "../forms/portfolio-sections.ts";
import { translator } from "../i18n/translate.ts";
import type { PortfolioQuery } from "../forms/list-filters.ts";
import type { SessionActor } from "../policies/actor.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";
import { pageOfEntries } from "./page-of-entries.ts";
import { frameworksOfPerson, todayOfPerson } from "./progress.ts";
import type { Reader } from "./reader.ts";

type Person = SessionActor & { name: string; email: string };

/** Sections whose entries a document supports, and the kind of document each expects. */
const documentTypeFor: Record<string, string> = { education: "transcript", licences: "other", training: "certificate" };

/** How many of a section's entries the whole portfolio shows, newest first; the section's own page shows them all, a page at a time. */
export const entriesPreviewed = 10;

/**
 * The person's portfolio page: each section with its newest entries as form fields (for their
 * one-line summaries) or, when one section is asked for (`show`), only that section a page at a
 * time; and, for each category they work toward, whether each entry shown counted today and why not.
 */
export async function portfolioOverview(read: Reader, actor: SessionActor, { query, misread }: ListQuery<PortfolioQuery> = { query: {}, misread: false }) {
  const [{ portfolio }, targets, asOf, disallowed] = await Promise.all([
    findPortfolio(read.db, actor.userId),
    listCategoryTargets(read.db, actor.userId),
    todayOfPerson(read, actor.userId),
    listDisallowances(read.db, actor.userId),
  ]);
  const supported = new Set(portfolio.documents.map((document) => document.about).filter(Boolean));
  const engine = judgedOnce(withoutDisallowed(portfolio, disallowed));
  const judged = targets.flatMap(({ frameworkId, categoryId }) => {
    const framework = read.frameworks.find((candidate) => candidate.id === frameworkId);
    const category = framework?.categories.find((candidate) => candidate.id === categoryId);
    return framework && category ? [{ abbreviation: category.abbreviation, verdictOf: entryVerdicts(engine.evaluate(framework, category, asOf)) }] : [];
  });
  const totals = sectionTotals(portfolio);
  const shown = query.show ? sections.filter((section) => section.id === query.show) : sections;
  return {
    hasTargets: judged.length > 0,
    shown: query.show ?? null,
    sections: shown.map((section) => {
      // Newest first: the entry just added is the one a person looks for.
      const all = entriesOf(section, portfolio).reverse();
      const page = query.show ? pageOfEntries(all, pageRequest(query)) : null;
      const entries = page ? page.rows : all.slice(0, entriesPreviewed);
      return {
        id: section.id,
        title: section.title,
        addLabel: section.addLabel,
        totals: totalsOf(section.list, totals),
        entryCount: all.length,
        page: page ? listPage(page, misread) : null,
        entries: entries.map((entry) => ({
          ...entry,
          hasDocument: supported.has(entry.id),
          // What an audit disallowed, if anything: all its hours (hoursAllowed null), or all but those that still count.
          disallowed: disallowed.has(entry.id) ? { hoursAllowed: disallowed.get(entry.id)?.hours ?? null } : null,
          counts: judged.map(({ abbreviation, verdictOf }) => ({ category: abbreviation, ...verdictOf(entry.id) })),
        })),
        documentType: documentTypeFor[section.id] ?? null,
        isConfirmable: section.list === "work" || section.list === "reflectiveSupervision",
      };
    }),
    service: serviceHours(portfolio),
  };
}

/**
 * Hours the person gave the association (reviews, exam ratings, advisory reviews), newest first:
 * recorded by Cradle when the work is done, never typed, so the page lists them without a form.
 */
function serviceHours(portfolio: Portfolio) {
  if (portfolio.reviewerHours.length === 0) return null;
  const newest = [...portfolio.reviewerHours].sort((a, b) => b.date.localeCompare(a.date));
  return {
    totalHours: newest.reduce((sum, entry) => sum + entry.hours, 0),
    count: newest.length,
    entries: newest.slice(0, entriesPreviewed).map(({ id, date, hours, role }) => ({ id, date, hours, role })),
  };
}

/** A section's hours as typed, for the line under its heading: none for a section not counted in hours. */
function totalsOf(list: string, totals: ReturnType<typeof sectionTotals>) {
  switch (list) {
    case "training":
      return { kind: "training" as const, ...totals.training };
    case "reflectiveSupervision":
      return { kind: "rsc" as const, received: totals.received, provided: totals.provided };
    case "reading":
      return { kind: "activity" as const, ...totals.reading };
    case "video":
      return { kind: "activity" as const, ...totals.video };
    default:
      return null;
  }
}

/**
 * The form of one entry (or a new one): what to fill it with (the kept draft, else the entry,
 * else a new entry's defaults) and the choices that come from the person's frameworks.
 * Undefined for an unknown section or an entry the person does not have.
 */
export async function portfolioEntryForm(
  read: Reader,
  actor: SessionActor,
  sectionId: string,
  entryId: string | null,
  locale: Locale,
  from: string | null = null,
) {
  const section = findSection(sectionId);
  if (!section) return undefined;
  const { portfolio } = await findPortfolio(read.db, actor.userId);
  const list = portfolio[section.list] as Array<Record<string, unknown> & { id: string }>;
  // A new entry may start from another (duplicate), or from the last session with a provider entered before.
  const model = entryId === null && from ? list.find((candidate) => candidate.id === from) : undefined;
  const entry = entryId
    ? (portfolio[section.list] as Array<Record<string, unknown> & { id: string }>).find((candidate) => candidate.id === entryId)
    : undefined;
  if (entryId && !entry) return undefined;
  const [draft, { frameworks }] = await Promise.all([
    findFormDraft(read.db, actor.userId, draftKey(section.id, entryId)),
    frameworksOfPerson(read, actor.userId),
  ]);
  return {
    section: { id: section.id, title: section.title, fields: section.fields },
    isNew: entryId === null,
    values: draft ?? (entry ? section.fromEntry(entry) : model ? section.fromEntry(model) : section.newEntry),
    hasDraft: draft !== undefined,
    options: frameworkOptions(frameworks, locale),
    providers: section.list === "reflectiveSupervision" && entryId === null ? knownProviders(portfolio) : [],
  };
}

/**
 * The RS/C providers a person has entered, each once (by name, any case, and endorsement), with
 * their latest session: a new session or a series starts from it, so the provider is typed once.
 */
export function knownProviders(portfolio: Portfolio): Array<{ name: string; fromEntryId: string }> {
  const latest = new Map<string, { name: string; fromEntryId: string; date: string }>();
  for (const session of portfolio.reflectiveSupervision) {
    const name = session.provider?.name?.trim();
    if (session.direction !== "received" || !name) continue;
    const credential = session.provider?.credentials[0];
    const key = `${name.toLowerCase()}|${credential ? `${credential.framework}/${credential.category}` : ""}`;
    const known = latest.get(key);
    if (!known || session.date >= known.date) latest.set(key, { name, fromEntryId: session.id, date: session.date });
  }
  return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name)).map(({ name, fromEntryId }) => ({ name, fromEntryId }));
}

/** The form of a series of RS/C sessions: the session's fields but its date, filled from a session or a new one's defaults. */
export async function sessionSeriesForm(read: Reader, actor: SessionActor, locale: Locale, from: string | null) {
  const section = findSection("reflective-supervision")!;
  const [{ portfolio }, { frameworks }] = await Promise.all([findPortfolio(read.db, actor.userId), frameworksOfPerson(read, actor.userId)]);
  const model = from ? portfolio.reflectiveSupervision.find((session) => session.id === from) : undefined;
  return {
    fields: section.fields.filter((field) => field.name !== "date"),
    values: model ? section.fromEntry(model) : section.newEntry,
    options: frameworkOptions(frameworks, locale),
    providers: knownProviders(portfolio),
  };
}

/** Choices that come from the frameworks: knowledge domains to count training toward, endorsements a provider may hold. */
function frameworkOptions(frameworks: readonly Framework[], locale: Locale): Record<string, Array<{ value: string; label: string }>> {
  const t = translator(locale);
  return {
    domains: frameworks.flatMap((framework) =>
      framework.domains.map((domain) => ({
        value: domain.id,
        label: frameworks.length > 1 ? `${domain.name[locale]} (${framework.shortName})` : domain.name[locale],
      })),
    ),
    providerCredential: [
      { value: "", label: t("portfolio.noCredential") },
      ...frameworks.flatMap((framework) =>
        framework.categories.map((category) => ({
          value: `${framework.id}/${category.id}`,
          label: `${category.abbreviation}: ${category.name[locale]} (${framework.shortName})`,
        })),
      ),
    ],
  };
}

/** The personal statement's form: the kept draft or the saved text, and the strictest word limit of the person's associations. */
export async function statementForm(read: Reader, actor: SessionActor) {
  const [{ portfolio }, draft, { associations }] = await Promise.all([
    findPortfolio(read.db, actor.userId),
    findFormDraft(read.db, actor.userId, statementDraftKey),
    frameworksOfPerson(read, actor.userId),
  ]);
  const saved = portfolio.documents.find((document) => document.id === writtenStatementId)?.text ?? "";
  const draftText = typeof draft?.text === "string" ? draft.text : undefined;
  return {
    text: draftText ?? saved,
    hasDraft: draftText !== undefined && draftText !== saved,
    limit: wordLimit(
      associations.flatMap((association) => association.frameworks),
      "personal-statement",
    ),
  };
}

/** The portable portfolio file (docs/portfolio-format.md) with who it belongs to, and the date for its file name. */
export async function portfolioFile(read: Reader, actor: Person) {
  const [{ portfolio }, date] = await Promise.all([findPortfolio(read.db, actor.userId), todayOfPerson(read, actor.userId)]);
  return { json: JSON.stringify({ ...portfolio, person: { name: actor.name, email: actor.email } }, null, 2), date };
}

/** What the archive of everything holds: the portfolio file and each uploaded document, by name in the zip and stored hash. */
export async function portfolioArchive(read: Reader, actor: Person) {
  const [file, documents] = await Promise.all([portfolioFile(read, actor), listDocumentsOfUser(read.db, actor.userId)]);
  return {
    ...file,
    documents: documents.map((document, index) => ({
      name: `documents/${String(index + 1).padStart(2, "0")}-${archiveName(document.filename)}`,
      sha256: document.sha256,
    })),
  };
}
