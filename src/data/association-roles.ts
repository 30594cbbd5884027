import { sql } from "kysely";
import type { Db } from "./database.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";
import type { AssociationRole } from "./schema.ts";

export async function insertRole(db: Db, userId: string, associationId: string, role: AssociationRole) {
  const inserted = await db
    .insertInto("association_roles")
    .values({ user_id: userId, association_id: associationId, role })
    .onConflict((conflict) => conflict.doNothing())
    .returning("role")
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteRole(db: Db, userId: string, associationId: string, role: AssociationRole) {
  const result = await db
    .deleteFrom("association_roles")
    .where("user_id", "=", userId)
    .where("association_id", "=", associationId)
    .where("role", "=", role)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

function peopleOfAssociation(db: Db, associationId: string) {
  return db
    .selectFrom("association_roles")
    .innerJoin("users", "users.id", "association_roles.user_id")
    .select(["users.id as userId", "users.name", "users.email", "association_roles.role"])
    .where("association_roles.association_id", "=", associationId);
}

const peopleOrder: KeysetOrder = {
  direction: "asc",
  keys: [orderKey(sql.ref("users.name"), "text"), orderKey(sql.ref("users.id"), "uuid"), orderKey(sql.ref("association_roles.role"), "text")],
};

/** One page of who holds which role in the association, by name. */
export function pagePeopleOfAssociation(db: Db, associationId: string, request: PageRequest) {
  return readPage(peopleOfAssociation(db, associationId), peopleOrder, request);
}

/** The association's reviewers, to choose from when assigning one (a few people, unlike its members). */
export function listReviewersOfAssociation(db: Db, associationId: string) {
  return peopleOfAssociation(db, associationId).where("association_roles.role", "=", "reviewer").orderBy("users.name").execute();
}

export function listRolesOfUser(db: Db, userId: string) {
  return db
    .selectFrom("association_roles")
    .innerJoin("associations", "associations.id", "association_roles.association_id")
    .select(["associations.slug", "associations.name", "association_roles.role"])
    .where("association_roles.user_id", "=", userId)
    .orderBy("associations.name")
    .execute();
}

export async function listRolesOfUserInAssociation(db: Db, userId: string, associationId: string) {
  const rows = await db.selectFrom("association_roles").select("role").where("user_id", "=", userId).where("association_id", "=", associationId).execute();
  return rows.map((row) => row.role);
}

/** What a person may do now: their owner flag and roles, read again inside a command's transaction. */
export async function findStandingOfUser(db: Db, userId: string) {
  const user = await db.selectFrom("users").select("is_owner").where("id", "=", userId).executeTakeFirst();
  if (!user) return undefined;
  const roles = await db.selectFrom("association_roles").select(["association_id", "role"]).where("user_id", "=", userId).execute();
  return { isOwner: user.is_owner, roles };
}
