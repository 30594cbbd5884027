import { appendAudit } from "../data/audit-log.ts";
import { findAssociationById } from "../data/associations.ts";
import { findCandidacy, insertCandidacy, listCandidaciesDueReminder, markCandidacyReminded, setAdvisor } from "../data/candidacies.ts";
import { findUserByEmail } from "../data/users.ts";
import { hasRole, type SessionActor } from "../policies/actor.ts";
import { addMonths, toDay, toIso } from "../domain/dates.ts";
import type { Category, Framework } from "../domain/framework-schema.ts";
import { notifyUser } from "./notify.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";
import { listRolesOfUserInAssociation } from "../data/association-roles.ts";

const atDay = (day: number) => new Date(day * 86_400_000);

/** Enrols the person as a candidate for a category that offers it: valid for the category's years, with the association's fee. */
export async function enrolAsCandidate(
  context: CommandContext,
  person: { userId: string },
  input: { associationId: string; framework: Framework; category: Category },
): Promise<Result<{ candidacyId: string }>> {
  const years = input.category.candidateStatusYears;
  if (!years) return fail({ form: "candidacy.notOffered" });
  const now = context.now();
  const expires = atDay(addMonths(toDay(now.toISOString().slice(0, 10)), years * 12));
  return context.db.transaction().execute(async (tx) => {
    const association = await findAssociationById(tx, input.associationId);
    const inserted = await insertCandidacy(tx, {
      userId: person.userId,
      associationId: input.associationId,
      frameworkId: input.framework.id,
      categoryId: input.category.id,
      enrolledAt: now,
      expiresAt: expires,
      feeCents: association?.candidate_fee_cents ?? null,
    });
    if (!inserted) return fail<{ candidacyId: string }>({ form: "candidacy.already" });
    await appendAudit(tx, { actorUserId: person.userId, associationId: input.associationId, action: "candidacy.enrolled", subjectType: "candidacy", subjectId: inserted.id, details: { category: input.category.id, expires: toIso(toDay(expires.toISOString().slice(0, 10))) } });
    const until = expires.toISOString().slice(0, 10);
    const what = { en: `You are a candidate for ${input.category.name.en} until ${until}.`, es: `Usted es candidato/a para ${input.category.name.es} hasta el ${until}.` };
    await notifyUser(tx, context, person.userId, "candidacy-enrolled", what, "/applications");
    return ok({ candidacyId: inserted.id });
  });
}

/** Staff name an advisor: someone holding a role in the same association. */
export async function assignAdvisor(context: CommandContext, actor: SessionActor, input: { candidacyId: string; advisorEmail: string }): Promise<Result<null>> {
  return context.db.transaction().execute(async (tx) => {
    const candidacy = await findCandidacy(tx, input.candidacyId);
    if (!candidacy || !(actor.isOwner || hasRole(actor, candidacy.association_id, "staff", "admin"))) return fail<null>({ form: "portfolio.notFound" });
    const advisor = await findUserByEmail(tx, input.advisorEmail);
    const roles = advisor ? await listRolesOfUserInAssociation(tx, advisor.id, candidacy.association_id) : [];
    if (!advisor || !roles.some((role) => role !== "member")) return fail<null>({ advisorEmail: "candidacy.advisorNotInAssociation" });
    await setAdvisor(tx, candidacy.id, advisor.id);
    await appendAudit(tx, { actorUserId: actor.userId, associationId: candidacy.association_id, action: "candidacy.advisor-assigned", subjectType: "candidacy", subjectId: candidacy.id, details: { advisor: advisor.id } });
    const what = { en: `${advisor.name} is now your advisor.`, es: `${advisor.name} es ahora su asesor/a.` };
    await notifyUser(tx, context, candidacy.user_id, "candidacy-advisor", what, "/applications");
    return ok(null);
  });
}

/** Reminds candidates 12, 6 and 1 month before their status ends. Returns how many were reminded. */
export async function sendCandidacyReminders(context: CommandContext): Promise<number> {
  const now = context.now();
  const today = toDay(now.toISOString().slice(0, 10));
  let sent = 0;
  for (const [nth, months] of [[1, 12], [2, 6], [3, 1]] as const) {
    for (const candidacy of await listCandidaciesDueReminder(context.db, nth, atDay(addMonths(today, months)), now)) {
      await context.db.transaction().execute(async (tx) => {
        const until = candidacy.expires_at.toISOString().slice(0, 10);
        const what = { en: `Your candidate status ends on ${until}: submit your application before then.`, es: `Su condición de candidato/a termina el ${until}: envíe su solicitud antes de esa fecha.` };
        await notifyUser(tx, context, candidacy.user_id, "candidacy-reminder", what, "/applications");
        await markCandidacyReminded(tx, candidacy.id, nth);
      });
      sent++;
    }
  }
  return sent;
}
