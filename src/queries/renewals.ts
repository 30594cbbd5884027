import { findAssociationById } from "../data/associations.ts";
import { findOpenReinstatement, listReinstatementsOfCredential, pageOpenReinstatements } from "../data/credential-reinstatements.ts";
import {
  findRenewalException,
  findRenewalLeadingTo,
  hasPeriodFeeWithAnotherCredential,
  listRenewalsOfCredential,
  pageRenewalsOfPeriod,
} from "../data/credential-renewals.ts";
import { findCredentialByNumber, findCredentialOfAssociation, findCredentialOfHolder } from "../data/credentials.ts";
import { findJudgedPortfolio } from "../data/hour-audits.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { findRenewalCycle } from "../data/renewal-cycles.ts";
import { today } from "../domain/dates.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { RequirementReport } from "../domain/report.ts";
import { type RenewalCycle, standingOn } from "../domain/renewal-cycle.ts";
import {
  currentRenewalPeriod,
  newRatingsReport,
  renewalRefusal,
  renewalReportFor,
  renewalShortfall,
  shownRenewalRequirements,
} from "../domain/renewal-decision.ts";
import type { StaffRenewalsQuery } from "../forms/renewal-forms.ts";
import type { MaybeActor, SessionActor } from "../policies/actor.ts";
import type { HeldCredential } from "./credential-renewals.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";
import { categoryName, hidden, isoDay, type Reader } from "./reader.ts";
import { associationForStaff } from "./staff.ts";

/** The engine's verdict on each requirement, as the pages say it: its name, met or not, and what is missing. */
const verdicts = (requirements: RequirementReport[]) => requirements.map(({ id, label, status, missing }) => ({ id, label, status, missing }));

/** Where a credential's current period stands today: the engine's report from the portfolio, whether renewal is taken, at what fee. */
async function periodOf(reader: Reader, credential: HeldCredential, portfolio: Portfolio, cycle: RenewalCycle, day: string) {
  const standing = standingOn(cycle, credential.renewal_due, day);
  const renewedThisPeriod = standing.phase === "active" && (await findRenewalLeadingTo(reader.db, credential.id, credential.renewal_due)) !== undefined;
  const { report } = renewalReportFor(reader.frameworks, credential, portfolio);
  const exception = await findRenewalException(reader.db, credential.id, credential.renewal_due);
  const shortfall = renewalShortfall(report);
  const paidWithAnother = await hasPeriodFeeWithAnotherCredential(reader.db, credential);
  return {
    due: credential.renewal_due,
    lateDate: standing.lateDate,
    feeCents: paidWithAnother ? 0 : standing.feeCents,
    lateFeeApplies: !paidWithAnother && standing.lateFeeApplies,
    feePaidWithAnother: paidWithAnother,
    refusal: renewalRefusal(credential.status, standing, renewedThisPeriod),
    isExempt: report.isExempt,
    requirements: verdicts(shownRenewalRequirements(report)),
    hoursShort: shortfall.hours.length > 0,
    otherShort: shortfall.other.length > 0,
    exception: exception ? { reason: exception.reason, granted: isoDay(exception.granted_at) } : null,
  };
}

/** One of the holder's own credentials (anyone else's is hidden), its association, and what its pages' heading shows. */
export async function heldCredential(reader: Reader, actor: SessionActor, credentialId: string) {
  const credential = (await findCredentialOfHolder(reader.db, credentialId, actor.userId)) ?? hidden();
  const association = (await findAssociationById(reader.db, credential.association_id)) ?? hidden();
  const heading = {
    id: credential.id,
    number: credential.number,
    status: credential.status,
    category: categoryName(reader, credential.framework_id, credential.category_id),
    association: association.name,
  };
  return { credential, association, heading };
}

/** The holder's renewal form: the period's verdicts from their portfolio, the fee, and whether it is taken (else why not). */
export async function renewalForm(reader: Reader, actor: SessionActor, credentialId: string) {
  const { credential, association, heading } = await heldCredential(reader, actor, credentialId);
  const [cycle, portfolio] = await Promise.all([findRenewalCycle(reader.db, association.id), findJudgedPortfolio(reader.db, actor.userId)]);
  const day = today(association.time_zone, reader.now());
  return { ...heading, period: await periodOf(reader, credential, portfolio, cycle, day) };
}

/** The holder's reinstatement page: whether the credential was removed, the open request with its new ratings, the fee. */
export async function reinstatementForm(reader: Reader, actor: SessionActor, credentialId: string) {
  const { credential, association, heading } = await heldCredential(reader, actor, credentialId);
  const [cycle, request] = await Promise.all([findRenewalCycle(reader.db, association.id), findOpenReinstatement(reader.db, credential.id)]);
  return {
    ...heading,
    feeCents: request?.fee_cents ?? cycle.renewalFeeCents + cycle.lateFeeCents,
    request: request
      ? {
          requestedOn: request.requested_on,
          feeReceived: isoDay(request.fee_received_at),
          ratings: await ratingsSince(reader, credential, request.requested_on, association.time_zone),
        }
      : null,
  };
}

