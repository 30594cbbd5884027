import type { RouterContextProvider } from "react-router";
import { associationForStaff as staffAssociation } from "../../src/queries/staff.ts";
import { read, requireUser } from "./route-context.server.ts";

type Context = Readonly<RouterContextProvider>;

/** The association of a staff page, after checking the person works for it (401 for nobody, 404 for no such association, 403 for others). */
export async function associationForStaff(context: Context, slug: string) {
  requireUser(context);
  return read(context, staffAssociation, slug);
}
