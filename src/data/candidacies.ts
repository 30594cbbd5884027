import { sql } from "kysely";
import type { Db } from "./database.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";
import { isUuid } from "./ids.ts";

const columns = ["id", "user_id", "association_id", "framework_id", "category_id", "enrolled_at", "expires_at", "fee_cents", "advisor_user_id", "reminders_sent"] as const;

export function insertCandidacy(
  db: Db,
  candidacy: { userId: string; associationId: string; frameworkId: string; categoryId: string; enrolledAt: Date; expiresAt: Date; feeCents: number | null },
) {
  return db
    .insertInto("candidacies")
    .values({
      user_id: candidacy.userId,
      association_id: candidacy.associationId,
      framework_id: candidacy.frameworkId,
      category_id: candidacy.categoryId,
      enrolled_at: candidacy.enrolledAt,
      expires_at: candidacy.expiresAt,
      fee_cents: candidacy.feeCents,
    })
    .onConflict((conflict) => conflict.doNothing())
    .returning("id")
    .executeTakeFirst();
}

export function listCandidaciesOfUser(db: Db, userId: string) {
  return db.selectFrom("candidacies").select(columns).where("user_id", "=", userId).orderBy("enrolled_at").execute();
}

export async function findCandidacy(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("candidacies").select(columns).where("id", "=", id).executeTakeFirst();
}

export async function findCandidacyForUpdate(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("candidacies").select(columns).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The staff list's filters: still open or ended at `now`, and enrolled since a moment. */
export type AssociationCandidatesFilter = { now: Date; status?: "active" | "expired" | undefined; enrolledSince?: Date | undefined };

function candidatesOfAssociation(db: Db, associationId: string, filter: Omit<AssociationCandidatesFilter, "status">) {
  let query = db.selectFrom("candidacies").where("candidacies.association_id", "=", associationId);
  if (filter.enrolledSince) query = query.where("candidacies.enrolled_at", ">=", filter.enrolledSince);
  return query;
}

// Soonest ending first, as the index candidacies_association_order keeps them.
const candidatesOrder: KeysetOrder = { direction: "asc", keys: [orderKey(sql.ref("candidacies.expires_at"), "timestamp"), orderKey(sql.ref("candidacies.id"), "uuid")] };

/** How many of the association's candidacies are open and how many ended (within the window only): one count. */
export async function countCandidatesOfAssociationByStatus(db: Db, associationId: string, filter: Omit<AssociationCandidatesFilter, "status">) {
  const counts = await candidatesOfAssociation(db, associationId, filter)
    .select([
      sql<string>`count(*) filter (where candidacies.expires_at >= ${filter.now})`.as("active"),
      sql<string>`count(*) filter (where candidacies.expires_at < ${filter.now})`.as("expired"),
    ])
    .executeTakeFirstOrThrow();
  return { active: Number(counts.active), expired: Number(counts.expired) };
}

/** One page of an association's candidates, with names for its staff. */
export function pageCandidatesOfAssociation(db: Db, associationId: string, filter: AssociationCandidatesFilter, request: PageRequest) {
  let query = candidatesOfAssociation(db, associationId, filter);
  if (filter.status) query = query.where("candidacies.expires_at", filter.status === "active" ? ">=" : "<", filter.now);
  const listed = query
    .innerJoin("users", "users.id", "candidacies.user_id")
    .leftJoin("users as advisors", "advisors.id", "candidacies.advisor_user_id")
    .select([
      "candidacies.id",
      "candidacies.user_id",
      "candidacies.association_id",
      "candidacies.advisor_user_id",
      "candidacies.category_id",
      "candidacies.framework_id",
      "candidacies.expires_at",
      "users.name",
      "advisors.name as advisorName",
    ]);
  return readPage(listed, candidatesOrder, request);
}

export async function setAdvisor(db: Db, id: string, advisorUserId: string) {
  await db.updateTable("candidacies").set({ advisor_user_id: advisorUserId }).where("id", "=", id).execute();
}

/** Candidacies that may be due their nth reminder (`expires_at` up to `expiresBefore`), with their association's time zone for the exact day. */
export function listCandidaciesDueReminder(db: Db, nth: number, expiresBefore: Date, now: Date) {
  return db
    .selectFrom("candidacies")
    .innerJoin("associations", "associations.id", "candidacies.association_id")
    .select(["candidacies.id", "candidacies.expires_at", "associations.time_zone"])
    .where("candidacies.reminders_sent", "=", nth - 1)
    .where("candidacies.expires_at", "<=", expiresBefore)
    .where("candidacies.expires_at", ">", now)
    .execute();
}

export async function markCandidacyReminded(db: Db, id: string, count: number) {
  await db.updateTable("candidacies").set({ reminders_sent: count }).where("id", "=", id).execute();
}
