import { listFrameworkIdsOfAssociation } from "../data/association-frameworks.ts";
import { listRolesOfUserInAssociation, pagePeopleOfAssociation } from "../data/association-roles.ts";
import { findAssociationBySlug, pageAssociations } from "../data/associations.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { associationPolicy } from "../policies/association.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";
import { forbidden, hidden, type Reader } from "./reader.ts";

/** The association's public page: only what an association publishes, and what the visitor may do there. */
export async function publicAssociation(reader: Reader, actor: MaybeActor, slug: string) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  const roles = actor ? await listRolesOfUserInAssociation(reader.db, actor.userId, association.id) : [];
  return {
    id: association.id,
    signedIn: actor !== null,
    isMember: roles.includes("member"),
    association: {
      name: association.name,
      slug: association.slug,
      contactEmail: association.contact_email,
      contactPhone: association.contact_phone,
      website: association.website,
    },
    canViewPeople: associationPolicy.viewPeople(actor, association),
  };
}

/** Who holds which role, for the association's staff and admins; emails included, since they manage these people. */
export async function associationPeople(reader: Reader, actor: MaybeActor, slug: string, list: ListQuery) {
  const { association, canManageRoles } = await peopleManagement(reader, actor, slug);
  const page = await pagePeopleOfAssociation(reader.db, association.id, pageRequest(list.query));
  return { association, page: listPage(page, list.misread), people: page.rows, canManageRoles };
}

/** The association of the people page, and whether the actor may change who holds its roles (403 for who may not see them). */
export async function peopleManagement(reader: Reader, actor: MaybeActor, slug: string) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  if (!associationPolicy.viewPeople(actor, association)) forbidden();
  return { association: { id: association.id, name: association.name }, canManageRoles: associationPolicy.manageRoles(actor, association) };
}

/** One page of the associations on the installation, by name, for its owners. */
export async function allAssociations(reader: Reader, actor: MaybeActor, list: ListQuery) {
  if (!associationPolicy.listAll(actor)) forbidden();
  const page = await pageAssociations(reader.db, pageRequest(list.query));
  return { page: listPage(page, list.misread), associations: page.rows.map(({ slug, name, contact_email }) => ({ slug, name, contactEmail: contact_email })) };
}

/** An association's settings as its edit form shows them, for the installation's owners. */
export async function associationSettings(reader: Reader, actor: MaybeActor, slug: string) {
  if (!associationPolicy.update(actor)) forbidden();
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  return {
    id: association.id,
    fields: {
      name: association.name,
      slug: association.slug,
      locale: association.locale,
      timeZone: association.time_zone,
      contactEmail: association.contact_email,
      contactPhone: association.contact_phone ?? "",
      website: association.website ?? "",
      frameworks: await listFrameworkIdsOfAssociation(reader.db, association.id),
    },
  };
}
