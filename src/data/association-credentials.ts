import { sql } from "kysely";
import type { Db } from "./database.ts";
import { isUuid } from "./ids.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";
import type { CredentialStatus } from "./schema.ts";

/** The staff list's filters: one status, and a piece of a number or of the holder's name. */
export type AssociationCredentialsFilter = { status?: CredentialStatus | undefined; search?: string | undefined };

// A typed % or _ is looked for as itself.
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

function credentialsOfAssociation(db: Db, associationId: string, filter: Pick<AssociationCredentialsFilter, "search">) {
  let query = db.selectFrom("credentials").innerJoin("users", "users.id", "credentials.user_id").where("credentials.association_id", "=", associationId);
  if (filter.search) {
    const pattern = containing(filter.search);
    query = query.where((eb) => eb.or([eb("credentials.number", "ilike", pattern), eb("users.name", "ilike", pattern)]));
  }
  return query;
}

// Newest first, as the index credentials_association_order keeps them.
const credentialsOrder: KeysetOrder = { direction: "desc", keys: [orderKey(sql.ref("credentials.issued_on"), "text"), orderKey(sql.ref("credentials.id"), "uuid")] };

/** How many of the association's credentials (matching the search) have each status: one count. */
export function countCredentialsOfAssociationByStatus(db: Db, associationId: string, filter: Pick<AssociationCredentialsFilter, "search">) {
  return credentialsOfAssociation(db, associationId, filter)
    .select(["credentials.status", (eb) => eb.fn.countAll<string>().as("count")])
    .groupBy("credentials.status")
    .execute();
}

/** One page of an association's credentials, with their holders' names, for its staff. */
export function pageCredentialsOfAssociation(db: Db, associationId: string, filter: AssociationCredentialsFilter, request: PageRequest) {
  let query = credentialsOfAssociation(db, associationId, filter);
  if (filter.status) query = query.where("credentials.status", "=", filter.status);
  const listed = query.select([
    "credentials.id",
    "credentials.number",
    "credentials.status",
    "credentials.framework_id",
    "credentials.category_id",
    "credentials.issued_on",
    "users.name",
  ]);
  return readPage(listed, credentialsOrder, request);
}

// By name, as a printed directory is read; the id keeps people of one name apart.
const registryOrder: KeysetOrder = { direction: "asc", keys: [orderKey(sql.ref("users.name"), "text"), orderKey(sql.ref("credentials.id"), "uuid")] };

/**
 * One page of the association's public registry: its active credentials whose holders chose to be
 * listed (a piece of a name or number to look for), with the holder's name. The partial index
 * credentials_registry finds them.
 */
export function pageRegistryOfAssociation(db: Db, associationId: string, filter: Pick<AssociationCredentialsFilter, "search">, request: PageRequest) {
  const listed = credentialsOfAssociation(db, associationId, filter)
    .where("credentials.status", "=", "active")
    .where(sql<boolean>`credentials.published @> '["registry"]'`)
    .select(["credentials.id", "credentials.number", "credentials.framework_id", "credentials.category_id", "users.name"]);
  return readPage(listed, registryOrder, request);
}

/** One credential of the association with its holder's name and email, for its staff; another association's is undefined. */
export async function findCredentialOfAssociation(db: Db, id: string, associationId: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom("credentials")
    .innerJoin("users", "users.id", "credentials.user_id")
    .select([
      "credentials.id",
      "credentials.number",
      "credentials.status",
      "credentials.framework_id",
      "credentials.category_id",
      "credentials.framework_version",
      "credentials.issued_on",
      "credentials.renewal_due",
      "users.name",
      "users.email",
    ])
    .where("credentials.id", "=", id)
    .where("credentials.association_id", "=", associationId)
    .executeTakeFirst();
}
