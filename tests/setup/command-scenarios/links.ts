import { askForReference } from "../../../src/commands/ask-for-reference.ts";
import { systemActor } from "../../../src/policies/actor.ts";
import { buildApplicant, commandsOf } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** References and confirmations: what raters, providers and supervisors do through their links. */
export const linkScenarios: Record<string, Scenario> = {
  "reference.reminded": async (app) => {
    const applicant = await buildApplicant(app);
    const asked = await askForReference(commandsOf(app), { userId: applicant.user.id, name: applicant.user.name }, { raterName: "Rae Rater", raterEmail: "rae@example.org", role: "supervisor", frameworkId: "alliance-iecmh-e", waived: false, locale: "en" });
    if (!asked.ok) throw new Error("could not ask for a reference");
    const link = await app.services.db.selectFrom("access_links").select("id").where("entry_id", "=", asked.value.referenceId).executeTakeFirstOrThrow();
    return { actor: systemActor("test"), input: { linkId: link.id, nth: 1 } };
  },
};
