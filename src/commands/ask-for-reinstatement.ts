import { z } from "zod";
import { findAssociationById } from "../data/associations.ts";
import { findOpenReinstatement, insertReinstatement } from "../data/credential-reinstatements.ts";
import { findRenewalCycle } from "../data/renewal-cycles.ts";
import { dollars } from "../i18n/format.ts";
import { noticeMail } from "../mail/templates.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertOwnCredential } from "./guards/lock-credential.ts";

/**
 * The holder of a removed credential asks to be reinstated, attesting their membership is renewed. The fee is
 * a late renewal's (the renewal fee and the late fee), for staff to record as received; staff approve once
 * three new ratings are in (asked from the references page, as for an application).
 */
export const askForReinstatement = defineCommand({
  name: "credential.reinstatement-requested",
  actors: ["person"],
  input: z.object({ credentialId: z.string(), attestsMembership: z.boolean() }),
  async run({ tx, actor, input, now, today, context, notify, mail }) {
    if (!input.attestsMembership) refuse({ membership: "reinstatement.tickMembership" });
    const credential = await assertOwnCredential(tx, actor, input.credentialId);
    if (credential.status !== "removed") refuse({ form: "reinstatement.notRemoved" });
    if (await findOpenReinstatement(tx, credential.id)) refuse({ form: "reinstatement.alreadyAsked" });
    const association = (await findAssociationById(tx, credential.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const cycle = await findRenewalCycle(tx, association.id);
    const feeCents = cycle.renewalFeeCents + cycle.lateFeeCents;
    const requestedOn = today(association.time_zone);
    const id = await insertReinstatement(tx, { credentialId: credential.id, associationId: association.id, requestedOn, feeCents, now });
    const asked = { key: "notice.reinstatementRequested", values: { number: credential.number, fee: dollars(feeCents) } } as const;
    const person = await notify(actor.userId, "reinstatement-requested", asked, `/credentials/${credential.id}/reinstate`, association.locale);
    const what = { key: "notice.reinstatementReceived", values: { holder: person?.name ?? "", number: credential.number } } as const;
    await mail({
      kind: "reinstatement-received",
      userId: null,
      to: association.contact_email,
      ...noticeMail(association.locale, association.name, what, `${context.baseUrl}/a/${association.slug}/renewals/${credential.id}`),
    });
    return done(
      { type: "credential", id: credential.id, associationId: association.id },
      { reinstatementId: id },
      { reinstatementId: id, number: credential.number, feeCents, requestedOn },
    );
  },
});
