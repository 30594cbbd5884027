import type { Db } from "../data/database.ts";
import { listAssociations } from "../data/associations.ts";

/** The home page: who is welcomed (and what they can do next), and the associations on this installation. */
export async function homePage(db: Db, actor: { name: string; isOwner: boolean } | null) {
  const associations = await listAssociations(db);
  return {
    userName: actor?.name ?? null,
    visitor: actor === null ? ("anonymous" as const) : actor.isOwner ? ("owner" as const) : ("person" as const),
    associations: associations.map(({ slug, name }) => ({ slug, name })),
  };
}
