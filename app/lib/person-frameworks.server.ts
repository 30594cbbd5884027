import type { Framework } from "../../src/domain/framework-schema.ts";
import { listMembershipsWithFrameworks } from "../../src/data/association-frameworks.ts";
import { services } from "./route-context.server.ts";
import type { RouterContextProvider } from "react-router";

/** The associations a person belongs to, each with its frameworks; and all those frameworks (every one when none yet). */
export async function personFrameworks(context: Readonly<RouterContextProvider>, userId: string) {
  const { db, frameworks } = services(context);
  const memberships = await listMembershipsWithFrameworks(db, userId);
  const byId = new Map(frameworks.map((framework) => [framework.id, framework]));
  const associations = memberships.map((membership) => ({
    ...membership,
    frameworks: membership.frameworkIds.map((id) => byId.get(id)).filter((framework): framework is Framework => framework !== undefined),
  }));
  const used = [...new Set(associations.flatMap((association) => association.frameworks))];
  return { associations, frameworks: used.length > 0 ? used : frameworks };
}
