import type { Db } from "./database.ts";
import type { LogoMediaType } from "./schema.ts";

/** The association's logo for its certificates, or undefined when it has none. */
export function findAssociationLogo(db: Db, associationId: string) {
  return db.selectFrom("association_logos").select(["media_type as mediaType", "bytes"]).where("association_id", "=", associationId).executeTakeFirst();
}

export async function saveAssociationLogo(db: Db, associationId: string, logo: { mediaType: LogoMediaType; bytes: Uint8Array }, now: Date) {
  await db
    .insertInto("association_logos")
    .values({ association_id: associationId, media_type: logo.mediaType, bytes: logo.bytes, updated_at: now })
    .onConflict((conflict) => conflict.column("association_id").doUpdateSet({ media_type: logo.mediaType, bytes: logo.bytes, updated_at: now }))
    .execute();
}

export async function removeAssociationLogo(db: Db, associationId: string): Promise<boolean> {
  const removed = await db.deleteFrom("association_logos").where("association_id", "=", associationId).executeTakeFirst();
  return removed.numDeletedRows > 0n;
}

/** What the settings page says of the logo: its type and size, without its bytes. */
export function findAssociationLogoFacts(db: Db, associationId: string) {
  return db
    .selectFrom("association_logos")
    .select(["media_type as mediaType", (eb) => eb.fn<number>("octet_length", ["bytes"]).as("sizeBytes")])
    .where("association_id", "=", associationId)
    .executeTakeFirst();
}
