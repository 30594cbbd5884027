import { z } from "zod";
import { findCredentialOfUserForUpdate, setPublishedFields } from "../data/credentials.ts";
import { publishableFields } from "../domain/credential-number.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/** The holder chooses what their credential's verification page shows beyond their name and the credential itself. */
export const publishCredentialFields = defineCommand({
  name: "credential.published-fields-set",
  actors: ["person"],
  input: z.object({ credentialId: z.string(), fields: z.array(z.enum(publishableFields)).max(publishableFields.length) }),
  async run({ tx, actor, input, now }) {
    const credential = (await findCredentialOfUserForUpdate(tx, input.credentialId, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    const fields = publishableFields.filter((field) => input.fields.includes(field));
    if (fields.join() === publishableFields.filter((field) => credential.published.includes(field)).join()) return unchanged(null);
    await setPublishedFields(tx, credential.id, fields, now);
    return done({ type: "credential", id: credential.id, associationId: credential.association_id }, null, { from: credential.published, to: fields });
  },
});
