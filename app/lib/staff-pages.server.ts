import type { RouterContextProvider } from "react-router";
import type { Text } from "../../src/domain/framework-schema.ts";
import { categoryName as nameOfCategory } from "../../src/queries/reader.ts";
import { associationForStaff as staffAssociation } from "../../src/queries/staff.ts";
import { read, requireUser, services } from "./route-context.server.ts";

type Context = Readonly<RouterContextProvider>;

/** The association of a staff page, after checking the person works for it (401 for nobody, 404 for no such association, 403 for others). */
export async function associationForStaff(context: Context, slug: string) {
  requireUser(context);
  return read(context, staffAssociation, slug);
}

/** A category's name in both languages, from the frameworks loaded at start. */
export function categoryName(context: Context, frameworkId: string, categoryId: string): Text {
  return nameOfCategory(services(context), frameworkId, categoryId);
}
