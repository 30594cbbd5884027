import type { RouterContextProvider } from "react-router";
import type { Text } from "../../src/domain/framework-schema.ts";
import { findAssociationBySlug } from "../../src/data/associations.ts";
import { associationPolicy } from "../../src/policies/association.ts";
import { authorize, notFound, services } from "./route-context.server.ts";

type Context = Readonly<RouterContextProvider>;

/** The association of a staff page, after checking the person works for it (404 for no such association). */
export async function associationForStaff(context: Context, slug: string) {
  const association = (await findAssociationBySlug(services(context).db, slug)) ?? notFound();
  const actor = authorize(context, (user) => associationPolicy.actAsStaff(user, association));
  return { association, actor };
}

/** A category's name in both languages, from the frameworks loaded at start. */
export function categoryName(context: Context, frameworkId: string, categoryId: string): Text {
  const category = services(context).frameworks.find((framework) => framework.id === frameworkId)?.categories.find((candidate) => candidate.id === categoryId);
  return category?.name ?? { en: categoryId, es: categoryId };
}