/** The ratings completed since a reinstatement request, judged as the category's application judges them. */
async function ratingsSince(reader: Reader, credential: HeldCredential & { user_id: string }, requestedOn: string, zone: string) {
  const framework = reader.frameworks.find((candidate) => candidate.id === credential.framework_id);
  const category = framework?.categories.find((candidate) => candidate.id === credential.category_id);
  if (!framework || !category) hidden();
  const { portfolio } = await findPortfolio(reader.db, credential.user_id);
  const report = newRatingsReport(framework, category, portfolio, requestedOn, today(zone, reader.now()));
  const count = report.measures.find((measure) => measure.id === "count");
  return { status: report.status, have: count?.have ?? 0, need: count?.need ?? 0, missing: report.missing };
}

/**
 * The staff's renewals list: one page of a period's renewals (the period still taken today unless one is
 * asked for) with each fee's state, or one page of the reinstatement requests waiting for them. A number
 * typed in the lookup gives that credential's id, for the page to go to (null: no such credential here).
 */
export async function staffRenewalsPage(reader: Reader, actor: MaybeActor, slug: string, list: ListQuery<StaffRenewalsQuery>) {
  const association = await associationForStaff(reader, actor, slug);
  const { query } = list;
  if (query.number !== undefined) {
    const found = await findCredentialByNumber(reader.db, query.number.toUpperCase());
    return { association, lookup: found?.association_id === association.id ? found.id : null } as const;
  }
  const zone = (await findAssociationById(reader.db, association.id))?.time_zone ?? "UTC";
  const period = query.period ?? currentRenewalPeriod(await findRenewalCycle(reader.db, association.id), today(zone, reader.now()));
  // What both lists show of a row: the holder, the credential, the day of the renewal or request, and its fee.
  type Row = {
    credential_id: string;
    name: string;
    number: string;
    framework_id: string;
    category_id: string;
    fee_cents: number;
    fee_received_at: Date | null;
  };
  const shown = (row: Row, date: string) => ({
    credentialId: row.credential_id,
    name: row.name,
    number: row.number,
    category: categoryName(reader, row.framework_id, row.category_id),
    date,
    feeCents: row.fee_cents,
    feeReceived: isoDay(row.fee_received_at),
  });
  if (query.show === "reinstatements") {
    const page = await pageOpenReinstatements(reader.db, association.id, pageRequest(query));
    return {
      association,
      show: "reinstatements" as const,
      period,
      page: listPage(page, list.misread),
      rows: page.rows.map((row) => shown(row, row.requested_on)),
    };
  }
  const page = await pageRenewalsOfPeriod(reader.db, association.id, period, pageRequest(query));
  return {
    association,
    show: "renewals" as const,
    period,
    page: listPage(page, list.misread),
    rows: page.rows.map((row) => ({ ...shown(row, row.renewed_on), lateFee: row.late_fee, byException: row.by_exception })),
  };
}

/** One credential's renewals for its association's staff: the current period's verdicts, the exception, each renewal's fee, a reinstatement request. */
export async function staffCredentialRenewals(reader: Reader, actor: MaybeActor, slug: string, credentialId: string) {
  const association = await associationForStaff(reader, actor, slug);
  const credential = (await findCredentialOfAssociation(reader.db, credentialId, association.id)) ?? hidden();
  const zone = (await findAssociationById(reader.db, association.id))?.time_zone ?? "UTC";
  const [cycle, portfolio, renewals, reinstatements] = await Promise.all([
    findRenewalCycle(reader.db, association.id),
    findJudgedPortfolio(reader.db, credential.user_id),
    listRenewalsOfCredential(reader.db, credential.id),
    listReinstatementsOfCredential(reader.db, credential.id),
  ]);
  const open = reinstatements.find((request) => request.status === "requested");
  return {
    association,
    id: credential.id,
    holder: credential.holderName,
    number: credential.number,
    status: credential.status,
    category: categoryName(reader, credential.framework_id, credential.category_id),
    period: await periodOf(reader, credential, portfolio, cycle, today(zone, reader.now())),
    renewals: renewals.map((renewal) => ({
      id: renewal.id,
      periodDue: renewal.period_due,
      renewedOn: renewal.renewed_on,
      feeCents: renewal.fee_cents,
      lateFee: renewal.late_fee,
      byException: renewal.by_exception,
      feeReceived: isoDay(renewal.fee_received_at),
    })),
    reinstatement: open
      ? {
          id: open.id,
          requestedOn: open.requested_on,
          feeCents: open.fee_cents,
          feeReceived: isoDay(open.fee_received_at),
          ratings: await ratingsSince(reader, credential, open.requested_on, zone),
        }
      : null,
  };
}
