import { findAssociationBySlug } from "../data/associations.ts";
import { pageRegistryOfAssociation } from "../data/association-credentials.ts";
import type { RegistryQuery } from "../forms/credential-forms.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";
import { categoryName, hidden, type Reader } from "./reader.ts";

/**
 * /a/:slug/registry, open to anyone: one page of the association's endorsed professionals who chose
 * to be listed, by name, each with the category and the number that leads to its verification page.
 * Nothing else of them leaves the server (the page's data is public too, at `.data`).
 */
export async function associationRegistry(reader: Reader, _actor: MaybeActor, slug: string, list: ListQuery<RegistryQuery>) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  const search = list.query.search || undefined;
  const page = await pageRegistryOfAssociation(reader.db, association.id, { search }, pageRequest(list.query));
  return {
    association: { name: association.name, slug: association.slug },
    search: search ?? "",
    page: listPage(page, list.misread),
    holders: page.rows.map((row) => ({
      name: row.name,
      number: row.number,
      category: categoryName(reader, row.framework_id, row.category_id),
    })),
  };
}
