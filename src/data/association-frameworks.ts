import type { Db } from "./database.ts";

export async function listFrameworkIdsOfAssociation(db: Db, associationId: string): Promise<string[]> {
  const rows = await db.selectFrom("association_frameworks").select("framework_id").where("association_id", "=", associationId).orderBy("framework_id").execute();
  return rows.map((row) => row.framework_id);
}

/** The associations a person belongs to, with the frameworks each has adopted. */
export async function listMembershipsWithFrameworks(db: Db, userId: string) {
  const rows = await db
    .selectFrom("association_roles")
    .innerJoin("associations", "associations.id", "association_roles.association_id")
    .leftJoin("association_frameworks", "association_frameworks.association_id", "associations.id")
    .select(["associations.id", "associations.slug", "associations.name", "association_frameworks.framework_id"])
    .where("association_roles.user_id", "=", userId)
    .where("association_roles.role", "=", "member")
    .orderBy("associations.name")
    .execute();
  const byId = new Map<string, { id: string; slug: string; name: string; frameworkIds: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, slug: row.slug, name: row.name, frameworkIds: [] };
    if (row.framework_id) entry.frameworkIds.push(row.framework_id);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

export async function setFrameworksOfAssociation(db: Db, associationId: string, frameworkIds: string[]) {
  await db.deleteFrom("association_frameworks").where("association_id", "=", associationId).execute();
  if (frameworkIds.length > 0) {
    await db.insertInto("association_frameworks").values(frameworkIds.map((framework_id) => ({ association_id: associationId, framework_id }))).execute();
  }
}
