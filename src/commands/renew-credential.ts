import { z } from "zod";
import { findAssociationById } from "../data/associations.ts";
import { findRenewalException, findRenewalLeadingTo, hasPeriodFeeWithAnotherCredential, insertRenewal } from "../data/credential-renewals.ts";
import { changeCredentialStatus, setRenewalDue } from "../data/credentials.ts";
import { findJudgedPortfolio } from "../data/hour-audits.ts";
import { findRenewalCycle } from "../data/renewal-cycles.ts";
import { nextDueDate, standingOn } from "../domain/renewal-cycle.ts";
import { renewalRefusal, renewalReportFor, renewalShortfall } from "../domain/renewal-decision.ts";
import { dollars } from "../i18n/format.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertOwnCredential } from "./guards/lock-credential.ts";

/**
 * The holder renews a credential for its current period: re-signs the code of ethics and attests no
 * licensing-board sanction, and the engine judges the period's hours from their portfolio (short hours
 * pass only with staff's exception for the period). The renewal is recorded with the report and the fee
 * owed (the late fee after the due date; none when another category of the holder's paid this period's), the due date moves a year on, and a lapsed credential is
 * active again. The fee is staff's to record as received, as an application's is.
 */
export const renewCredential = defineCommand({
  name: "credential.renewed",
  actors: ["person"],
  input: z.object({ credentialId: z.string(), signsEthics: z.boolean(), attestsNoSanction: z.boolean() }),
  async run({ tx, actor, input, now, today, context, notify }) {
    if (!input.signsEthics || !input.attestsNoSanction)
      refuse({ ...(input.signsEthics ? {} : { ethics: "renewal.tickEthics" }), ...(input.attestsNoSanction ? {} : { noSanction: "renewal.tickNoSanction" }) });
    const credential = await assertOwnCredential(tx, actor, input.credentialId);
    const association = (await findAssociationById(tx, credential.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const cycle = await findRenewalCycle(tx, association.id);
    const day = today(association.time_zone);
    const standing = standingOn(cycle, credential.renewal_due, day);
    const renewedThisPeriod = standing.phase === "active" && (await findRenewalLeadingTo(tx, credential.id, credential.renewal_due)) !== undefined;
    const refusal = renewalRefusal(credential.status, standing, renewedThisPeriod);
    if (refusal) refuse({ form: refusal });
    const { category, report } = renewalReportFor(context.frameworks, credential, await findJudgedPortfolio(tx, actor.userId));
    const shortfall = renewalShortfall(report);
    if (shortfall.other.length > 0) refuse({ requirements: "renewal.requirementsShort" });
    const exception = shortfall.hours.length > 0 ? await findRenewalException(tx, credential.id, credential.renewal_due) : undefined;
    if (shortfall.hours.length > 0 && !exception) refuse({ requirements: "renewal.hoursShort" });
    const nextDue = nextDueDate(cycle, credential.renewal_due);
    const feeCents = (await hasPeriodFeeWithAnotherCredential(tx, credential)) ? 0 : standing.feeCents;
    await insertRenewal(tx, {
      credentialId: credential.id,
      associationId: association.id,
      periodDue: credential.renewal_due,
      nextDue,
      renewedOn: day,
      report,
      feeCents,
      lateFee: feeCents > 0 && standing.lateFeeApplies,
      byException: exception !== undefined,
      attestedAt: now,
    });
    await setRenewalDue(tx, credential.id, nextDue, now);
    if (credential.status === "lapsed")
      await changeCredentialStatus(tx, { credentialId: credential.id, from: "lapsed", to: "active", effectiveOn: day, changedBy: actor.userId, now });
    const renewed = {
      key: "notice.credentialRenewed",
      values: { category: category.name, number: credential.number, due: nextDue, fee: dollars(feeCents) },
    } as const;
    await notify(actor.userId, "credential-renewed", renewed, "/credentials", association.locale);
    return done(
      { type: "credential", id: credential.id, associationId: association.id },
      { nextDue, feeCents },
      {
        number: credential.number,
        periodDue: credential.renewal_due,
        nextDue,
        feeCents,
        lateFee: feeCents > 0 && standing.lateFeeApplies,
        byException: exception !== undefined,
        engineStatus: report.status,
        ...(credential.status === "lapsed" ? { from: "lapsed", to: "active" } : {}),
      },
    );
  },
});
