import type { Db } from "../data/database.ts";
import { listAssociations } from "../data/associations.ts";

/** The home page: who is welcomed, and the associations on this installation. */
export async function homePage(db: Db, actor: { name: string } | null) {
  const associations = await listAssociations(db);
  return { userName: actor?.name ?? null, associations: associations.map(({ slug, name }) => ({ slug, name })) };
}
