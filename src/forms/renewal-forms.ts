import { z } from "zod";
import { isIsoDate } from "../domain/dates.ts";
import { ticked } from "./application-forms.ts";
import { pageQuery } from "./list-filters.ts";

/** /credentials/:id/renew: the code of ethics signed again and no licensing-board sanction, both ticked. */
export const renewForm = z.object({ ethics: ticked("renewal.tickEthics"), noSanction: ticked("renewal.tickNoSanction") });

/** /credentials/:id/reinstate: the membership renewed. */
export const reinstateForm = z.object({ membership: ticked("reinstatement.tickMembership") });

/** The staff's renewal page of one credential: a fee received, an exception for the period, a reinstatement approved. */
export const staffRenewalAction = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("renewal-fee"), renewalId: z.uuid({ error: "portfolio.notFound" }) }),
    z.object({ intent: z.literal("reinstatement-fee"), reinstatementId: z.uuid({ error: "portfolio.notFound" }) }),
    z.object({ intent: z.literal("approve"), reinstatementId: z.uuid({ error: "portfolio.notFound" }) }),
    z.object({ intent: z.literal("exception"), reason: z.string().trim().min(1, "error.required").max(2000, "error.tooLong") }),
  ],
  { error: "error.unknownAction" },
);

export const renewalListShows = ["renewals", "reinstatements"] as const;

/** /a/:slug/renewals: a period's renewals (its due date) or the reinstatement requests waiting, a page at a time; or a credential looked up by number. */
export const staffRenewalsQuery = pageQuery.extend({
  show: z.enum(renewalListShows).optional(),
  period: z.string().refine(isIsoDate).optional(),
  number: z.string().trim().min(1).max(60).optional(),
});
export type StaffRenewalsQuery = z.output<typeof staffRenewalsQuery>;
