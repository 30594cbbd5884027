import { randomInt } from "node:crypto";
import { z } from "zod";
import { findAssociationById } from "../data/associations.ts";
import { findHoldersNamed, insertAuditedPerson, insertHourAudit, listHoldersDueOn } from "../data/hour-audits.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { drawSample, entriesOfPeriod } from "../domain/hour-audits.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

const fractionSteps = 2 ** 47;
/** A number in [0, 1) from the operating system's randomness: whom an audit draws must not be foreseeable. */
const secureFraction = () => randomInt(fractionSteps) / fractionSteps;

/** The people staff named, each one line matching exactly one holder of the association's credentials by email or name. */
async function namedHolders(tx: Parameters<typeof findHoldersNamed>[0], associationId: string, lines: readonly string[]) {
  const holders = await findHoldersNamed(tx, associationId, lines);
  return lines.map((line) => {
    const wanted = line.toLowerCase();
    const matches = holders.filter((holder) => holder.email.toLowerCase() === wanted || holder.name.toLowerCase() === wanted);
    if (matches.length !== 1) refuse({ people: matches.length === 0 ? "hourAudit.error.unknownPerson" : "hourAudit.error.ambiguousPerson" });
    return matches[0]!.id;
  });
}

/**
 * Staff open an audit of one period's self-reported hours: a random sample of a share of the
 * people whose credentials of the association are due on `periodDue` (active or lapsed), or the
 * holders they name. Each is asked for evidence of their training, RS/C, reading and video entries of
 * the period (as the entries stood then), by `evidenceDue`, and told by mail and in their Messages.
 */
export const createHourAudit = defineCommand({
  name: "hour-audit.created",
  actors: ["person"],
  input: z.object({
    associationId: z.uuid(),
    periodDue: z.iso.date(),
    evidenceDue: z.iso.date(),
    instructions: z.string().trim().max(2000),
    selection: z.enum(["sample", "picked"]),
    percent: z.int().min(1).max(100).nullable(),
    people: z.array(z.string().trim().min(1).max(254)).max(200),
  }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, actor, input, today, notify }) {
    const association = (await findAssociationById(tx, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    if (input.evidenceDue <= today(association.time_zone)) refuse({ evidenceDue: "hourAudit.error.evidenceDue" });
    const holders = input.selection === "sample" ? await listHoldersDueOn(tx, association.id, input.periodDue) : [];
    if (input.selection === "sample" && holders.length === 0) refuse({ periodDue: "hourAudit.error.noHolders" });
    const people =
      input.selection === "sample"
        ? drawSample(holders, input.percent ?? 100, secureFraction)
        : [...new Set(await namedHolders(tx, association.id, input.people))];
    const auditId = await insertHourAudit(tx, {
      associationId: association.id,
      periodDue: input.periodDue,
      samplePercent: input.selection === "sample" ? input.percent : null,
      instructions: input.instructions,
      createdBy: actor.userId,
    });
    const requested: Record<string, string[]> = {};
    for (const userId of people) {
      const entries = entriesOfPeriod((await findPortfolio(tx, userId)).portfolio, input.periodDue);
      requested[userId] = entries.map(({ entry }) => entry.id);
      const auditedId = await insertAuditedPerson(tx, { auditId, userId, evidenceDue: input.evidenceDue, entries });
      await notify(
        userId,
        "hour-audit",
        { key: "notice.hourAudit", values: { association: association.name, period: input.periodDue, due: input.evidenceDue } },
        `/audits/${auditedId}`,
        association.locale,
      );
    }
    return done(
      { type: "hour-audit", id: auditId, associationId: association.id },
      { auditId },
      {
        selection: input.selection,
        percent: input.percent,
        periodDue: input.periodDue,
        evidenceDue: input.evidenceDue,
        ...(input.selection === "sample" ? { population: holders.length } : { named: input.people }),
        requested,
      },
    );
  },
});
