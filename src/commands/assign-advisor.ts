import { z } from "zod";
import { listRolesOfUserInAssociation } from "../data/association-roles.ts";
import { findCandidacy, setAdvisor } from "../data/candidacies.ts";
import { findUserByEmail } from "../data/users.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/** Staff name a candidate's advisor: someone holding a role other than member in the same association. */
export const assignAdvisor = defineCommand({
  name: "candidacy.advisor-assigned",
  actors: ["person"],
  input: z.object({ candidacyId: z.string(), advisorEmail: z.string() }),
  async run({ tx, actor, input, notify }) {
    const candidacy = await findCandidacy(tx, input.candidacyId);
    if (!candidacy || !associationPolicy.actAsStaff(actor, { id: candidacy.association_id })) refuse({ form: "portfolio.notFound" });
    const advisor = await findUserByEmail(tx, input.advisorEmail);
    const roles = advisor ? await listRolesOfUserInAssociation(tx, advisor.id, candidacy.association_id) : [];
    if (!advisor || !roles.some((role) => role !== "member")) refuse({ advisorEmail: "candidacy.advisorNotInAssociation" });
    await setAdvisor(tx, candidacy.id, advisor.id);
    await notify(candidacy.user_id, "candidacy-advisor", { key: "notice.advisorAssigned", values: { advisor: advisor.name } }, "/applications");
    return done({ type: "candidacy", id: candidacy.id, associationId: candidacy.association_id }, null, { advisor: advisor.id });
  },
});
