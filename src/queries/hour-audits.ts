import { findAssociationById } from "../data/associations.ts";
import { listDocumentNames } from "../data/documents.ts";
import {
  findAuditedOfUser,
  findHourAudit,
  listDuePeriods,
  listExtensionRequests,
  listRequestedEntries,
  pageAuditedPeople,
  pageHourAuditsOfAssociation,
} from "../data/hour-audits.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { today } from "../domain/dates.ts";
import { reportedHours } from "../domain/hour-audits.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { MaybeActor, SessionActor } from "../policies/actor.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";
import { hidden, isoDay, type Reader } from "./reader.ts";
import { associationForStaff } from "./staff.ts";

/** /a/:slug/audits: a page of the association's audits, newest first, and the periods a new one can sample. */
export async function staffHourAuditsPage(reader: Reader, actor: MaybeActor, slug: string, list: ListQuery) {
  const association = await associationForStaff(reader, actor, slug);
  const [page, periods, details] = await Promise.all([
    pageHourAuditsOfAssociation(reader.db, association.id, pageRequest(list.query)),
    listDuePeriods(reader.db, association.id),
    findAssociationById(reader.db, association.id),
  ]);
  return {
    association,
    today: today(details?.time_zone ?? "UTC", reader.now()),
    periods: periods.map((period) => ({ due: period.renewal_due, holders: Number(period.holders) })),
    page: listPage(page, list.misread),
    audits: page.rows.map((audit) => ({
      id: audit.id,
      periodDue: audit.period_due,
      selection: audit.selection,
      percent: audit.sample_percent,
      opened: isoDay(audit.created_at),
      people: Number(audit.people ?? 0),
      undetermined: Number(audit.undetermined ?? 0),
    })),
  };
}

type RequestedRow = Awaited<ReturnType<typeof listRequestedEntries>>[number];
type ExtensionRow = Awaited<ReturnType<typeof listExtensionRequests>>[number];

/** What a requested entry says of itself, as it stood when evidence was asked for. */
function describeRequested(row: RequestedRow) {
  const entry = row.entry as { title?: string; provider?: { name?: string }; date?: string; clockHours?: number; academicCourseHours?: number; hours?: number };
  return {
    id: row.id,
    entryId: row.entry_id,
    list: row.list,
    title: entry.title ?? entry.provider?.name ?? "",
    date: entry.date ?? "",
    hours: reportedHours(entry),
    determination: row.determination,
    reason: row.reason,
    hoursAllowed: row.hours_allowed === null ? null : Number(row.hours_allowed),
  };
}

const describeExtension = (row: ExtensionRow) => ({
  id: row.id,
  until: row.until,
  reason: row.reason,
  asked: isoDay(row.asked_at),
  answer: row.answer,
  grantedUntil: row.granted_until,
});

/** The uploads in a portfolio that support one of `entryIds` (the documents page's `about`), with their file names. */
async function evidenceFor(reader: Reader, portfolio: Portfolio, entryIds: ReadonlySet<string>) {
  const supporting = portfolio.documents.filter((document) => document.about !== undefined && entryIds.has(document.about));
  const names = await listDocumentNames(
    reader.db,
    supporting.map((document) => document.id),
  );
  return supporting.flatMap((document) => {
    const filename = names.get(document.id);
    return filename ? [{ id: document.id, about: document.about!, filename }] : [];
  });
}

/** /a/:slug/audits/:id: one audit for staff, a page of its people by name, each with the entries asked for, their evidence, determinations and requests for more time. */
export async function staffHourAuditPage(reader: Reader, actor: MaybeActor, slug: string, auditId: string, list: ListQuery) {
  const association = await associationForStaff(reader, actor, slug);
  const audit = await findHourAudit(reader.db, auditId);
  if (!audit || audit.association_id !== association.id) hidden();
  const page = await pageAuditedPeople(reader.db, audit.id, pageRequest(list.query));
  const ids = page.rows.map((row) => row.id);
  const [entries, extensions] = await Promise.all([listRequestedEntries(reader.db, ids), listExtensionRequests(reader.db, ids)]);
  const people = await Promise.all(
    page.rows.map(async (person) => {
      const requested = entries.filter((row) => row.audited_id === person.id);
      const { portfolio } = await findPortfolio(reader.db, person.user_id);
      return {
        id: person.id,
        name: person.name,
        email: person.email,
        evidenceDue: person.evidence_due,
        entries: requested.map(describeRequested),
        evidence: await evidenceFor(reader, portfolio, new Set(requested.map((row) => row.entry_id))),
        extensions: extensions.filter((row) => row.audited_id === person.id).map(describeExtension),
      };
    }),
  );
  return {
    association,
    audit: { id: audit.id, periodDue: audit.period_due, selection: audit.selection, percent: audit.sample_percent, instructions: audit.instructions },
    page: listPage(page, list.misread),
    people,
  };
}

/** /audits/:id: the person's own part in an audit (anyone else's does not exist for them): the entries asked for, their evidence, the determinations, their requests for more time. */
export async function myHourAudit(reader: Reader, actor: SessionActor, auditedId: string) {
  const audited = (await findAuditedOfUser(reader.db, auditedId, actor.userId)) ?? hidden();
  const [entries, extensions, { portfolio }] = await Promise.all([
    listRequestedEntries(reader.db, [audited.id]),
    listExtensionRequests(reader.db, [audited.id]),
    findPortfolio(reader.db, actor.userId),
  ]);
  return {
    id: audited.id,
    association: audited.associationName,
    periodDue: audited.period_due,
    evidenceDue: audited.evidence_due,
    instructions: audited.instructions,
    isPastDue: audited.evidence_due < today(audited.time_zone, reader.now()),
    entries: entries.map(describeRequested),
    evidence: await evidenceFor(reader, portfolio, new Set(entries.map((row) => row.entry_id))),
    extensions: extensions.map(describeExtension),
  };
}
