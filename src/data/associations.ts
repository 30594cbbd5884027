import { sql } from "kysely";
import type { Db } from "./database.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";
import type { Locale } from "./schema.ts";

export type AssociationFields = {
  name: string;
  slug: string;
  locale: Locale;
  timeZone: string;
  contactEmail: string;
  contactPhone: string | null;
  website: string | null;
};

const columns = ["id", "slug", "name", "locale", "time_zone", "contact_email", "contact_phone", "website", "application_fee_cents", "candidate_fee_cents", "credential_prefix"] as const;

export function listAssociations(db: Db) {
  return db.selectFrom("associations").select(columns).orderBy("name").execute();
}

const byName: KeysetOrder = { direction: "asc", keys: [orderKey(sql.ref("associations.name"), "text"), orderKey(sql.ref("associations.id"), "uuid")] };

/** One page of the installation's associations, by name. */
export function pageAssociations(db: Db, request: PageRequest) {
  return readPage(db.selectFrom("associations").select(columns), byName, request);
}

export function findAssociationBySlug(db: Db, slug: string) {
  return db.selectFrom("associations").select(columns).where("slug", "=", slug).executeTakeFirst();
}

export function findAssociationById(db: Db, id: string) {
  return db.selectFrom("associations").select(columns).where("id", "=", id).executeTakeFirst();
}

export function isSlugTaken(db: Db, slug: string, exceptId?: string) {
  let query = db.selectFrom("associations").select("id").where("slug", "=", slug);
  if (exceptId) query = query.where("id", "!=", exceptId);
  return query.executeTakeFirst().then(Boolean);
}

export function insertAssociation(db: Db, fields: AssociationFields) {
  return db.insertInto("associations").values(toRow(fields)).returning(columns).executeTakeFirstOrThrow();
}

export async function updateAssociation(db: Db, id: string, fields: AssociationFields, now: Date) {
  await db.updateTable("associations").set({ ...toRow(fields), updated_at: now }).where("id", "=", id).execute();
}

function toRow(fields: AssociationFields) {
  return {
    name: fields.name,
    slug: fields.slug,
    locale: fields.locale,
    time_zone: fields.timeZone,
    contact_email: fields.contactEmail,
    contact_phone: fields.contactPhone,
    website: fields.website,
  };
}

/** What the association's certificates and LinkedIn links name: its LinkedIn organisation id (null when unset). */
export async function findLinkedInOrganizationId(db: Db, associationId: string): Promise<string | null> {
  const row = await db.selectFrom("associations").select("linkedin_organization_id").where("id", "=", associationId).executeTakeFirst();
  return row?.linkedin_organization_id ?? null;
}

export async function setLinkedInOrganizationId(db: Db, associationId: string, organizationId: string | null, now: Date) {
  await db.updateTable("associations").set({ linkedin_organization_id: organizationId, updated_at: now }).where("id", "=", associationId).execute();
}

/** The time zone of the first association a person joined as a member, or "UTC" when they belong to none. */
export async function findTimeZoneOfPerson(db: Db, userId: string): Promise<string> {
  const row = await db
    .selectFrom("association_roles")
    .innerJoin("associations", "associations.id", "association_roles.association_id")
    .select("associations.time_zone")
    .where("association_roles.user_id", "=", userId)
    .where("association_roles.role", "=", "member")
    .orderBy("association_roles.created_at")
    .orderBy("associations.id")
    .executeTakeFirst();
  return row?.time_zone ?? "UTC";
}
